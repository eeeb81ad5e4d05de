import { RedisDriver } from "@colyseus/redis-driver";
import { Client, type Room } from "@colyseus/sdk";
import { Bot } from "../../server/bots/bot.ts";
import { PROFILES } from "../../server/bots/behaviour.ts";
import { restoreSession } from "../../server/rooms/restore.ts";
import { PgStore } from "../../server/storage/pg-store.ts";
import { ROOM_NAME, type ServerMessages } from "../../shared/messages/messages.ts";
import { seededRandom } from "../../shared/rules/rng.ts";
import type { ClassroomState } from "../../shared/schema/classroom-state.ts";
import { startGameProcess, type GameProcess } from "../helpers/game-process.ts";
import { listen } from "../helpers/server.ts";
import { startPostgres, startRedis, type Postgres, type Service } from "../helpers/services.ts";

/** Redis, PostgreSQL and two game processes sharing them, all on loopback. */
export interface Cluster {
  redis: Service;
  postgres: Postgres;
  databaseUrl: string;
  processes: GameProcess[];
  stop(): Promise<void>;
}

export async function startCluster(database: string): Promise<Cluster> {
  const started: { stop(): Promise<void> }[] = [];
  try {
    const redis = await startRedis();
    started.push(redis);
    const postgres = await startPostgres();
    started.push(postgres);
    const databaseUrl = await postgres.createDatabase(database);
    const env = { REDIS_URL: redis.url, DATABASE_URL: databaseUrl, RECONNECT_SECONDS: "10" };
    // Both at once: the schema migration must cope with two processes starting together.
    const processes = await Promise.all([startGameProcess("A", env), startGameProcess("B", env)]);
    started.push(...processes);
    return { redis, postgres, databaseUrl, processes, stop: () => stopAll(started) };
  } catch (err) {
    await stopAll(started);
    throw err;
  }
}

async function stopAll(services: { stop(): Promise<void> }[]) {
  for (const s of services.reverse()) await s.stop().catch((err) => console.error(`stopping: ${err.message}`));
}

/** Which process holds a room, read from the room list Colyseus keeps in Redis. */
export async function homeOf(cluster: Cluster, code: string): Promise<{ home: GameProcess; other: GameProcess }> {
  const driver = new RedisDriver(cluster.redis.url);
  try {
    const listing = await driver.findOne({ roomId: code });
    const home = cluster.processes.find((p) => p.publicAddress === listing?.publicAddress);
    if (!home) throw new Error(`room ${code} is not in the shared room list (found ${JSON.stringify(listing)})`);
    return { home, other: cluster.processes.find((p) => p !== home)! };
  } finally {
    await driver.shutdown();
  }
}

/** How many rooms the shared room list holds, on either process. */
export async function roomsListed(cluster: Cluster): Promise<number> {
  const driver = new RedisDriver(cluster.redis.url);
  try {
    return (await driver.query({})).length;
  } finally {
    await driver.shutdown();
  }
}

export type HostRoom = Room<any, ClassroomState>;

export async function hostSession(url: string, options: Record<string, unknown>) {
  const room = (await new Client(url).create(ROOM_NAME, options)) as HostRoom;
  const heard = listen(room);
  const welcome = await new Promise<ServerMessages["welcome"]>((resolve) => room.onMessage("welcome", resolve));
  room.onMessage("error", () => undefined);
  return { room, code: welcome.code, hostKey: welcome.hostKey!, feed: heard.feed, hostScores: heard.hostScores };
}

/** The facilitator's screen opened again by code and key, as the host page does, until the session is back on a live process. */
export async function reopenHost(url: string, code: string, hostKey: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const room = (await new Client(url).joinById(code, { hostKey })) as HostRoom;
      const heard = listen(room);
      await new Promise<ServerMessages["welcome"]>((resolve) => room.onMessage("welcome", resolve));
      room.onMessage("error", () => undefined);
      return { room, code, hostKey, feed: heard.feed, hostScores: heard.hostScores };
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

export async function joinBots(url: string, code: string, count: number, seed: number): Promise<Bot[]> {
  const bots = Array.from({ length: count }, (_, i) => new Bot(`Bot${i + 1}`, PROFILES[i % PROFILES.length], seededRandom(seed * 1000 + i)));
  for (const bot of bots) await bot.join(url, code);
  return bots;
}

/** The session as PostgreSQL holds it: its log folded by the same rules, and its listing. */
export async function replayFromPostgres(databaseUrl: string, code: string) {
  const store = await PgStore.open(databaseUrl, 2);
  try {
    const meta = await store.get(code);
    if (!meta) throw new Error(`session ${code} is not in PostgreSQL`);
    const log = await store.commands(code);
    const restored = restoreSession(meta, log);
    if ("code" in restored) throw new Error(restored.message);
    const summary = (await store.list()).find((s) => s.code === code);
    return { meta, state: restored.state, log, summary };
  } finally {
    await store.close();
  }
}

export function scoresOf(room: HostRoom): Record<string, number> {
  return Object.fromEntries([...room.state.players.values()].map((p) => [p.id, p.score]));
}
