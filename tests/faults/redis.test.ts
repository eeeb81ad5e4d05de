import { Client, MatchMakeError } from "@colyseus/sdk";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { REDIS_DOWN } from "../../server/cluster.ts";
import { PgStore } from "../../server/storage/pg-store.ts";
import { ROOM_NAME } from "../../shared/messages/messages.ts";
import { startGameProcess, type GameProcess } from "../helpers/game-process.ts";
import { pageConnection } from "../helpers/page-connection.ts";
import { until } from "../helpers/server.ts";
import { startPostgres, startRedis, type Postgres, type Service } from "../helpers/services.ts";
import { recordTime } from "./times.ts";

type Page = Awaited<ReturnType<typeof pageConnection>>;

/**
 * Redis stopped mid-game, then started again empty (no persistence): the games go on, joins
 * during the outage are refused at once in a sentence, the rooms list themselves again, and
 * the facilitator's screen reopened by code finds its own room rather than making a second one.
 */
describe("Redis lost and back empty", () => {
  let redis: Service;
  let postgres: Postgres;
  const processes: GameProcess[] = [];
  const pages: Page[] = [];
  let databaseUrl = "";
  beforeAll(async () => {
    redis = await startRedis();
    postgres = await startPostgres();
    databaseUrl = await postgres.createDatabase("redis_fault");
    const env = { REDIS_URL: redis.url, DATABASE_URL: databaseUrl, RECONNECT_SECONDS: "10" };
    processes.push(...(await Promise.all([startGameProcess("A", env), startGameProcess("B", env)])));
  }, 300_000);
  afterAll(async () => {
    for (const p of pages) await p.conn.leave();
    for (const p of processes) await p.stop();
    await redis?.stop();
    await postgres?.stop();
    vi.unstubAllGlobals();
  }, 60_000);

  it("loses no session: play goes on, joins are refused at once, then work again within seconds", { timeout: 180_000 }, async () => {
    const origin = processes[1].url;
    const host = await pageConnection(origin);
    const code = await host.conn.create({ seed: 41, rounds: 3, roundSeconds: 120 });
    const hostKey = (await import("../../client/net/storage.ts")).hostKeys.get(code)!;
    const players: Page[] = [];
    for (const name of ["Ana", "Bo", "Cy"]) {
      const p = await pageConnection(origin);
      await p.conn.join(code, name);
      players.push(p);
    }
    pages.push(host, ...players);
    host.conn.facilitate({ type: "start" });
    await until(() => host.conn.room?.state.phase === "round", "the round", 10_000);

    await redis.stop();
    // The game goes on without Redis: an action reaches the projector.
    const ana = players[0].conn.playerId;
    players[0].conn.act({ action: "volunteer" });
    await until(() => host.conn.room!.state.players.get(ana)!.score !== 600, "Ana's action on the projector", 10_000);

    for (const p of processes) {
      const asked = Date.now();
      const err = await new Client(p.url).joinById(code, { name: "Dee" }).then(
        () => undefined,
        (e: unknown) => e,
      );
      const seconds = (Date.now() - asked) / 1000;
      expect(err).toBeInstanceOf(MatchMakeError);
      expect((err as MatchMakeError).message).toBe(REDIS_DOWN);
      expect(seconds).toBeLessThan(3);
      const created = await new Client(p.url).create(ROOM_NAME, {}).then(() => undefined, (e: unknown) => e);
      expect((created as MatchMakeError).message).toBe(REDIS_DOWN);
    }

    redis = await startRedis(redis.port);
    const back = Date.now();
    const dee = await pageConnection(origin);
    pages.push(dee);
    await until(async () => dee.conn.join(code, "Dee").then(() => true, () => false), "a join by code to work again", 30_000);
    const seconds = (Date.now() - back) / 1000;
    recordTime("Redis restarted without its data: joins by code work again", seconds);
    expect(seconds).toBeLessThan(20);

    // The facilitator reopens the host view by code: the same room, not a second one.
    const again = await pageConnection(origin);
    pages.push(again);
    await again.conn.host(code, hostKey);
    await until(() => again.conn.room?.state.players.size === 4, "the reopened host view showing the class", 10_000);
    expect(again.conn.room!.state.players.get(ana)!.score).toBe(host.conn.room!.state.players.get(ana)!.score);
    for (const p of [host, ...players]) expect(p.statuses).not.toContain("closed");
    expect(players.every((p) => p.conn.room?.connection?.isOpen)).toBe(true);
    // The session is still listed as played. (It is younger than the minute the interrupted-sessions
    // sweep leaves alone, so the lease rule itself is asserted by the store contract, not here.)
    const store = await PgStore.open(databaseUrl);
    expect((await store.list()).find((s) => s.code === code)?.status).toBe("live");
    await store.close();
  });
});
