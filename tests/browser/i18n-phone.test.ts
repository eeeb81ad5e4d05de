import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ARTIFACTS, browserGame, joinUntilPinAsked, openTab, type TestBrowser } from "../helpers/browser.ts";
import { cutOff, untranslated } from "../helpers/pseudo.ts";
import type { ServerMessages } from "../../shared/messages/messages.ts";
import { cutSocket, serverRoom } from "../helpers/faults.ts";
import { host, joinAs, nextMessage, type TestGame } from "../helpers/server.ts";

const WAIT = { timeout: 15_000 };
const PHONE = { width: 390, height: 844 };
const TABS = ["act", "people", "me", "board"] as const;

let game: TestGame;
let tb: TestBrowser;

browserGame({ reconnectSeconds: 30 }, (g, b) => {
  game = g;
  tb = b;
});

/** The phone in the pseudo-locale: no English of its own left, nothing cut off by its box. */
async function checkPseudo(page: Page, state: string, names: string[]) {
  await expect.poll(() => page.locator(".toast.leaving").count(), WAIT).toBe(0);
  // Polled: the screen redraws every second.
  await expect.poll(() => untranslated(page, names), { ...WAIT, message: `${state}: English left` }).toEqual([]);
  expect(await cutOff(page), `${state}: text cut off`).toEqual([]);
  await page.screenshot({ path: join(ARTIFACTS, `i18n-phone-${state}.png`) });
}

async function joinPhone(page: Page, code: string, name: string, lang: string) {
  await page.goto(`${game.url}/?code=${code}&lang=${lang}`);
  await page.getByTestId("nickname").fill(name);
  await page.getByTestId("join-button").click();
  await page.getByTestId("tab-act").waitFor(WAIT);
}

