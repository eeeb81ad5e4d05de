import { Client, MatchMakeError } from "@colyseus/sdk";
import { Redis } from "ioredis";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { REDIS_DOWN } from "../../server/cluster.ts";
import { readWorded } from "../../shared/messages/worded.ts";
import { PgStore } from "../../server/storage/pg-store.ts";
import { YOUNG_SESSION_MS } from "../../server/storage/store.ts";
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
 * Then the other process is restarted while Redis is empty: the store's lease, not the room
 * list, tells its sweeps that the session is being played, so it stays live and joinable.
 */
describe("Redis lost and back empty", () => {
  let redis: Service;
  let postgres: Postgres;
  const processes: GameProcess[] = [];
  const pages: Page[] = [];
  let databaseUrl = "";
  let env: Record<string, string> = {};
  /** The session the first case plays on processes[1], with its facilitator's and players' pages. */
  let code = "";
  let host: Page;
  let players: Page[] = [];
  beforeAll(async () => {
    redis = await startRedis();
    postgres = await startPostgres();
    databaseUrl = await postgres.createDatabase("redis_fault");
    env = { REDIS_URL: redis.url, DATABASE_URL: databaseUrl, RECONNECT_SECONDS: "10" };
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
    host = await pageConnection(origin);
    code = await host.conn.create({ seed: 41, rounds: 3, roundSeconds: 120 });
    const hostKey = (await import("../../client/net/storage.ts")).hostKeys.get(code)!;
    players = [];
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
      expect(readWorded((err as MatchMakeError).message)).toEqual(REDIS_DOWN);
      expect(seconds).toBeLessThan(3);
      const created = await new Client(p.url).create(ROOM_NAME, {}).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(readWorded((created as MatchMakeError).message)).toEqual(REDIS_DOWN);
    }

    redis = await startRedis(redis.port);
    const back = Date.now();
    const dee = await pageConnection(origin);
    pages.push(dee);
    await until(
      async () =>
        dee.conn.join(code, "Dee").then(
          () => true,
          () => false,
        ),
      "a join by code to work again",
      30_000,
    );
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
    // The session is still listed as played.
    const store = await PgStore.open(databaseUrl);
    expect((await store.list()).find((s) => s.code === code)?.status).toBe("live");
    await store.close();
  });

  it("a process restarted while Redis is empty leaves another's live session alone, at start-up and in its sweeps", { timeout: 120_000 }, async () => {
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    const statusOf = async (c: string) => (await db.query<{ status: string }>("SELECT status FROM sessions WHERE code = $1", [c])).rows[0]?.status;
    const holderOf = async (c: string) => (await db.query<{ holder: string }>("SELECT holder FROM leases WHERE code = $1", [c])).rows[0]?.holder;
    /** A session whose process died before it took its lease: the sweeps' business, and the sign that one ran. */
    const abandoned = async (c: string) => {
      await db.query(
        "INSERT INTO sessions (code, host_key_hash, created_at, seed, rules_version, config) SELECT $2, host_key_hash, created_at, seed, rules_version, config FROM sessions WHERE code = $1",
        [code, c],
      );
    };
    /** The session's players still play: an action reaches the projector. */
    const reachesProjector = async (player: Page, name: string) => {
      const id = player.conn.playerId;
      const before = host.conn.room!.state.players.get(id)!.score;
      player.conn.act({ action: "volunteer" });
      await until(() => host.conn.room!.state.players.get(id)!.score !== before, `${name}'s action on the projector`, 10_000);
    };
    try {
      // Old enough for every sweep to judge it by its lease alone, as a session an hour into a lesson would be.
      await db.query("UPDATE sessions SET created_at = created_at - $2 WHERE code = $1", [code, YOUNG_SESSION_MS + 60_000]);
      const holder = await holderOf(code);
      expect(holder).toBeDefined();
      // The room list put the session on whichever process had fewer rooms: the other one is restarted.
      const at = processes.findIndex((p) => host.conn.room!.connection.url!.includes(p.publicAddress));
      expect(at).toBeGreaterThanOrEqual(0);
      const playing = processes[at];
      const restarted = processes[1 - at];
      await restarted.stop();
      const flush = new Redis(redis.url);
      await flush.flushall();
      flush.disconnect();
      const b = await startGameProcess(restarted.name, env, { port: restarted.port });
      processes[1 - at] = b;

      // Its start-up sweep has run before it says it is running.
      expect(await statusOf(code)).toBe("live");
      expect(await holderOf(code)).toBe(holder);
      // Joins by code through the restarted process reach the session on the other one.
      const eve = await pageConnection(b.url);
      pages.push(eve);
      await until(
        async () =>
          eve.conn.join(code, "Eve").then(
            () => true,
            () => false,
          ),
        "a join by code through the restarted process",
        20_000,
      );
      await until(() => host.conn.room?.state.players.size === 5, "Eve on the projector", 10_000);
      await reachesProjector(players[1], "Bo");

      // A sweep runs only where a room's leases are renewed: the restarted process gets a session of its own.
      const other = await pageConnection(b.url);
      pages.push(other);
      const otherCode = await other.conn.create({ seed: 7, rounds: 1, roundSeconds: 60 });
      await until(async () => (await holderOf(otherCode)) !== undefined, "the restarted process's own lease", 10_000);
      expect(await holderOf(otherCode)).not.toBe(holder);
      // Each process sweeps on its own clock. The first abandoned session, left once the restarted
      // process renews a lease, is marked by whichever sweeps first; the second, left then, by the
      // other, whose sweep is due before the first one's next: both processes have swept.
      for (const c of ["ZZZZZ1", "ZZZZZ2"]) {
        await abandoned(c);
        await until(async () => (await statusOf(c)) === "interrupted", `a periodic sweep marking ${c} interrupted`, 45_000);
      }
      expect(await statusOf(code)).toBe("live");
      expect(await holderOf(code)).toBe(holder);
      expect(b.output()).not.toContain(`Session ${code}: taken over`);
      expect(playing.output()).not.toContain(`Session ${code}: taken over`);

      await reachesProjector(players[2], "Cy");
      for (const p of [host, ...players]) expect(p.statuses).not.toContain("closed");
      expect(players.every((p) => p.conn.room?.connection?.isOpen)).toBe(true);
    } finally {
      await db.end();
    }
  });
});
