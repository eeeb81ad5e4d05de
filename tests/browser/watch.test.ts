import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { Bot } from "../../server/bots/bot.ts";
import { PROFILES } from "../../server/bots/behaviour.ts";
import { seededRandom } from "../../shared/rules/rng.ts";
import { ARTIFACTS, browserGame, type TestBrowser } from "../helpers/browser.ts";
import { host, type TestGame } from "../helpers/server.ts";

const WAIT = { timeout: 30_000 };
/** What a watching screen may click: display switches (text size, contrast, sound), the content note and the end screen's view switch. None acts on the game. */
const ALLOWED_BUTTONS = new Set([
  "content-note-button",
  "content-note-close",
  "large-text-button",
  "high-contrast-button",
  "sound-button",
  "show-network",
  "show-results",
]);
/** The facilitator's controls, none of which may be on a watching screen's page. */
const HOST_CONTROLS = [
  "start-button",
  "pause-button",
  "next-round-button",
  "end-button",
  "settings-button",
  "events-button",
  "private-view",
  "lock-button",
  "clear-offline",
  "handout-link",
  "open-replay",
  "open-guide",
  "phone-control",
  "private-badge",
  "drawer-plan",
];

let game: TestGame;
let tb: TestBrowser;

browserGame({}, (g, b) => {
  game = g;
  tb = b;
});

/** Every WebSocket frame a page receives, as bytes read as Latin-1 text (msgpack keeps strings as they are). */
function recordFrames(page: Page): string[] {
  const frames: string[] = [];
  page.on("websocket", (ws) =>
    ws.on("framereceived", (f) => frames.push(typeof f.payload === "string" ? f.payload : Buffer.from(f.payload).toString("latin1"))),
  );
  return frames;
}

async function graphNodes(page: Page): Promise<{ nickname: string }[]> {
  return page.locator(".graph").evaluate((el) => (el as HTMLElement & { graphNodes?: () => { nickname: string }[] }).graphNodes?.() ?? []);
}

async function leaderboard(page: Page): Promise<string[]> {
  return page
    .locator(".board-panel .lb-row")
    .evaluateAll((rows) => rows.map((r) => `${r.querySelector(".lb-name")?.textContent}:${r.querySelector(".lb-score")?.textContent}`));
}

/** No facilitator control and no key: in the DOM, in the page's storage, or in a frame it received. */
async function expectNothingOfTheHost(page: Page, frames: string[], hostKey: string): Promise<void> {
  for (const id of HOST_CONTROLS) expect(await page.getByTestId(id).count(), id).toBe(0);
  const buttons = await page.locator("button").evaluateAll((els) => els.map((b) => (b as HTMLElement).dataset.testid ?? b.textContent ?? ""));
  for (const b of buttons) expect(ALLOWED_BUTTONS.has(b), `button ${b}`).toBe(true);
  expect(await page.content()).not.toContain(hostKey);
  const stored = await page.evaluate(() => JSON.stringify([{ ...localStorage }, { ...sessionStorage }]));
  expect(stored).not.toContain(hostKey);
  expect(frames.length).toBeGreaterThan(10);
  for (const f of frames) {
    expect(f.includes(hostKey)).toBe(false);
    for (const hostOnly of ["host-scores", "seat-requests", "auto-resume", "host-key", "phone-link"]) expect(f.includes(hostOnly), hostOnly).toBe(false);
  }
}

describe("the watch view and the observer seat", () => {
  it("/watch/CODE follows a bot-played game with the projector's own view, with no control and no key anywhere; an observer's phone shows it, listed apart and never ranked", async () => {
    const h = await host(game, { scenario: "citizen-score-2015", overrides: { rounds: 2, roundSeconds: 20 } });
    const screen = await tb.page("watch", { width: 1920, height: 1080 });
    const screenFrames = recordFrames(screen);
    await screen.goto(`${game.url}/watch/${h.code}`);
    await screen.getByTestId("watch-chip").waitFor(WAIT);
    await expect.poll(() => screen.getByTestId("join-code").textContent(), WAIT).toBe(h.code);

    const phone = await tb.page("observer", { width: 390, height: 844 }, true);
    const phoneFrames = recordFrames(phone);
    await phone.goto(`${game.url}/?code=${h.code}`);
    await phone.getByTestId("nickname").fill("Obi");
    await phone.getByTestId("watch-button").click();
    await phone.waitForURL(`**/watch/${h.code}`, WAIT);
    await phone.getByTestId("watch-chip").waitFor(WAIT);

    const bots = Array.from({ length: 8 }, (_, i) => new Bot(`Bot${i + 1}`, PROFILES[i % PROFILES.length], seededRandom(40 + i)));
    for (const bot of bots) await bot.join(game.url, h.code);
    await expect.poll(() => screen.getByTestId("joined-count").textContent(), WAIT).toContain("8 citizens");
    await expect.poll(() => screen.getByTestId("watchers").textContent(), WAIT).toBe("Watching, not playing: Obi and 1 more screen");
    await screen.screenshot({ path: join(ARTIFACTS, "watch-lobby-1920.png") });
    await screen.getByTestId("content-note-button").click();
    await screen.getByTestId("content-note").waitFor(WAIT);
    await screen.getByTestId("content-note-close").click();

    for (const bot of bots) bot.play(400);
    h.room.send("facilitate", { type: "start" });
    h.room.send("facilitate", { type: "visibility", mode: "public" });
    await expect.poll(() => screen.getByTestId("round").textContent(), WAIT).toBe("Round 1 / 2");
    await expect.poll(async () => (await leaderboard(screen)).length, WAIT).toBe(8);
    const first = await leaderboard(screen);
    await expect.poll(async () => (await leaderboard(screen)).join() !== first.join(), WAIT).toBe(true);
    await expect.poll(async () => (await graphNodes(screen)).length, WAIT).toBe(8);
    await expect.poll(() => screen.locator(".ticker-panel li").count(), WAIT).toBeGreaterThan(3);
    await screen.screenshot({ path: join(ARTIFACTS, "watch-round-1920.png") });
    await phone.screenshot({ path: join(ARTIFACTS, "observer-round-390.png") });

    // Never ranked: not on the board on any screen, not a player in the session.
    expect((await leaderboard(phone)).some((row) => row.startsWith("Obi:"))).toBe(false);
    expect([...h.room.state.players.values()].map((p) => p.nickname)).not.toContain("Obi");
    expect((await graphNodes(screen)).map((n) => n.nickname)).not.toContain("Obi");

    h.room.send("facilitate", { type: "end" });
    await screen.getByTestId("final-panel").waitFor(WAIT);
    await expect.poll(() => screen.getByTestId("round").textContent(), WAIT).toBe("Game over");
    await screen.screenshot({ path: join(ARTIFACTS, "watch-end-1920.png") });
    await phone.screenshot({ path: join(ARTIFACTS, "observer-end-390.png") });
    for (const [page, frames] of [
      [screen, screenFrames],
      [phone, phoneFrames],
    ] as const)
      await expectNothingOfTheHost(page, frames, h.hostKey);
    expect(tb.problems).toEqual([]);
    await Promise.all(bots.map((b) => b.leave()));
    await h.room.leave();
  }, 240_000);
});