describe("the phone in every language", () => {
  it("walks join, lobby, each screen of a round, a pause and the end in the pseudo-locale with no English of its own and nothing cut off", async () => {
    const h = await host(game, { roundSeconds: 900 });
    // Not translated, rightly: the product's name, the session's code and the players' nicknames.
    const names = ["Citizen Score", h.code, "Ana", "Bo", "Cy"];
    const ana = await tb.page("ana", PHONE, true);
    await ana.goto(`${game.url}/?code=${h.code}&lang=en-XA`);
    await ana.getByTestId("nickname").waitFor();
    expect(await ana.getByTestId("language-picker").isVisible(), "the language picker is on the join page").toBe(true);
    await checkPseudo(ana, "join", names);

    await ana.getByTestId("nickname").fill("Ana");
    await ana.getByTestId("join-button").click();
    await ana.getByTestId("lobby-note").waitFor(WAIT);
    await ana.getByTestId("show-pin").click();
    expect(await ana.locator(".play-top").getByTestId("language-picker").isVisible(), "the language picker is in the header").toBe(true);
    await checkPseudo(ana, "lobby", names);

    const bo = await joinAs(game, h.code, "Bo");
    const cy = await joinAs(game, h.code, "Cy");
    h.room.send("facilitate", { type: "start" });
    await expect.poll(() => ana.getByTestId("ballot-card").isVisible(), WAIT).toBe(true);
    await expect.poll(() => ana.locator(".flash-banner").isVisible(), WAIT).toBe(false);
    await checkPseudo(ana, "round-ballot", names);
    await ana.getByTestId("ballot-option-0").check();
    await ana.getByTestId("ballot-submit").click();
    await expect.poll(() => ana.getByTestId("ballot-card").isVisible(), WAIT).toBe(false);

    // Others act on Ana: a request, a report and a lookup fill People, Me and the badges.
    const id = [...bo.room.state.players.values()].find((p) => p.nickname === "Ana")!.id;
    bo.room.send("act", { action: "friend-request", target: id });
    cy.room.send("act", { action: "report", target: id });
    cy.room.send("act", { action: "lookup", target: id });
    await expect.poll(() => ana.getByTestId("badge-me").isVisible(), WAIT).toBe(true);
    await checkPseudo(ana, "round-act", names);
    await openTab(ana, "people");
    await ana.locator(".matches .match", { hasText: "Cy" }).click();
    await ana.getByTestId("action-lookup").click();
    await ana.getByTestId("lookup-result").waitFor(WAIT);
    await checkPseudo(ana, "round-people", names);
    await openTab(ana, "me");
    await ana.getByTestId("appeals-panel").waitFor(WAIT);
    await checkPseudo(ana, "round-me", names);
    await openTab(ana, "board");
    await expect.poll(() => ana.getByTestId("leaderboard").locator("li").count(), WAIT).toBe(3);
    await checkPseudo(ana, "round-board", names);

    h.room.send("facilitate", { type: "pause" });
    await openTab(ana, "act");
    await expect.poll(() => ana.getByTestId("timer").textContent(), WAIT).toMatch(/⟦/);
    await checkPseudo(ana, "paused", names);

    h.room.send("facilitate", { type: "resume" });
    h.room.send("facilitate", { type: "end" });
    await ana.getByTestId("end-screen").waitFor({ state: "visible", ...WAIT });
    await expect.poll(() => ana.getByTestId("end-screen").getByTestId("language-picker").isVisible(), WAIT).toBe(true);
    await checkPseudo(ana, "end", names);
    expect(tb.problems).toEqual([]);
  }, 180_000);

  it("walks the vote card, a banned topic, a lost connection, the seat claim, the phone-link wait and a refused watch view in the pseudo-locale", async () => {
    const h = await host(game, { scenario: "free-play", overrides: { roundSeconds: 900 } });
    const requests: ServerMessages["seat-requests"][] = [];
    h.room.onMessage("seat-requests", (r: ServerMessages["seat-requests"]) => requests.push(r));
    // Not translated, rightly: the product's name, the session's code and the nicknames players typed.
    const names = ["Citizen Score", h.code, "Dee", "Eve", "Fay", "Deȩ"];
    const dee = await tb.page("dee", PHONE, true);
    await joinPhone(dee, h.code, "Dee", "en-XA");
    const eve = await joinAs(game, h.code, "Eve");
    const fay = await joinAs(game, h.code, "Fay");
    h.room.send("facilitate", { type: "start" });
    await expect.poll(() => dee.getByTestId("ballot-card").isVisible(), WAIT).toBe(true);
    await dee.getByTestId("ballot-option-0").check();
    await dee.getByTestId("ballot-submit").click();
    await expect.poll(() => dee.getByTestId("ballot-card").isVisible(), WAIT).toBe(false);

    // Everyone may vote: Dee's card offers the scenario's menu, then says her vote is in while the others think.
    h.room.send("facilitate", { type: "vote-open", share: 1 });
    await expect.poll(() => dee.getByTestId("vote-card").getAttribute("data-status"), WAIT).toBe("eligible");
    await checkPseudo(dee, "vote", names);
    await dee.getByTestId("vote-option-visa-harder").check();
    await dee.getByTestId("vote-submit").click();
    await expect.poll(() => dee.getByTestId("vote-card").getAttribute("data-status"), WAIT).toBe("voted");
    await checkPseudo(dee, "voted", names);

    // A banned topic: its banner, then the picker's mark and warning.
    h.room.send("facilitate", { type: "ban-topic", topic: "politics" });
    await expect.poll(() => dee.locator(".live-banner").isVisible(), WAIT).toBe(true);
    await dee.getByTestId("post-topic").selectOption("politics");
    await expect.poll(() => dee.getByTestId("topic-warning").isVisible(), WAIT).toBe(true);
    await checkPseudo(dee, "banned-topic", names);
    // The picker's options are read apart: `untranslated` skips option elements.
    expect(await dee.getByTestId("post-topic").locator("option").allTextContents()).toEqual(Array(5).fill(expect.stringMatching(/^⟦.*⟧$/)));

    // The connection drops and the phone cannot reach the server: the banner says so until it is back.
    const others = new Set([h.room.sessionId, eve.room.sessionId, fay.room.sessionId]);
    await dee.context().setOffline(true);
    // Dee's is the one socket that is not the test's own; polled, as a socket still joining cannot be cut.
    const cutDee = () => [...serverRoom(game, h.code).clients].some((c) => !others.has(c.sessionId) && cutSocket(game, h.code, c.sessionId));
    await expect.poll(cutDee, WAIT).toBe(true);
    await expect.poll(() => dee.getByTestId("reconnecting").isVisible(), WAIT).toBe(true);
    await checkPseudo(dee, "reconnecting", names);
    await dee.context().setOffline(false);
    await expect.poll(() => dee.getByTestId("reconnecting").isVisible(), { timeout: 60_000 }).toBe(false);

    // A name too like another's is offered to the facilitator; a seat waiting for its owner asks for
    // the PIN, refuses a wrong one, and sends the ask to the projector, whose no the phone is told.
    h.room.send("facilitate", { type: "remove", player: fay.id });
    const other = await tb.page("other", PHONE, true);
    await other.goto(`${game.url}/?code=${h.code}&lang=en-XA`);
    await other.getByTestId("nickname").fill("Deȩ");
    await other.getByTestId("join-button").click();
    await expect.poll(() => other.getByTestId("ask-facilitator").isVisible(), WAIT).toBe(true);
    await checkPseudo(other, "seat-ask-name", names);
    await other.getByTestId("nickname").fill("Fay");
    await joinUntilPinAsked(other, WAIT.timeout);
    await checkPseudo(other, "seat-needs-pin", names);
    await other.getByTestId("rejoin-pin-input").fill(fay.pin === "000000" ? "111111" : "000000");
    await other.getByTestId("join-button").click();
    // The button is disabled from the click until the refusal comes back.
    await expect.poll(() => other.getByTestId("join-button").isEnabled(), WAIT).toBe(true);
    await checkPseudo(other, "seat-wrong-pin", names);
    await other.getByTestId("ask-facilitator").click();
    await expect.poll(() => other.getByTestId("waiting-note").isVisible(), WAIT).toBe(true);
    await checkPseudo(other, "seat-asked", names);
    await expect.poll(() => requests.at(-1)?.length, WAIT).toBe(1);
    h.room.send("answer-request", { id: requests.at(-1)![0].id, allow: false });
    await expect.poll(() => other.getByTestId("waiting-note").isVisible(), WAIT).toBe(false);
    await checkPseudo(other, "seat-refused", names);

    // The teacher's phone opens the projector's phone link and waits for Allow there.
    const link = nextMessage(h.room, "phone-link");
    h.room.send("phone-link", { hostKey: h.hostKey });
    const teacher = await tb.page("teacher", PHONE, true);
    await teacher.goto(`${game.url}/host?code=${h.code}&lang=en-XA#link=${(await link).token}`);
    await teacher.getByTestId("link-waiting").waitFor(WAIT);
    await checkPseudo(teacher, "phone-link-waiting", names);

    // A watch view of a session that does not run says so.
    const screen = await tb.page("watcher", PHONE, true);
    await screen.goto(`${game.url}/watch/${h.code === "ZZZZZ" ? "YYYYY" : "ZZZZZ"}?lang=en-XA`);
    await screen.getByTestId("watch-failed").waitFor(WAIT);
    await checkPseudo(screen, "watch-failed", [...names, "ZZZZZ", "YYYYY"]);
    // Refused joins and the offline phone's retries are failed requests, by design: only those are let go.
    tb.problems.splice(0, Infinity, ...tb.problems.filter((p) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(p)));
    expect(tb.problems).toEqual([]);
  }, 240_000);

  it("speaks German and Chinese, and the picker switches the language in one tap, keeping the seat", async () => {
    const h = await host(game, { roundSeconds: 900 });
    const lena = await tb.page("lena", PHONE, true);
    await lena.goto(`${game.url}/?code=${h.code}&lang=de`);
    await expect.poll(() => lena.locator(".join-card h2").textContent(), WAIT).toBe("Einer Sitzung beitreten");
    expect(await lena.evaluate(() => document.documentElement.lang)).toBe("de");
    await lena.screenshot({ path: join(ARTIFACTS, "i18n-phone-de-join.png") });
    await joinPhone(lena, h.code, "Lena", "de");
    expect(await lena.getByTestId("tab-people").locator(".tab-label").textContent()).toBe("Leute");
    await expect
      .poll(() => lena.getByTestId("lobby-note").textContent(), WAIT)
      .toBe("Du bist dabei. 1 Person ist beigetreten; die Spielleitung startet gleich.");
    await joinAs(game, h.code, "Bo");
    h.room.send("facilitate", { type: "start" });
    await expect.poll(() => lena.getByTestId("round").textContent(), WAIT).toBe("Runde 1 von 5");
    await expect.poll(() => lena.locator(".flash-banner").isVisible(), WAIT).toBe(false);
    for (const tab of TABS) {
      await openTab(lena, tab);
      await expect.poll(() => lena.locator(".flash-banner").isVisible(), WAIT).toBe(false);
      await lena.screenshot({ path: join(ARTIFACTS, `i18n-phone-de-${tab}.png`) });
      expect(await lena.evaluate(() => document.documentElement.scrollWidth), `${tab}: no sideways scrolling in German`).toBeLessThanOrEqual(PHONE.width);
    }

    // One tap on the header's globe opens the list; choosing reloads in Chinese, in the same seat.
    await openTab(lena, "act");
    await Promise.all([lena.waitForEvent("load"), lena.locator(".play-top").getByTestId("language-picker").selectOption("zh-Hans")]);
    await expect.poll(() => lena.getByTestId("tab-people").locator(".tab-label").textContent(), WAIT).toBe("玩家");
    await expect.poll(() => lena.getByTestId("header-nickname").textContent(), WAIT).toBe("Lena");
    await expect.poll(() => lena.getByTestId("round").textContent(), WAIT).toBe("第1回合，共5回合");
    expect(await lena.evaluate(() => document.documentElement.lang)).toBe("zh-Hans");
    await expect.poll(() => lena.locator(".flash-banner").isVisible(), WAIT).toBe(false);
    for (const tab of TABS) {
      await openTab(lena, tab);
      await lena.screenshot({ path: join(ARTIFACTS, `i18n-phone-zh-${tab}.png`) });
    }
    expect(tb.problems).toEqual([]);
  }, 180_000);
});
