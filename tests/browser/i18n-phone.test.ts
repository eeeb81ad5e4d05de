import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ARTIFACTS, browserGame, openTab, type TestBrowser } from "../helpers/browser.ts";
import { cutOff, untranslated } from "../helpers/pseudo.ts";
import { host, joinAs, type TestGame } from "../helpers/server.ts";

const WAIT = { timeout: 15_000 };
const PHONE = { width: 390, height: 844 };
const TABS = ["act", "people", "me", "board"] as const;

let game: TestGame;
let tb: TestBrowser;

browserGame({ reconnectSeconds: 30 }, (g, b) => {
  game = g;
  tb = b;
});

/**
 * Text on the phone that other parts of the product word (shared/text's tiers, actions,
 * reasons and feed, the scenario's question, the debrief's card, the content's caution, the
 * server's errors): marked so that this file judges the phone's own words only. Their English
 * inside a phone message (a tier's name in "Round 2 of 3"-style sentences) is a parameter and
 * sits inside the message's brackets already.
 */
const OTHERS = [
  "#announcer",
  ".error-tray",
  ".tier-strip",
  ".score-caption",
  ".my-reason[data-tone='up']",
  ".my-reason[data-tone='down']",
  ".my-history li",
  ".my-tier",
  ".perks",
  ".blacklist-flag",
  ".me-tier",
  ".tier-badge",
  ".person",
  ".action",
  ".actions-blocked",
  ".appeal-cause",
  ".ballot-kicker + .ballot-question",
  ".ballot-option",
  ".vote-option",
  ".live-banner",
  ".flash-banner",
  "[class^='db-']",
  "[data-testid^='survey']",
  ".end-note",
];

/** Marks the other parts' text (and collects their labels, which the check reads apart) for `untranslated`. */
async function markOthers(page: Page): Promise<string[]> {
  return page.evaluate((selectors) => {
    const labels: string[] = [];
    for (const el of document.querySelectorAll(selectors.join(","))) {
      el.setAttribute("data-untranslated", "");
      for (const inner of [el, ...el.querySelectorAll("[title],[aria-label]")])
        for (const attr of ["title", "aria-label"]) {
          const v = inner.getAttribute(attr);
          if (v) labels.push(v);
        }
    }
    return labels;
  }, OTHERS);
}

/** The phone in the pseudo-locale: no English of its own left, nothing cut off by its box. */
async function checkPseudo(page: Page, state: string, names: string[]) {
  await expect.poll(() => page.locator(".toast.leaving").count(), WAIT).toBe(0);
  // Polled: the screen redraws every second, and the other parts' labels are read afresh each time.
  await expect.poll(async () => untranslated(page, [...names, ...(await markOthers(page))]), { ...WAIT, message: `${state}: English left` }).toEqual([]);
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
    const names = ["Citizen Score", h.code, "Ana", "Bo", "Cy", "ABCDE"];
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
