import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { ARTIFACTS, browserGame, type TestBrowser } from "../helpers/browser.ts";
import { cutOff, untranslated } from "../helpers/pseudo.ts";
import { Client } from "@colyseus/sdk";
import { joinAs, type TestGame } from "../helpers/server.ts";

const WAIT = { timeout: 30_000 };
const FULL_HD = { width: 1920, height: 1080 };
const NAMES = ["Ana", "Bo", "小明"];
/** Newcomers after the start: they ask the facilitator for a seat (the production default, `lateSeatsAsk`). */
const LATE = ["Zoé", "Yusuf"];
/** A name the look-alike check refuses ("Ana" plays): its phone asks the facilitator to let it in. */
const LOOK_ALIKE = "Anȧ";

let game: TestGame;
let tb: TestBrowser;

browserGame({ serverLimits: { lateSeatsAsk: true } }, (g, b) => {
  game = g;
  tb = b;
});

/**
 * No English left and nothing cut off, in en-XA, whoever's words they are; a screenshot to look at.
 * `allowed` holds only what is never translated: nicknames, the join code and address, the host key.
 */
async function expectTranslated(page: Page, state: string, allowed: string[]): Promise<void> {
  // Soft: one run lists every state's findings, not only the first state's. The product's name is a name.
  expect.soft(await untranslated(page, ["Citizen Score", ...allowed]), state).toEqual([]);
  // Labels only a screen reader reads sit in a 1-pixel clipped box on purpose.
  const forReaders = await page.locator(".visually-hidden").allTextContents();
  expect
    .soft(
      (await cutOff(page)).filter((text) => !forReaders.includes(text)),
      state,
    )
    .toEqual([]);
  await shot(page, state);
}

/** A real language's screen: it too fits the window; a screenshot to look at. */
async function shot(page: Page, name: string): Promise<void> {
  await expectInWindow(page, name);
  await page.screenshot({ path: join(ARTIFACTS, `i18n-host-${name}.png`) });
}

/** Nothing pushes the page past the window's edge (a projector has no scroll bar to reach it). */
async function expectInWindow(page: Page, state: string): Promise<void> {
  // A drawer sliding in overhangs until it has arrived.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.effect?.getTiming().iterations === Infinity || a.playState !== "running"));
  const wide = await page.evaluate(() => [...document.querySelectorAll(".host-page, .setup")].map((el) => el.scrollWidth - el.clientWidth));
  expect(Math.max(0, ...wide), `${state}: wider than the window`).toBeLessThanOrEqual(1);
}

