import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLOSE_CODES } from "../../shared/messages/close-codes.ts";
import type { ServerMessages } from "../../shared/messages/messages.ts";
import { DEFAULT_LIMITS } from "../../server/rooms/rate-limit.ts";
import { serverRoom } from "../helpers/faults.ts";
import { host, joinAs, nextMessage, startTestServer, until, type GameRoom, type TestGame } from "../helpers/server.ts";

// The production limits: nothing here is tuned for the test.
let game: TestGame;
beforeAll(async () => {
  game = await startTestServer();
});
afterAll(async () => {
  await game.shutdown();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function errorsOf(room: GameRoom): ServerMessages["error"][] {
  const errors: ServerMessages["error"][] = [];
  room.onMessage("error", (e: ServerMessages["error"]) => errors.push(e));
  return errors;
}

/** Sends `count` messages at `perSecond` a second, evenly (a busy machine's late timers make it slower, never faster). */
async function steady(room: GameRoom, perSecond: number, count: number, payload: unknown): Promise<number> {
  let sent = 0;
  while (sent < count && room.connection.isOpen) {
    room.send("act", payload);
    sent++;
    await sleep(1000 / perSecond);
  }
  return sent;
}

/** Round trips of a message the server always answers (a refused vouch), one after another. */
async function roundTrips(room: GameRoom, samples: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < samples; i++) {
    const answered = nextMessage(room, "error", 10_000);
    const t0 = performance.now();
    room.send("act", { action: "vouch", target: "p999" });
    await answered;
    out.push(performance.now() - t0);
    await sleep(40);
  }
  return out;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

describe("a client that floods the room", () => {
  it("is answered rate-limited past its rate, keeps its connection and is served again once it slows down", async () => {
    const h = await host(game);
    const eager = await joinAs(game, h.code, "Eager");
    const errors = errorsOf(eager.room);
    // 30 a second for 2 s: far beyond any person, just under the transport's hard limit.
    const started = performance.now();
    const sent = await steady(eager.room, 30, 60, { action: "volunteer" });
    await until(() => errors.length === sent, "an answer to every message");
    // The bucket serves its burst and then its rate, over no longer than from the first message to the last answer:
    // the rest is refused, however slowly a busy machine sent them.
    const served = DEFAULT_LIMITS.burst + (DEFAULT_LIMITS.perSecond * (performance.now() - started)) / 1000;
    const limited = errors.filter((e) => e.code === "rate-limited");
    expect(limited.length).toBeGreaterThanOrEqual(sent - Math.floor(served));
    expect(limited[0]).toMatchObject({ about: "act", message: expect.stringContaining("too fast") });
    expect(errors.filter((e) => e.code === "not-in-round").length).toBeGreaterThanOrEqual(DEFAULT_LIMITS.burst);
    expect(eager.room.connection.isOpen).toBe(true);

    await sleep(1_000);
    const after = nextMessage(eager.room, "error");
    eager.room.send("act", { action: "volunteer" });
    expect((await after).code).toBe("not-in-round");
  });

  it("is disconnected past the hard limit each time it comes back, keeping its seat, while other players' latency stays normal", async () => {
    const h = await host(game);
    const bo = await joinAs(game, h.code, "Bo");
    const flooders: Awaited<ReturnType<typeof joinAs>>[] = [];
    for (let i = 0; i < 6; i++) flooders.push(await joinAs(game, h.code, `Flood ${i}`));
    h.room.send("facilitate", { type: "start" });
    await until(() => bo.room.state.phase === "round", "round");

    const baseline = await roundTrips(bo.room, 15);
    const closeCodes: number[][] = flooders.map(() => []);
    let flooding = true;
    // Six scripted clients, each firing bursts of 50 messages every 100 ms (3,000 a second in
    // all) and reconnecting with their token each time the server hangs up on them.
    const listen = (room: GameRoom, k: number) => {
      room.onLeave((code) => closeCodes[k].push(code));
      room.onMessage("*", () => undefined);
    };
    const floods = flooders.map(async (f, k) => {
      let room = f.room;
      listen(room, k);
      while (flooding) {
        if (!room.connection.isOpen) {
          room = (await f.sdk.reconnect(room.reconnectionToken).catch(() => room)) as GameRoom;
          if (room.connection.isOpen) listen(room, k);
        }
        for (let i = 0; i < 50 && room.connection.isOpen; i++) room.send("act", { action: "lookup", target: bo.id });
        await sleep(100);
      }
      return room;
    });
    const [during] = await Promise.all([roundTrips(bo.room, 15), sleep(1_500)]);
    // Each comeback takes a reconnect, slower on a busy machine: flood on until every flooder has been cut off twice.
    await until(() => closeCodes.every((codes) => codes.length >= 2), "every flooder cut off twice", 10_000);
    flooding = false;
    const last = await Promise.all(floods);

    console.info(`Round trip for another player: median ${median(baseline).toFixed(1)} ms before the flood, ${median(during).toFixed(1)} ms during it`);
    // Generous on purpose (a loaded machine is slow): "normal" means a person would not notice.
    expect(median(during)).toBeLessThan(Math.max(500, 5 * median(baseline)));
    expect(Math.max(...during)).toBeLessThan(3_000);

    for (const codes of closeCodes) {
      expect(codes.length).toBeGreaterThanOrEqual(2);
      expect(codes.every((c) => c === CLOSE_CODES.flooding)).toBe(true);
    }
    const room = serverRoom(game, h.code);
    for (const f of flooders) expect(room.gameState.players[f.id]).toBeDefined();
    await Promise.all(last.map((r) => (r.connection.isOpen ? r.leave(true) : undefined)));
    await until(() => flooders.every((f) => h.room.state.players.get(f.id)?.connected === false), "flooders shown disconnected");
    expect(bo.room.connection.isOpen).toBe(true);
  });
});
