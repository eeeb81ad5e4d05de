import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServerMessages } from "../../shared/messages/messages.ts";
import { seededRandom } from "../../shared/rules/rng.ts";
import { serverRoom } from "../helpers/faults.ts";
import { host, joinAs, startTestServer, until, type GameRoom, type TestGame } from "../helpers/server.ts";
import { invariantViolations, replayStored } from "./invariants.ts";
import { hostJunk, playerJunk, type Junk, type Rnd } from "./junk.ts";

const PLAYERS = 6;
const PER_PLAYER = 1_500;
const PER_HOST = 1_200;

let game: TestGame;
beforeAll(async () => {
  // The flood test covers the rate limits; here they would only turn junk into rate-limited errors.
  game = await startTestServer({
    limits: { perSecond: 1e6, burst: 1e6, disconnectPerSecond: 1e6 },
    frameBudget: { burstBytes: 1e9, bytesPerSecond: 1e9 },
  });
});
afterAll(async () => {
  await game.shutdown();
});

interface Fuzzer {
  name: string;
  room: GameRoom;
  id?: string;
  sent: number;
  errors: ServerMessages["error"][];
  closed: boolean;
}

function watch(name: string, room: GameRoom, id?: string): Fuzzer {
  const f: Fuzzer = { name, room, id, sent: 0, errors: [], closed: false };
  room.onMessage("error", (e: ServerMessages["error"]) => f.errors.push(e));
  room.onMessage("lookup-result", () => undefined);
  room.onLeave(() => (f.closed = true));
  return f;
}

async function fire(f: Fuzzer, count: number, next: () => Junk): Promise<void> {
  for (let i = 0; i < count; i++) {
    const junk = next();
    if (junk.bytes) f.room.sendBytes(junk.type, junk.payload as Uint8Array);
    else f.room.send(junk.type as string, junk.payload);
    f.sent++;
    // Yield now and then, as a real client's event loop would, so all sockets interleave.
    if (i % 20 === 19) await new Promise((r) => setTimeout(r, 1));
  }
}

describe("ten thousand hostile messages from several clients", () => {
  it("leave the server running, the rules' invariants whole, every bad message answered and the log replayable", async () => {
    const h = await host(game, { actionPoints: 20, rounds: 50, roundSeconds: 10, seed: 2024 });
    const players: Awaited<ReturnType<typeof joinAs>>[] = [];
    for (let i = 1; i <= PLAYERS; i++) players.push(await joinAs(game, h.code, `Fuzz ${i}`));
    const ids = players.map((p) => p.id);
    const hostF = watch("host", h.room);
    const fuzzers = players.map((p, i) => watch(`Fuzz ${i + 1}`, p.room, p.id));
    h.room.send("facilitate", { type: "start" });
    hostF.sent++;
    await until(() => players.every((p) => p.room.state.phase === "round"), "round 1");

    const rnd = (seed: number): Rnd => seededRandom(seed);
    await Promise.all([
      fire(
        hostF,
        PER_HOST,
        (
          (r) => () =>
            hostJunk(r, ids)
        )(rnd(1)),
      ),
      ...fuzzers.map((f, i) =>
        fire(
          f,
          PER_PLAYER,
          (
            (r) => () =>
              playerJunk(r, ids)
          )(rnd(100 + i)),
        ),
      ),
    ]);
    const all = [hostF, ...fuzzers];
    expect(all.reduce((n, f) => n + f.sent, 0)).toBeGreaterThanOrEqual(10_000);

    // Every message was either applied (so it is in the log) or answered with an error.
    const accepted = async (f: Fuzzer) =>
      (await game.store.commands(h.code)).filter((e) => (f.id ? e.command.kind === "act" && e.command.player === f.id : e.command.kind === "facilitate"))
        .length;
    const ledger = async () =>
      (
        await Promise.all(
          all.map(
            async (f) =>
              `${f.name}: sent ${f.sent}, applied ${await accepted(f)}, refused ${f.errors.length}${f.closed || !f.room.connection.isOpen ? " (disconnected)" : ""}`,
          ),
        )
      ).join("; ");
    const settled = async () => (await Promise.all(all.map(async (f) => (await accepted(f)) + f.errors.length === f.sent))).every(Boolean);
    await until(settled, "every message accounted for", 15_000).catch(async (e: Error) => {
      throw new Error(`${e.message} (${await ledger()})`);
    });

    const room = serverRoom(game, h.code);
    expect(all.filter((f) => f.closed || !f.room.connection.isOpen).map((f) => f.name)).toEqual([]);
    // The room's clock ends rounds by itself, and the log is written just before each patch: pause the round, and once
    // the pause is in the log, so is everything the room applied before it, and nothing more will be.
    if (room.gameState.phase === "round" && !room.gameState.paused) {
      const logged = (await game.store.commands(h.code)).length;
      h.room.send("facilitate", { type: "pause" });
      const paused = async () =>
        (await game.store.commands(h.code)).slice(logged).some((e) => e.command.kind === "facilitate" && e.command.command.type === "pause");
      await until(paused, "the pause in the log");
    }
    expect(invariantViolations(room.gameState)).toEqual([]);
    expect(await replayStored(game.store, h.code)).toEqual(room.gameState);

    const codes = new Set(all.flatMap((f) => f.errors.map((e) => e.code)));
    for (const code of ["bad-message", "unknown-message", "not-host", "not-a-player", "bad-target", "no-action-points"]) expect(codes).toContain(code);
    for (const e of all.flatMap((f) => f.errors)) {
      expect(typeof e.message === "string" && e.message.length > 10 && e.message.length < 400, e.message).toBe(true);
      expect(e.about.length).toBeLessThanOrEqual(40);
    }
    expect((await Promise.all(fuzzers.map(accepted))).reduce((n, a) => n + a, 0)).toBeGreaterThan(50);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    // What every screen shows agrees with the rules, and the room still plays.
    await until(() => ids.every((id) => h.room.state.players.get(id)?.score === room.gameState.players[id]?.score), "screens in step");
    if (room.gameState.locked) h.room.send("facilitate", { type: "unlock" });
    if (room.gameState.paused) h.room.send("facilitate", { type: "resume" });
    await until(() => !h.room.state.locked && !h.room.state.paused, "the host's screen shows the room open and running");
    const fresh = await joinAs(game, h.code, "Fresh");
    await until(() => fresh.inbox().actionPoints > 0, "the newcomer gets action points");
    fresh.room.send("act", { action: "volunteer" });
    await until(() => h.room.state.players.get(fresh.id)?.score === 620, "an honest action still works");
    const health = await fetch(`${game.url}/healthz`);
    expect(health.ok).toBe(true);
  }, 120_000);
});
