import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { buildReplay, isReplayProblem, stateAtTime, type Replay } from "../../shared/replay/index.ts";
import type { Command } from "../../shared/rules/commands.ts";
import type { ActMessage, FacilitateMessage } from "../../shared/messages/messages.ts";
import { leaderboard, type GameState } from "../../shared/rules/state.ts";
import { ARTIFACTS, browserGame, PROJECTOR, type TestBrowser } from "../helpers/browser.ts";
import { host, joinAs, until, type GameRoom, type TestGame } from "../helpers/server.ts";

const WAIT = { timeout: 20_000 };

/** The game's clock, moved by the test: rounds last as long as the test says, however slow the machine. */
let clock = Date.UTC(2026, 0, 12, 9, 0, 0);
let game: TestGame;
let tb: TestBrowser;

browserGame({ now: () => clock }, (g, b) => {
  game = g;
  tb = b;
});

/** Sends a message and waits until the room has logged a command of that kind. */
async function logged(code: string, kind: Command["kind"], send: () => void): Promise<void> {
  const before = (await game.store.commands(code)).length;
  send();
  await until(async () => (await game.store.commands(code)).slice(before).some((e) => e.command.kind === kind), `a ${kind} command in the log`, 5000);
}

/** Three rounds planned and two played: friends, a post that costs a friend, a report. The caller ends it. */
async function playSession() {
  const h = await host(game, { rounds: 3, roundSeconds: 600, seed: 7 });
  const players: Record<string, { room: GameRoom; id: string }> = {};
  for (const name of ["Ana", "Bo", "Cy", "Di"]) {
    clock += 1000;
    players[name] = await joinAs(game, h.code, name);
  }
  const act = async (name: string, msg: ActMessage) => {
    clock += 2000;
    await logged(h.code, "act", () => players[name].room.send("act", msg));
  };
  const facilitate = async (msg: FacilitateMessage) => logged(h.code, "facilitate", () => h.room.send("facilitate", msg));
  clock += 2000;
  await facilitate({ type: "start" });
  await act("Ana", { action: "friend-request", target: players.Bo.id });
  await act("Bo", { action: "accept-friend", target: players.Ana.id });
  await act("Ana", { action: "volunteer" });
  await act("Bo", { action: "post-opinion" });
  await act("Cy", { action: "pay-bill" });
  await act("Di", { action: "buy-games" });
  clock += 60_000;
  await facilitate({ type: "next-round" });
  await act("Cy", { action: "report", target: players.Di.id });
  await act("Ana", { action: "share-approved" });
  await act("Bo", { action: "volunteer" });
  await act("Di", { action: "volunteer" });
  clock += 60_000;
  return {
    code: h.code,
    hostKey: h.hostKey,
    /** Everyone may vote, and everyone votes for the scenario's option that moves the visa line from 750 to 800. */
    async raiseVisaLine(): Promise<void> {
      clock += 2000;
      await facilitate({ type: "vote-open", share: 1 });
      for (const name of Object.keys(players)) await logged(h.code, "vote", () => players[name].room.send("vote", { option: "visa-harder" }));
      await until(() => !h.room.state.vote.open, "the vote closed", 5000);
    },
    async end(): Promise<Replay> {
      await facilitate({ type: "end" });
      for (const p of Object.values(players)) await p.room.leave();
      await h.room.leave();
      const r = buildReplay({ meta: (await game.store.get(h.code))!, commands: await game.store.commands(h.code) });
      if (isReplayProblem(r)) throw new Error(r.message);
      return r;
    },
  };
}

/** The leaderboard as the page shows it: "nickname score" per row, best first. */
async function board(page: Page): Promise<string[]> {
  return page
    .getByTestId("leaderboard")
    .locator("li")
    .evaluateAll((rows) => rows.map((r) => `${r.querySelector(".lb-name")?.textContent} ${r.querySelector(".lb-score")?.textContent}`));
}

function boardOf(s: GameState): string[] {
  return leaderboard(s).map((id) => `${s.players[id].nickname} ${s.players[id].score}`);
}

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(900);
  await page.screenshot({ path: join(ARTIFACTS, `replay-${name}.png`) });
}

