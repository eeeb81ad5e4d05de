import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROFILES } from "../../server/bots/behaviour.ts";
import { Bot } from "../../server/bots/bot.ts";
import { seededRandom } from "../../shared/rules/rng.ts";
import { cutSocket, serverRoom } from "../helpers/faults.ts";
import { host, startTestServer, until, type GameRoom, type TestGame } from "../helpers/server.ts";
import { invariantViolations, replayStored } from "./invariants.ts";

const BOTS = 12;
/** The game's clock runs this many times faster than the cutting loop's pauses, so 10-second rounds take about 2. */
const SPEED = 5;

/**
 * The game's time, moved by the cutting loop: each pause between two cuts moves it `SPEED` times the pause. On the
 * wall's clock a busy machine's slow loop would cut less often while the game ran its 30 seconds all the same.
 */
let clock = Date.now();
let game: TestGame;
beforeAll(async () => {
  game = await startTestServer({ reconnectSeconds: 30, now: () => clock });
});
afterAll(async () => {
  await game.shutdown();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Drops {
  drops: number;
  returns: number;
  left: boolean;
}

function track(room: GameRoom): Drops {
  const d: Drops = { drops: 0, returns: 0, left: false };
  // Joined seconds ago: let the SDK retry at once instead of waiting out its 5 s minimum uptime.
  room.reconnection.minUptime = 0;
  room.onDrop(() => d.drops++);
  room.onReconnect(() => d.returns++);
  room.onLeave(() => (d.left = true));
  return d;
}

describe("sockets cut at random during a bot game", () => {
  it("every client reconnects to its seat, and the log and the final scores match a replay", async () => {
    const h = await host(game, { rounds: 3, roundSeconds: 10, actionPoints: 5, seed: 77 });
    const bots = PROFILES.flatMap((profile, p) =>
      Array.from({ length: BOTS / PROFILES.length }, (_, i) => new Bot(`Bot ${p}-${i}`, profile, seededRandom(1000 + p * 10 + i))),
    );
    for (const bot of bots) await bot.join(game.url, h.code);
    const tracked = [h.room, ...bots.map((b) => b.room)].map((room) => ({ room, sessionId: room.sessionId, d: track(room) }));

    h.room.send("facilitate", { type: "start" });
    for (const bot of bots) bot.play(150);
    const room = serverRoom(game, h.code);

    const rnd = seededRandom(4242);
    let cuts = 0;
    while (room.gameState.phase !== "ended") {
      const victim = tracked[Math.floor(rnd() * tracked.length)];
      if (cutSocket(game, h.code, victim.sessionId)) cuts++;
      const pause = 50 + rnd() * 150;
      await sleep(pause);
      clock += pause * SPEED;
    }
    for (const bot of bots) bot.stop();

    await until(() => tracked.every((t) => t.room.connection.isOpen && t.d.returns === t.d.drops), "every client back", 30_000);
    await until(() => [...h.room.state.players.values()].every((p) => p.connected) && h.room.state.hostConnected, "everyone shown connected", 10_000);
    expect(cuts).toBeGreaterThanOrEqual(20);
    expect(tracked.filter((t) => t.d.drops > 0).length).toBeGreaterThan(BOTS / 2);
    expect(tracked.every((t) => !t.d.left && t.room.sessionId === t.sessionId)).toBe(true);
    expect(Object.keys(room.gameState.players)).toHaveLength(BOTS);

    const replay = await replayStored(game.store, h.code);
    expect(replay).toEqual(room.gameState);
    expect(invariantViolations(replay)).toEqual([]);
    expect(replay.phase).toBe("ended");
    for (const bot of bots) {
      await until(() => bot.room.state.players.get(bot.id)?.score === replay.players[bot.id].score, `${bot.nickname} sees the final score`);
    }
    const moved = bots.filter((b) => replay.players[b.id].score !== 600);
    expect(moved.length).toBeGreaterThan(BOTS / 2);
  }, 90_000);
});
