import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Bot } from "../../server/bots/bot.ts";
import { PROFILES } from "../../server/bots/behaviour.ts";
import { seededRandom } from "../../shared/rules/rng.ts";
import { serverRoom } from "../helpers/faults.ts";
import { host, startTestServer, until, type TestGame } from "../helpers/server.ts";

/** The game's clock runs 60 times faster than the wall's: a 90-second round passes in 1.5 seconds. */
const SPEED = 60;
/**
 * The most wall time one reading of the clock moves the game by. The room reads it every patch (50 ms); after a stall
 * (a GC pause, a busy machine's lost time slice) one leap of half a second would be 30 game seconds, enough to open a
 * vote and end its round in the same tick, before anyone could see it.
 */
const MAX_STEP_MS = 100;
let game: TestGame;
/** The session being played: while its vote is open the clock runs at the wall's pace (see `now`). */
let playing: string | undefined;

/**
 * The game's time, `SPEED` times the wall's, except while a vote is open: a vote's 30 seconds would pass in half a second
 * of the wall's, and a busy machine can let that go by before a bot has seen it is eligible. At the wall's pace the vote
 * stays open until both top bots have voted, as it would in a classroom.
 */
let wallThen = Date.now();
let gameNow = wallThen;
function now(): number {
  const wall = Date.now();
  const voting = playing !== undefined && serverRoom(game, playing)?.gameState.vote != null;
  gameNow += Math.min(wall - wallThen, MAX_STEP_MS) * (voting ? 1 : SPEED);
  wallThen = wall;
  return gameNow;
}

beforeAll(async () => {
  game = await startTestServer({ now });
});
afterAll(async () => {
  await game.shutdown();
});

describe("bots play every preset over real sockets", () => {
  it.each(["citizen-score-2015", "rongcheng-pilot", "blacklist-only", "ratings-at-work"])(
    "%s: every planned event fires, top bots vote, every bot answers both ballot questions",
    async (scenario) => {
      const h = await host(game, { scenario, seed: 5 });
      playing = h.code;
      const bots = Array.from({ length: 10 }, (_, i) => new Bot(`b${i}`, PROFILES[i % PROFILES.length], seededRandom(100 + i)));
      for (const bot of bots) await bot.join(game.url, h.code);
      // The opening question is open in the lobby and the first round, which lasts 1.5 s at 60x: the bots
      // answer it in the lobby, as a class does while it waits, so a busy machine cannot close it on them.
      for (const bot of bots) bot.play(60);
      await until(() => h.room.state.ballot.startAnswers === 10, "every bot answered the opening question", 10_000);
      h.room.send("facilitate", { type: "start" });
      await until(() => h.room.state.phase === "ended", `${scenario} ends`, 60_000);
      await until(() => h.room.state.ballot.endAnswers === 10, "every bot answered the closing question", 10_000);
      const kinds = [...h.room.state.liveEvents].map((e) => e.kind);
      expect(kinds).toContain("final-round");
      expect(kinds).toContain("vote-closed");
      expect(h.room.state.ballot.startAnswers).toBe(10);
      expect(bots.reduce((n, b) => n + b.votes, 0)).toBe(2);
      const closed = [...h.room.state.liveEvents].find((e) => e.kind === "vote-closed")!;
      expect(closed.option).not.toBe("");
      expect(bots.reduce((n, b) => n + b.actions, 0)).toBeGreaterThan(40);
      expect(h.room.state.ballot.startResults.length).toBeGreaterThan(1);
      await Promise.all(bots.map((b) => b.leave()));
      await h.room.leave();
    },
    90_000,
  );
});