describe("the debrief replay in a real browser", () => {
  let session: { code: string; hostKey: string; r: Replay };

  it("opens from the host's end screen, scrubs back to round 1 and shows that moment's leaderboard", async () => {
    const played = await playSession();
    const { code, hostKey } = played;
    const page = await tb.page("facilitator", PROJECTOR);
    // The host page keeps each session's key in localStorage, as this browser had opened the session.
    await page.addInitScript(
      ([c, key]) => localStorage.setItem("citizen-score:hosts", JSON.stringify({ [c]: { code: c, hostKey: key, createdAt: Date.now() } })),
      [code, hostKey],
    );
    await page.goto(`${game.url}/host?code=${code}`);
    await expect.poll(() => page.getByTestId("round").textContent(), WAIT).toBe("Round 2 / 3");
    const legend = () => page.getByTestId("legend").textContent();
    await expect.poll(legend, WAIT).toContain("750+");
    // The players vote the visa line up to 800: the projector's legend says the new line, and nothing of the old one.
    await played.raiseVisaLine();
    await expect.poll(legend, WAIT).toContain("800+");
    expect(await legend()).not.toContain("750");
    const r = await played.end();
    expect(r.final.config.visaAt).toBe(800);
    session = { code, hostKey, r };
    await page.getByTestId("open-replay").waitFor(WAIT);
    await shot(page, "host-end-screen");
    await page.getByTestId("open-replay").click();
    await expect.poll(() => page.url(), WAIT).toBe(`${game.url}/replay/${code}`);

    await expect.poll(() => board(page), WAIT).toEqual(boardOf(r.final));
    await expect.poll(() => page.getByTestId("replay-round").textContent(), WAIT).toBe("Game over");
    // So does the replay's, at the end; back in round 1, before the vote, it says the line as it stood then.
    await expect.poll(legend, WAIT).toContain("800+");
    expect(await legend()).not.toContain("750");
    await shot(page, "end");

    const track = page.getByTestId("scrubber");
    const box = (await track.boundingBox())!;
    const round1 = (await page.getByTestId("round-1").boundingBox())!;
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width - 2, y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + box.width - 2 - (i / 10) * (box.x + box.width - 2 - (round1.x + round1.width / 2)), y);
    await page.mouse.up();

    const at = Number(await track.getAttribute("data-at"));
    const then = stateAtTime(r, at);
    expect(then.round).toBe(1);
    expect(boardOf(then)).not.toEqual(boardOf(r.final));
    await expect.poll(() => board(page), WAIT).toEqual(boardOf(then));
    await expect.poll(() => page.getByTestId("replay-round").textContent(), WAIT).toMatch(/^Round 1 of 3/);
    await expect.poll(legend, WAIT).toContain("750+");
    expect(await legend()).not.toContain("800");
    // With nobody picked, what just happened, as the projector's ticker tells it: a friendship once, not also its acceptance.
    const feed = page.getByTestId("replay-feed");
    await expect.poll(() => feed.textContent(), WAIT).toContain("Ana and Bo are now friends");
    expect(await feed.textContent()).not.toContain("accepted");
    await shot(page, "round-1-feed");

    // Bo's own post cost him 40 and his friend Ana 10: the cause chain names whose action it was.
    await page.getByTestId("leaderboard").locator("li", { hasText: "Bo" }).click();
    await page.getByTestId("score-change").filter({ hasText: "posted an unapproved opinion" }).first().click();
    await expect.poll(() => page.getByTestId("cause-chain").textContent(), WAIT).toContain("Bo posted an unapproved opinion");
    await page.getByTestId("leaderboard").locator("li", { hasText: "Ana" }).click();
    await page.getByTestId("score-change").filter({ hasText: "friend Bo" }).first().click();
    await expect.poll(() => page.getByTestId("cause-chain").textContent(), WAIT).toContain("Spillover");
    await shot(page, "round-1");

    await page.getByTestId("tab-metrics").click();
    await expect.poll(() => page.getByTestId("metrics-table").locator("thead th").allTextContents(), WAIT).toEqual(["Round", "R1", "R2"]);
    await shot(page, "metrics");

    await page.getByTestId("tab-what-if").click();
    await expect(page.getByTestId("fixed-choices-note").textContent()).resolves.toContain("Every recorded choice is replayed at its recorded moment");
    await page.getByTestId("preset-no-guilt-by-association").click();
    await expect.poll(() => page.getByTestId("refused-count").textContent(), WAIT).toMatch(/^\d+$/);
    await expect.poll(() => page.getByTestId("other-world").textContent(), WAIT).toContain("friend weight 0");
    await shot(page, "what-if");

    await page.getByTestId("tab-myth").click();
    await expect(page.getByTestId("real-vs-myth").textContent()).resolves.toContain("Sesame (Zhima) Credit");
    // Graded no stronger than the sources: looking anyone up is partly real, the shopping rules disputed.
    expect(await page.getByTestId("fact-lookup").textContent()).toMatch(/^Partly real/);
    expect(await page.getByTestId("fact-shopping").textContent()).toMatch(/^Disputed/);
    expect(await page.getByTestId("disputed-note").textContent()).toContain("questions had been raised about the accuracy");
    const jingDaily = page.getByTestId("fact-travel-thresholds").getByRole("link", { name: "Jing Daily, 2015" });
    expect(await jingDaily.getAttribute("href")).toMatch(/^http:\/\/jingdaily\.com\//);
    expect(await page.getByTestId("bibliography").textContent()).toContain(
      "“Alipay Offers Ticket to Easier Visa Access for China's High-Spending Globetrotters”, Jing Daily, 2015.",
    );
    await shot(page, "real-vs-myth");

    await page.getByTestId("tab-data").click();
    const download = page.waitForEvent("download");
    await page.getByTestId("download-scores").click();
    expect((await download).suggestedFilename()).toBe(`citizen-score-${code}-scores-pseudonymized.csv`);

    // The host page's list of this browser's sessions leads here too.
    await page.goto(`${game.url}/host`);
    await page.getByTestId(`replay-${code}`).click();
    await expect.poll(() => page.url(), WAIT).toBe(`${game.url}/replay/${code}`);
    await expect.poll(() => board(page), WAIT).toEqual(boardOf(r.final));
    expect(tb.problems).toEqual([]);
  }, 180_000);

  it("asks for the key when this browser has none, and says so when the key is wrong", async () => {
    const { code, hostKey, r } = session;
    const page = await tb.page("guest", PROJECTOR);
    await page.goto(`${game.url}/replay/${code}`);
    await page.getByTestId("replay-key").fill("not-the-host-key");
    await page.getByTestId("replay-key-submit").click();
    await expect.poll(() => page.getByTestId("replay-error").textContent(), WAIT).toBe(`This key does not open session ${code}.`);
    await shot(page, "wrong-key");
    await page.getByTestId("replay-key").fill(hostKey);
    await page.getByTestId("replay-key-submit").click();
    await expect.poll(() => board(page), WAIT).toEqual(boardOf(r.final));
    // Chromium logs every refused request itself; the wrong key's 403 is the one expected.
    expect(tb.problems.filter((p) => !p.includes("status of 403 (Forbidden)"))).toEqual([]);
    expect(tb.problems.length).toBeLessThanOrEqual(1);
  }, 60_000);
});
