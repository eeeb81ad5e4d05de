import { RedisDriver } from "@colyseus/redis-driver";
import { Client, type Room } from "@colyseus/sdk";
import { Bot } from "../server/bots/bot.ts";
import { PROFILES } from "../server/bots/behaviour.ts";
import { ROOM_NAME } from "../shared/messages/messages.ts";
import { seededRandom } from "../shared/rules/rng.ts";
import type { ClassroomState } from "../shared/schema/classroom-state.ts";
import { startGameProcess, type GameProcess, type GameProcessEnv } from "../tests/helpers/game-process.ts";
import { startPostgres, startRedis } from "../tests/helpers/services.ts";
import { percentile, playMeasured, type Samples } from "./measured-play.ts";

export interface ClusterBenchOptions {
  /** 2: two processes sharing Redis and PostgreSQL; 1: the single-process default (SQLite, no Redis). */
  processes: 1 | 2;
  /** Where the logs go; PostgreSQL by default with two processes, SQLite (one file per process) with one. */
  store?: "sqlite" | "postgres";
  rooms?: number;
  players?: number;
  roundSeconds?: number;
  actEveryMs?: number;
  progress?: (line: string) => void;
}

export interface ClusterBenchResult {
  setup: string;
  rooms: number;
  players: number;
  roomsPerProcess: number[];
  samples: number;
  actions: number;
  refusals: number;
  /** Rooms whose end no client saw, because every one of them had dropped (an overloaded machine). */
  unfinishedRooms: number;
  joinSeconds: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

type HostRoom = Room<any, ClassroomState>;

/**
 * Starts the services and server processes, hosts the rooms (each host on one process's
 * address in turn, Colyseus choosing where the room lives), joins the players through the
 * processes' addresses in turn, plays one round and times every paid action.
 */
export async function runClusterBench(o: ClusterBenchOptions): Promise<ClusterBenchResult> {
  const { processes: n, rooms = 30, players = 50, roundSeconds = 30, actEveryMs = 2000 } = o;
  const store = o.store ?? (n === 2 ? "postgres" : "sqlite");
  const log = o.progress ?? ((line: string) => process.stderr.write(`${line}\n`));
  const stops: (() => Promise<void>)[] = [];
  const clients: { leave(): Promise<unknown> }[] = [];
  try {
    const env: GameProcessEnv = {};
    if (n === 2) {
      log("Starting Redis on loopback");
      const redis = await startRedis();
      stops.push(redis.stop);
      env.REDIS_URL = redis.url;
    }
    if (store === "postgres") {
      log("Starting PostgreSQL on loopback");
      const pg = await startPostgres();
      stops.push(pg.stop);
      env.DATABASE_URL = await pg.createDatabase("bench");
    }
    log(`Starting ${n} server process${n === 2 ? "es" : ""}`);
    const procs: GameProcess[] = await Promise.all(["A", "B"].slice(0, n).map((name) => startGameProcess(name, env)));
    for (const p of procs) stops.push(p.stop);

    const hosts: HostRoom[] = [];
    const codes: string[] = [];
    for (let r = 0; r < rooms; r++) {
      const room = (await new Client(procs[r % n].url).create(ROOM_NAME, { seed: r + 1, rounds: 1, roundSeconds, actionPoints: 20 })) as HostRoom;
      room.onMessage("error", () => undefined);
      const code = await new Promise<string>((resolve) => room.onMessage("welcome", (m: { code: string }) => resolve(m.code)));
      hosts.push(room);
      clients.push({ leave: async () => (room.connection?.isOpen ? room.leave(true) : undefined) });
      codes.push(code);
    }
    const placed = await roomsPerProcess(procs, codes, env.REDIS_URL);
    log(`Hosted ${rooms} rooms (per process: ${placed.join(" / ")})`);

    const joinStart = performance.now();
    const bots: Bot[][] = codes.map(() => []);
    let joined = 0;
    const joinRoom = async (r: number) => {
      for (let i = 0; i < players; i++) {
        const bot = new Bot(`P${i + 1}`, PROFILES[i % PROFILES.length], seededRandom(r * 1000 + i));
        await bot.join(procs[i % n].url, codes[r]);
        bots[r].push(bot);
        clients.push(bot);
        if (++joined % 150 === 0) log(`Joined ${joined}/${rooms * players} players`);
      }
    };
    for (let r = 0; r < rooms; r += 6) await Promise.all(codes.slice(r, r + 6).map((_, k) => joinRoom(r + k)));
    const joinSeconds = (performance.now() - joinStart) / 1000;

    const samples: Samples = { latencies: [], actions: 0, refusals: 0 };
    const stopPlay = bots.flat().map((bot, i) => playMeasured(bot, actEveryMs, seededRandom(7919 * (i + 1)), samples));
    for (const h of hosts) h.send("facilitate", { type: "start" });
    log(`Playing one ${roundSeconds} s round in every room`);
    const ticker = setInterval(() => log(`  ${samples.actions} actions sent, ${samples.latencies.length} timed`), 5000);
    const unfinished = await waitAll(bots, (roomBots, r) => ended(hosts[r]) || roomBots.some((b) => b.connected && ended(b.room)), (roundSeconds + 60) * 1000);
    clearInterval(ticker);
    if (unfinished > 0) log(`${unfinished} room(s) were not seen to end: their clients had lost their connections`);
    for (const stop of stopPlay) stop();

    const sorted = [...samples.latencies].sort((a, b) => a - b);
    const ms = (v: number) => Math.round(v * 10) / 10;
    return {
      setup: `${n === 2 ? "2 processes, Redis" : "1 process"}, ${store === "postgres" ? "PostgreSQL" : "SQLite"}`,
      rooms,
      players,
      roomsPerProcess: placed,
      samples: sorted.length,
      actions: samples.actions,
      refusals: samples.refusals,
      unfinishedRooms: unfinished,
      joinSeconds: Math.round(joinSeconds * 10) / 10,
      p50: ms(percentile(sorted, 50)),
      p95: ms(percentile(sorted, 95)),
      p99: ms(percentile(sorted, 99)),
      max: ms(sorted.at(-1) ?? NaN),
    };
  } finally {
    log("Stopping");
    // A client whose connection died can never confirm its leave; do not wait for it forever.
    await Promise.race([Promise.all(clients.map((c) => c.leave().catch(() => undefined))), new Promise((r) => setTimeout(r, 15_000))]);
    for (const stop of stops.reverse()) await stop().catch((err) => log(`stopping: ${err.message}`));
  }
}

async function roomsPerProcess(procs: GameProcess[], codes: string[], redisUrl?: string): Promise<number[]> {
  if (!redisUrl) return [codes.length];
  const driver = new RedisDriver(redisUrl);
  try {
    const listings = await Promise.all(codes.map((roomId) => driver.findOne({ roomId })));
    return procs.map((p) => listings.filter((l) => l?.publicAddress === p.publicAddress).length);
  } finally {
    await driver.shutdown();
  }
}

function ended(room: HostRoom): boolean {
  return room.state?.phase === "ended";
}

/** Resolves with how many rooms were still unfinished when the time ran out (0 when all finished). */
function waitAll(rooms: Bot[][], done: (bots: Bot[], room: number) => boolean, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve) => {
    const poll = setInterval(() => {
      const left = rooms.filter((bots, r) => !done(bots, r)).length;
      if (left === 0 || Date.now() > deadline) {
        clearInterval(poll);
        resolve(left);
      }
    }, 200);
  });
}
