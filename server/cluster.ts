import { matchMaker, ServerError, type IRoomCache, type MatchMakerDriver, type Presence, type SortOptions } from "@colyseus/core";
import { RedisDriver } from "@colyseus/redis-driver";
import { RedisPresence } from "@colyseus/redis-presence";
import { Redis } from "ioredis";
import { worded, wordedText, type Worded } from "../shared/messages/worded.ts";

export interface ClusterOptions {
  presence?: Presence;
  driver?: MatchMakerDriver;
  /** Host (and path) at which players reach this very process, e.g. `game.example.org/2568`. */
  publicAddress?: string;
  selectProcessIdToCreateRoom?: matchMaker.SelectProcessIdCallback;
}

const REDIS_WAIT_MS = 5000;

/** What a join or a new session is told while Redis is out of reach (the games go on meanwhile), in each phone's words. */
export const REDIS_DOWN: Worded = worded("errors.code.server-reconnecting");

/**
 * Colyseus' Redis room list, answering at once while Redis is out of reach: its client queues
 * commands while it reconnects, so a join by code hung for 15 s and then failed with ioredis'
 * own words. Now every lookup a join, a reconnection or a new session makes fails at once
 * with a sentence (HTTP 503), and works again as soon as the client is connected.
 */
class RoomListOnRedis extends RedisDriver {
  constructor(private redis: Redis) {
    super(redis);
  }

  findOne(conditions: Partial<IRoomCache>, sortOptions?: SortOptions): Promise<IRoomCache> {
    return reachableNow(this.redis).then(() => super.findOne(conditions, sortOptions));
  }

  query(conditions: Partial<IRoomCache>, sortOptions?: SortOptions): Promise<IRoomCache<any>[]> {
    return reachableNow(this.redis).then(() => super.query(conditions, sortOptions));
  }
}

function reachableNow(redis: Redis): Promise<void> {
  return redis.status === "ready" ? Promise.resolve() : Promise.reject(new ServerError(503, wordedText(REDIS_DOWN)));
}

/**
 * With REDIS_URL, rooms, seat reservations and the room list are shared through Redis by
 * Colyseus' own presence and driver, so a code typed on any process reaches its room.
 * Without it, one process keeps everything in memory as before.
 */
export async function clusterFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<ClusterOptions> {
  const publicAddress = env.PUBLIC_ADDRESS ? env.PUBLIC_ADDRESS.replace(/^[a-z]+:\/\//i, "").replace(/\/+$/, "") : undefined;
  if (!env.REDIS_URL) return { publicAddress };
  const presence = new RedisPresence(env.REDIS_URL);
  // Its commands fail at once while Redis is away instead of waiting in a queue.
  const redis = new Redis(env.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  redis.on("error", () => undefined);
  const driver = new RoomListOnRedis(redis);
  await reachable(() => presence.exists("citizen-score:ping"), env.REDIS_URL);
  await reachable(() => (redis.status === "ready" ? Promise.resolve() : new Promise((ok) => redis.once("ready", ok))), env.REDIS_URL);
  const selectProcessIdToCreateRoom = () => reachableNow(redis).then(fewestRooms);
  return { presence, driver, publicAddress, selectProcessIdToCreateRoom };
}

/**
 * Where a new session goes: the live process holding the fewest rooms in the shared room
 * list. Colyseus' default reads room counts that each process publishes at most once a
 * second, so a burst of sessions (a conference's facilitators all starting at nine) would
 * pile onto one process; the room list is current as soon as each room exists.
 */
async function fewestRooms(): Promise<string> {
  const live = (await matchMaker.stats.fetchAll()).map((s) => s.processId);
  if (live.length === 0) return matchMaker.processId;
  const load = new Map(live.map((id) => [id, 0]));
  for (const room of await matchMaker.query({})) {
    const n = load.get(room.processId);
    if (n !== undefined) load.set(room.processId, n + 1);
  }
  return [...load.entries()].sort((a, b) => a[1] - b[1])[0][0];
}

/** Redis clients retry forever; a process that cannot reach Redis should say so and stop. */
async function reachable(answer: () => Promise<unknown>, url: string): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis at ${redact(url)} did not answer within ${REDIS_WAIT_MS / 1000} s.`)), REDIS_WAIT_MS);
  });
  try {
    await Promise.race([answer(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "REDIS_URL";
  }
}
