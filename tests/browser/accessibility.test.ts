import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { PROFILES } from "../../server/bots/behaviour.ts";
import { Bot } from "../../server/bots/bot.ts";
import { seededRandom } from "../../shared/rules/rng.ts";
import { axeViolations } from "../helpers/axe.ts";
import { keyboardWalk } from "../helpers/keyboard-walk.ts";
import { ARTIFACTS, browserGame, openTab, type TestBrowser } from "../helpers/browser.ts";
import type { TestGame } from "../helpers/server.ts";

const WAIT = { timeout: 30_000 };
const PHONE = { width: 390, height: 844 };
const PROJECTOR = { width: 1920, height: 1080 };
const SHOTS = join(ARTIFACTS, "a11y");
const TABS = ["act", "people", "me", "board"] as const;

let game: TestGame;
let tb: TestBrowser;
browserGame({}, (g, b) => {
  game = g;
  tb = b;
});

/** Every WCAG 2.2 A/AA violation axe finds on the page as it is now, named by the state. */
async function audit(page: Page, state: string): Promise<void> {
  // A transition half-way (a button turning primary) is no colour a reader is left with.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().iterations !== Number.POSITIVE_INFINITY)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  expect.soft(await axeViolations(page), state).toEqual([]);
}

/** The classes of every element shown that still draws a gradient (the high-contrast setting takes them all away). */
function gradients(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll("body, body *")]
      .filter((el) => el.getClientRects().length && ["", "::before", "::after"].some((p) => getComputedStyle(el, p).backgroundImage.includes("gradient")))
      .map((el) => `${el.tagName.toLowerCase()}.${String(el.className)}`),
  );
}

/** Waits until the projector's leaderboard and live feed stop changing: nothing still on its way from the room. */
async function settled(page: Page): Promise<void> {
  let last = "";
  await expect
    .poll(async () => {
      const now = (await page.locator("[data-testid=leaderboard], .ticker-panel").allTextContents()).join("|");
      const same = now === last;
      last = now;
      return same;
    }, WAIT)
    .toBe(true);
}

/** Tab through the page: every control reached, visibly focused and named. */
async function walk(page: Page, state: string): Promise<void> {
  const { reached, problems } = await keyboardWalk(page);
  expect.soft(reached.length, `${state}: controls reached by Tab`).toBeGreaterThan(0);
  expect.soft(problems, `${state}, by keyboard`).toEqual([]);
}

/**
 * One session, played by a facilitator's projector, one phone in a browser and eight bots,
 * walked through every page and state a class meets; axe runs on each.
 */
