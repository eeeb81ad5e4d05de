import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import type { Connection, Status } from "../../client/net/connection.ts";
import { startGameProcess, type GameProcess } from "../helpers/game-process.ts";
import { pageConnection } from "../helpers/page-connection.ts";
import { freePort, until } from "../helpers/server.ts";
import { startPostgres, startRedis, type Service } from "../helpers/services.ts";
import { homeOf } from "../scale/cluster.ts";
import { recordTime } from "./times.ts";

/**
 * A class back after a crash, measured with the pages' own connection (client/net/
 * connection.ts): a projector and a dozen phones, the time from the fault (or from the
 * restarted server accepting connections) until every screen is online in its own seat.
 */

const PLAYERS = 12;
type Page = Awaited<ReturnType<typeof pageConnection>>;

async function classroom(origin: string, seed: number) {
  const host = await pageConnection(origin);
  const code = await host.conn.create({ seed, rounds: 3, roundSeconds: 120 });
  return { host, code };
}

async function seatPlayers(origin: string, code: string): Promise<Page[]> {
  const players: Page[] = [];
  for (let i = 0; i < PLAYERS; i++) {
    const p = await pageConnection(origin);
    await p.conn.join(code, `Player${i + 1}`);
    players.push(p);
  }
  return players;
}

const online = (c: Connection, statuses: Status[]) => statuses.at(-1) === "online" && c.room?.connection?.isOpen === true;

/** Every screen online, each player in the seat it had, and the projector seeing all of them connected. */
async function allBack(host: Page, players: Page[], seats: string[], timeoutMs: number) {
  await until(
    () =>
      online(host.conn, host.statuses) &&
      players.every((p, i) => online(p.conn, p.statuses) && p.conn.playerId === seats[i]) &&
      [...(host.conn.room?.state.players.values() ?? [])].filter((ps) => ps.connected).length === PLAYERS,
    "every screen back in its seat",
    timeoutMs,
  );
}

const open: Page[] = [];
const processes: GameProcess[] = [];
const services: Service[] = [];
afterEach(async () => {
  for (const p of open.splice(0)) await p.conn.leave();
  for (const p of processes.splice(0)) await p.stop();
  for (const s of services.splice(0)) await s.stop();
  vi.unstubAllGlobals();
});

describe("a class back after a crash", () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it("a single server killed and restarted: every screen back within seconds of it accepting connections", { timeout: 180_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "citizen-recovery-"));
    dirs.push(dataDir);
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    processes.push(await startGameProcess("single", {}, { port, dataDir }));
    const { host, code } = await classroom(origin, 21);
    const players = await seatPlayers(origin, code);
    open.push(host, ...players);
    const seats = players.map((p) => p.conn.playerId);
    host.conn.facilitate({ type: "start" });
    await until(() => host.conn.room?.state.phase === "round", "the round", 10_000);

    await processes.pop()!.kill();
    await until(() => players.every((p) => p.statuses.at(-1) !== "online"), "every phone to notice", 10_000);
    processes.push(await startGameProcess("single", {}, { port, dataDir }));
    const accepting = Date.now();
    await allBack(host, players, seats, 30_000);
    const seconds = (Date.now() - accepting) / 1000;
    recordTime("single server killed (kill -9) and restarted", seconds);
    expect(seconds).toBeLessThan(15);
    // Nobody was told the session had ended, and no phone flashed "Disconnected.".
    for (const p of [host, ...players]) expect(p.statuses).not.toContain("closed");
    expect(host.conn.room!.state.paused).toBe(true);
  });

  it("one process of a cluster killed: the session comes back on the other and every screen finds it", { timeout: 240_000 }, async () => {
    const redis = await startRedis();
    const postgres = await startPostgres();
    services.push(redis, postgres);
    const env = { REDIS_URL: redis.url, DATABASE_URL: await postgres.createDatabase("recovery"), RECONNECT_SECONDS: "10" };
    const [a, b] = await Promise.all([startGameProcess("A", env), startGameProcess("B", env)]);
    processes.push(a, b);
    const cluster = { redis, processes: [a, b] } as unknown as Parameters<typeof homeOf>[0];
    // Screens reach the cluster through one address, as through a load balancer: the survivor's.
    let session = await classroom(b.url, 31);
    if ((await homeOf(cluster, session.code)).home === b) session = await classroom(b.url, 32);
    const { host, code } = session;
    expect((await homeOf(cluster, code)).home).toBe(a);
    const players = await seatPlayers(b.url, code);
    open.push(host, ...players);
    const seats = players.map((p) => p.conn.playerId);
    host.conn.facilitate({ type: "start" });
    await until(() => host.conn.room?.state.phase === "round", "the round", 10_000);

    const killedAt = Date.now();
    await a.kill();
    await until(() => players.every((p) => p.statuses.at(-1) !== "online"), "every phone to notice", 10_000);
    await allBack(host, players, seats, 60_000);
    const seconds = (Date.now() - killedAt) / 1000;
    const backAt = (p: Page) => ((p.times[p.statuses.lastIndexOf("online")] - killedAt) / 1000).toFixed(1);
    console.log(`projector back at ${backAt(host)} s, phones at ${players.map(backAt).join(", ")} s`);
    recordTime("one process of two killed (kill -9)", seconds);
    expect(seconds).toBeLessThan(25);
    for (const p of [host, ...players]) expect(p.statuses).not.toContain("closed");
    expect(host.conn.room!.state.phase).toBe("round");
  });
});