describe("the projector and the watch view in every language", () => {
  it("walks setup, lobby, a round, pause, the drawer and dialogs, and the end in the pseudo-locale with no English left and nothing cut off; German and Chinese projectors follow it", async () => {
    const projector = await tb.page("projector", FULL_HD);
    await projector.goto(`${game.url}/host?lang=en-XA`);
    await expect.poll(() => projector.getByTestId("create-button").isEnabled(), WAIT).toBe(true);
    await projector.locator("details").evaluateAll((all) => all.forEach((d) => d.setAttribute("open", "")));
    // The reopen form's example code.
    await expectTranslated(projector, "setup", ["ABCDE"]);

    // The setup page in German, with its language picker.
    const setupDe = await tb.page("setup-de", FULL_HD);
    await setupDe.goto(`${game.url}/host?lang=de`);
    await setupDe.getByText("Eine Sitzung leiten").waitFor(WAIT);
    expect(await setupDe.getByTestId("language-picker").inputValue()).toBe("de");
    await shot(setupDe, "setup-de");
    await setupDe.close();

    await projector.getByTestId("create-button").click();
    const code = (await projector.getByTestId("join-code").textContent(WAIT))!.trim();
    expect(code).toMatch(/^[A-Z0-9]{5}$/);
    const players = [];
    for (const name of NAMES) players.push(await joinAs(game, code, name));
    await expect.poll(() => projector.locator(".chips .chip").count(), WAIT).toBe(NAMES.length);
    const address = (await projector.getByTestId("join-url").textContent())!;
    const link = (await projector.getByTestId("join-url").getAttribute("title"))!;
    // Longest first: `untranslated` takes each out in turn, and the code is inside the link.
    const names = [link, address, code, ...NAMES];
    await expectTranslated(projector, "lobby", names);

    // Two more facilitator screens of the same session (this browser holds its host key), in German and Chinese.
    const de = await projector.context().newPage();
    await de.goto(`${game.url}/host?code=${code}&lang=de`);
    await de.getByText("Tritt mit deinem Handy bei").waitFor(WAIT);
    await shot(de, "lobby-de");
    const zh = await projector.context().newPage();
    await zh.goto(`${game.url}/host?code=${code}&lang=zh-Hans`);
    await zh.getByText("用手机加入").waitFor(WAIT);
    await shot(zh, "lobby-zh");

    // The content note, over the lobby, on all three.
    for (const page of [projector, de, zh]) {
      await page.getByTestId("content-note-button").click();
      await page.getByTestId("content-note").waitFor(WAIT);
    }
    await expectTranslated(projector, "content-note", names);
    // The stage clips what overflows it: the note's title and its button lie inside it in every language.
    for (const page of [projector, de, zh]) {
      const [title, close, stage] = await Promise.all(
        ["#content-note-title", "[data-testid=content-note-close]", "[data-testid=content-note]"].map((sel) => page.locator(sel).boundingBox()),
      );
      expect(title!.y, "the note's title below the stage's top").toBeGreaterThanOrEqual(stage!.y);
      expect(close!.y + close!.height, "the note's button above the stage's bottom").toBeLessThanOrEqual(stage!.y + stage!.height);
      // At 1080p the whole note is read from the back of the room without scrolling (larger text scrolls its body).
      expect(await page.locator(".note-body").evaluate((el) => el.scrollHeight - el.clientHeight), "the note's body unscrolled").toBeLessThanOrEqual(1);
    }
    await shot(de, "content-note-de");
    await shot(zh, "content-note-zh");
    for (const page of [projector, de, zh]) await page.getByTestId("content-note-close").click();

    await projector.getByTestId("start-button").click();
    await projector.getByTestId("pause-button").waitFor(WAIT);
    await expectTranslated(projector, "round", names);
    await expect.poll(() => de.getByTestId("round").textContent(), WAIT).toBe("Runde 1 / 5");
    await expect.poll(() => zh.getByTestId("round").textContent(), WAIT).toBe("第 1 / 5 回合");

    // Two newcomers after the start ask for a seat, and a look-alike name asks to be let in: three cards, and the line that says No to all.
    const late = await Promise.all([
      ...LATE.map((name) => new Client(game.url).joinById(code, { name })),
      new Client(game.url).joinById(code, { name: LOOK_ALIKE, ask: true }),
    ]);
    // Their welcome and refusal are the phone's business, not this walk's.
    for (const room of late) room.onMessage("*", () => {});
    const turnedAway = late.map((room) => new Promise<number>((closed) => room.onLeave(closed)));
    await expect.poll(() => projector.getByTestId("seat-request").count(), WAIT).toBe(late.length);
    await projector.getByTestId("deny-all-requests").waitFor(WAIT);
    await expectTranslated(projector, "seat-requests", [...names, ...LATE, LOOK_ALIKE]);
    await expect.poll(() => de.getByTestId("seat-request").count(), WAIT).toBe(late.length);
    await shot(de, "seat-requests-de");
    await expect.poll(() => zh.getByTestId("seat-request").count(), WAIT).toBe(late.length);
    await shot(zh, "seat-requests-zh");
    // The look-alike card's reason is the server's refusal inside the card's message, where the pseudo-locale's bracket check
    // cannot see English: on the Chinese projector no card holds a word of it.
    const zhCards = await zh.getByTestId("seat-request").allTextContents();
    expect(zhCards.filter((text) => /[A-Za-z]{3,}/.test([...NAMES, ...LATE, LOOK_ALIKE].reduce((rest, name) => rest.split(name).join(" "), text)))).toEqual([]);
    // The cards stay below the top bar, whose join code the newcomers need, and need no scrolling at 1080p.
    for (const page of [projector, de, zh]) {
      const [cards, stage] = await Promise.all(["[data-testid=seat-requests]", ".stage"].map((sel) => page.locator(sel).boundingBox()));
      expect(cards!.y, "the cards below the top bar").toBeGreaterThanOrEqual(stage!.y);
      expect(await page.getByTestId("seat-requests").evaluate((el) => el.scrollHeight - el.clientHeight), "the cards unscrolled").toBeLessThanOrEqual(1);
    }
    await projector.getByTestId("deny-all-requests").click();
    await expect.poll(() => projector.getByTestId("seat-requests").isVisible(), WAIT).toBe(false);
    await Promise.all(turnedAway);

    await projector.getByTestId("pause-button").click();
    await projector.locator(".paused-overlay:not([hidden])").waitFor(WAIT);
    await expectTranslated(projector, "paused", names);
    await de.locator(".paused-overlay:not([hidden])").waitFor(WAIT);
    expect(await de.getByTestId("pause-button").textContent()).toBe("▶ Fortsetzen");
    await shot(de, "paused-de");
    await shot(zh, "paused-zh");

    await projector.getByTestId("events-button").click();
    await projector.getByTestId("events-drawer").waitFor(WAIT);
    await expectTranslated(projector, "drawer", names);
    await projector.getByTestId("drawer-close").click();

    await projector.getByTestId("settings-button").click();
    await projector.getByTestId("settings-dialog").waitFor(WAIT);
    await expectTranslated(projector, "settings", names);

    // The host-key box with the key shown and the phone link's QR code up.
    await projector.getByTestId("show-host-key").click();
    const key = (await projector.getByTestId("host-key").textContent(WAIT))!.trim();
    await projector.getByTestId("phone-control").click();
    await expect.poll(() => projector.getByTestId("phone-qr").getAttribute("data-link"), WAIT).toMatch(/#link=/);
    await expectTranslated(projector, "host-key", [key, ...names]);
    for (const page of [de, zh]) {
      await page.getByTestId("settings-button").click();
      await page.getByTestId("show-host-key").click();
      await page.getByTestId("host-key").waitFor(WAIT);
    }
    await shot(de, "host-key-de");
    await shot(zh, "host-key-zh");

    // A phone opens the link: every facilitator screen asks, Allow or Refuse, over Settings.
    const phoneLink = (await projector.getByTestId("phone-qr").getAttribute("data-link"))!;
    const phone = await tb.page("phone-link", { width: 390, height: 844 }, true);
    await phone.goto(phoneLink);
    await projector.getByTestId("phone-ask").waitFor(WAIT);
    await expectTranslated(projector, "phone-ask", [key, ...names]);
    await de.getByTestId("phone-ask").waitFor(WAIT);
    await shot(de, "phone-ask-de");
    await zh.getByTestId("phone-ask").waitFor(WAIT);
    await shot(zh, "phone-ask-zh");
    await projector.getByTestId("refuse-phone").click();
    await expect.poll(() => projector.getByTestId("host-key-status").textContent(), WAIT).toMatch(/^⟦/);
    await expectTranslated(projector, "phone-refused", [key, ...names]);
    await phone.close();
    for (const page of [projector, de, zh]) await page.keyboard.press("Escape");

    await projector.locator(".board-panel .lb-row").first().click();
    await projector.getByTestId("remove-dialog").waitFor(WAIT);
    await expectTranslated(projector, "remove", names);
    await projector.keyboard.press("Escape");

    const watch = await tb.page("watch", FULL_HD);
    await watch.goto(`${game.url}/watch/${code}?lang=en-XA`);
    await watch.getByTestId("watch-chip").waitFor(WAIT);
    await watch.locator(".paused-overlay:not([hidden])").waitFor(WAIT);
    await expectTranslated(watch, "watch", names);

    await projector.getByTestId("end-button").click();
    await projector.getByTestId("end-button").click();
    await projector.getByTestId("final-panel").waitFor(WAIT);
    await watch.getByTestId("final-panel").waitFor(WAIT);
    await expectTranslated(projector, "end", names);
    await expectTranslated(watch, "watch-end", names);
    await de.getByText("Spiel vorbei").first().waitFor(WAIT);
    await shot(de, "end-de");
    await zh.getByText("游戏结束").first().waitFor(WAIT);
    await shot(zh, "end-zh");
    expect(tb.problems).toEqual([]);
    for (const p of players) await p.room.leave();
  }, 600_000);
});