describe("every page and state meets WCAG 2.2 AA (axe-core)", () => {
  let host: Page;
  let phone: Page;
  let code: string;
  let bots: Bot[];

  it("join, the lobby, each phone tab in a round, the projector, the watch view", async () => {
    phone = await tb.page("phone", PHONE, true);
    await phone.goto(`${game.url}/`);
    await phone.getByTestId("join-code").waitFor(WAIT);
    await audit(phone, "join");
    await walk(phone, "join");

    host = await tb.page("projector", PROJECTOR);
    await host.goto(`${game.url}/`);
    await host.getByTestId("host-button").click();
    await host.getByTestId("create-button").waitFor(WAIT);
    await audit(host, "host setup");
    await host.getByTestId("create-button").click();
    await expect.poll(() => host.getByTestId("join-code").textContent(), WAIT).toMatch(/^[A-Z2-9]{5}$/);
    code = (await host.getByTestId("join-code").textContent())!;

    await phone.goto(`${game.url}/?code=${code}`);
    await expect.poll(() => phone.getByTestId("join-code").inputValue(), WAIT).toBe(code);
    await phone.getByTestId("nickname").fill("Ana");
    await phone.getByTestId("join-button").click();
    await phone.getByTestId("my-score").waitFor(WAIT);
    bots = Array.from({ length: 8 }, (_, i) => new Bot(`Bot${i + 1}`, PROFILES[i % PROFILES.length], seededRandom(70 + i)));
    for (const bot of bots) await bot.join(game.url, code);
    await expect.poll(() => host.getByTestId("joined-count").textContent(), WAIT).toContain("9");
    await audit(host, "projector lobby");
    await walk(host, "projector lobby");
    for (const tab of TABS) {
      await openTab(phone, tab);
      await audit(phone, `phone lobby, ${tab}`);
    }

    for (const bot of bots) bot.play(400);
    await host.getByTestId("start-button").click();
    await expect.poll(() => phone.getByTestId("action-volunteer").isEnabled(), WAIT).toBe(true);
    await expect.poll(() => host.locator(".ticker-panel li").count(), WAIT).toBeGreaterThan(3);
    await audit(host, "projector round");
    // The keyboard walks hold the bots still: a leaderboard re-sorted under the focus moves a
    // row past it, and Tab then skips it as a person's would. The audits above ran with them playing.
    for (const bot of bots) bot.stop();
    await settled(host);
    await walk(host, "projector round");
    for (const tab of TABS) {
      await openTab(phone, tab);
      await audit(phone, `phone round, ${tab}`);
      await walk(phone, `phone round, ${tab}`);
    }
    for (const bot of bots) bot.play(400);
    await openTab(phone, "act");
    await phone.screenshot({ path: join(SHOTS, "phone-round.png") });
    await host.screenshot({ path: join(SHOTS, "projector-round.png") });

    const watch = await tb.page("watch", PROJECTOR);
    await watch.goto(`${game.url}/watch/${code}`);
    await watch.getByTestId("watch-chip").waitFor(WAIT);
    await expect.poll(() => watch.locator(".ticker-panel li").count(), WAIT).toBeGreaterThan(0);
    await audit(watch, "watch view");
    await watch.close();
  }, 300_000);

  it("the graph in words, by keyboard; less motion when the device asks for it", async () => {
    // The graph's text twin, opened by the keyboard: tiers, friendships, blacklist and the latest changes, in words.
    const twin = host.getByTestId("graph-text");
    await twin.locator("summary").focus();
    await host.keyboard.press("Enter");
    await expect.poll(() => twin.locator("li").allTextContents(), WAIT).toContainEqual(expect.stringContaining("Ana"));
    expect(await twin.locator("h3").allTextContents()).toEqual(["Tiers", "Friendships", "Blacklisted", "What just changed"]);
    await audit(host, "projector round, the graph as a list");
    await host.keyboard.press("Enter");

    // Less motion asked for: nothing animates, and the score shows its new value at once.
    await phone.emulateMedia({ reducedMotion: "reduce" });
    await host.emulateMedia({ reducedMotion: "reduce" });
    await openTab(phone, "act");
    await phone.evaluate(() => {
      const w = window as unknown as { shown: string[] };
      w.shown = [];
      const score = document.querySelector('[data-testid="my-score"]')!;
      new MutationObserver(() => w.shown.push(score.textContent ?? "")).observe(score, { childList: true, characterData: true, subtree: true });
    });
    const before = await phone.getByTestId("my-score").getAttribute("data-value");
    await phone.getByTestId("action-volunteer").click();
    await expect.poll(() => phone.getByTestId("my-score").getAttribute("data-value"), WAIT).not.toBe(before);
    const after = await phone.getByTestId("my-score").getAttribute("data-value");
    const shown = await phone.evaluate(() => (window as unknown as { shown: string[] }).shown);
    expect(shown.length).toBeGreaterThan(0);
    expect(new Set(shown)).toEqual(new Set([after]));
    for (const page of [phone, host]) expect(await page.evaluate(() => document.getAnimations().filter((a) => a.playState === "running").length)).toBe(0);
    await phone.emulateMedia({ reducedMotion: null });
    await host.emulateMedia({ reducedMotion: null });
  }, 180_000);

  it("paused; high contrast at 7:1 and larger text, remembered on the device", async () => {
    await host.getByTestId("pause-button").click();
    await expect.poll(() => phone.getByTestId("action-volunteer").isDisabled(), WAIT).toBe(true);
    await audit(host, "projector paused");
    await audit(phone, "phone paused");

    // High contrast on each device: 7:1 for text (axe's enhanced-contrast rule), and still WCAG 2.2 AA everywhere.
    for (const [page, name] of [
      [phone, "phone"],
      [host, "projector"],
    ] as const) {
      await page.getByTestId("high-contrast-button").first().click();
      await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains("high-contrast"))).toBe(true);
      expect.soft(await axeViolations(page, { rules: ["color-contrast-enhanced"] }), `${name} high contrast, 7:1`).toEqual([]);
      expect.soft(await gradients(page), `${name} high contrast, gradients`).toEqual([]);
      await audit(page, `${name} paused, high contrast`);
      await page.screenshot({ path: join(SHOTS, `${name}-high-contrast.png`) });
    }
    await phone.getByTestId("large-text-button").click();
    expect(await phone.evaluate(() => getComputedStyle(document.body).fontSize)).toBe("20px");
    await audit(phone, "phone paused, high contrast and larger text");
    await phone.screenshot({ path: join(SHOTS, "phone-high-contrast-large.png") });
    // Remembered on the device: a reload keeps both.
    await phone.reload();
    await phone.getByTestId("my-score").waitFor(WAIT);
    expect(await phone.evaluate(() => [...document.documentElement.classList].sort())).toEqual(expect.arrayContaining(["high-contrast", "large-text"]));
    for (const page of [phone, host])
      await page.evaluate(() => ["citizen-score:high-contrast", "citizen-score:large-text"].forEach((k) => localStorage.removeItem(k)));
    await phone.reload();
    await phone.getByTestId("my-score").waitFor(WAIT);
    await host.getByTestId("high-contrast-button").first().click();
  }, 300_000);

  it("a device whose system asks for more contrast gets high contrast until someone chooses otherwise", async () => {
    const page = await tb.page("contrast", PHONE, true);
    await page.emulateMedia({ contrast: "more" });
    await page.goto(`${game.url}/`);
    await page.getByTestId("join-code").waitFor(WAIT);
    expect(await page.evaluate(() => document.documentElement.classList.contains("high-contrast"))).toBe(true);
    expect(await axeViolations(page, { rules: ["color-contrast-enhanced"] })).toEqual([]);
    expect(await gradients(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, "join-prefers-contrast.png") });
    await page.close();
  }, 60_000);

  it("the end, the debrief steps on the projector and a phone", async () => {
    // Ending asks once more: the second press ends.
    await host.getByTestId("end-button").click();
    await host.getByTestId("end-button").click();
    await host.getByTestId("final-panel").waitFor(WAIT);
    await phone.getByTestId("end-screen").waitFor(WAIT);
    await Promise.all(bots.map((b) => b.leave()));
    await audit(host, "projector end");
    await host.getByTestId("show-network").click();
    await audit(host, "projector end, network");
    await audit(phone, "phone end");

    await host.getByTestId("start-debrief").click();
    for (let step = 1; step < 30; step++) {
      const view = host.getByTestId("debrief-view");
      await view.waitFor(WAIT);
      const id = await view.getAttribute("data-step");
      await audit(host, `projector debrief ${id}`);
      await audit(phone, `phone debrief ${id}`);
      const next = host.getByTestId("debrief-next");
      if (!(await next.isVisible()) || (await next.isDisabled())) break;
      await next.click();
      await expect.poll(() => view.getAttribute("data-step"), WAIT).not.toBe(id);
    }
  }, 300_000);

  it("each replay tab, the guide and its handout", async () => {
    const page = host;
    await page.goto(`${game.url}/replay/${code}`);
    await page.getByTestId("replay-round").waitFor(WAIT);
    await audit(page, "replay");
    await walk(page, "replay");

    // The score chart as a table, opened by keyboard: a row per player, in the page's language.
    const table = page.getByTestId("chart-text");
    await table.locator("summary").focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => table.locator("tbody tr").count(), WAIT).toBe(9);
    expect(await table.locator("tbody th").allTextContents()).toContain("Ana");
    expect(await table.locator("caption").textContent()).toMatch(/^Each player's score at the end of each round so far and at \d+:\d\d on the timeline$/);
    await audit(page, "replay, the chart as a table");
    await page.screenshot({ path: join(SHOTS, "replay-chart-table.png") });
    await page.keyboard.press("Enter");

    // Every key moment has a way in: its own mark, or a place in the list its crowd's mark opens.
    const marks = page.locator(".track-mark");
    const total = await marks.count();
    const shown = page.locator(".track-mark:not([hidden])");
    const more = (await shown.evaluateAll((els) => els.map((el) => Number((el as HTMLElement).dataset.more || 0)))).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(0);
    expect((await shown.count()) + more).toBe(total);
    const crowded = page.locator(".track-mark[aria-expanded]").first();
    if (await crowded.count()) {
      const n = Number(await crowded.getAttribute("data-more")) + 1;
      await crowded.focus();
      await page.keyboard.press("Enter");
      const list = page.getByTestId("moment-crowd");
      await expect.poll(() => list.locator("button").count(), WAIT).toBe(n);
      expect(await crowded.getAttribute("aria-expanded")).toBe("true");
      await page.screenshot({ path: join(SHOTS, "replay-moment-crowd.png") });
      await page.keyboard.press("Escape");
      expect(await list.isHidden()).toBe(true);
      expect(await crowded.evaluate((el) => el === document.activeElement)).toBe(true);
    }
    // High contrast on the replay, its chart's table open: 7:1 for text, and no gradient left behind a text.
    await page.getByTestId("high-contrast-button").first().click();
    await table.locator("summary").click();
    await table.locator("tbody tr").first().waitFor(WAIT);
    expect.soft(await axeViolations(page, { rules: ["color-contrast-enhanced"] }), "replay high contrast, 7:1").toEqual([]);
    expect(await gradients(page), "replay high contrast, gradients").toEqual([]);
    await page.screenshot({ path: join(SHOTS, "replay-high-contrast.png") });
    await table.locator("summary").click();
    await page.getByTestId("high-contrast-button").first().click();
    for (const tab of ["metrics", "what-if", "myth", "data"]) {
      await page.getByTestId(`tab-${tab}`).click();
      await page
        .locator(`#panel-${tab}, [data-testid="panel-${tab}"]`)
        .first()
        .waitFor({ state: "attached", ...WAIT })
        .catch(() => undefined);
      await audit(page, `replay ${tab}`);
    }
    await page.goto(`${game.url}/guide/citizen-score-2015`);
    await page.locator("main, h1").first().waitFor(WAIT);
    await audit(page, "guide");
    await page.goto(`${game.url}/guide/citizen-score-2015/handout`);
    await page.locator("main, h1").first().waitFor(WAIT);
    await audit(page, "handout");
  }, 240_000);
});
