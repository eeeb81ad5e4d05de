import { Client } from "@colyseus/sdk";
import { PROFILES } from "../server/bots/behaviour.ts";
import { seededRandom } from "../shared/rules/rng.ts";
import { BaselineClient } from "./baseline-client.ts";
import type { LoadClient, Tally } from "./load-client.ts";
import { RoomProbes } from "./probes.ts";
import { ProductClient } from "./product-client.ts";
import type { RunOptions, Scenario } from "./scenario.ts";
import type { ServerKind, ServerProcess } from "./server-process.ts";

/**
 * Rounds long enough, and action points plenty enough, that a player acting every 2 s seldom
 * runs out: about 10 actions a round against 20 points.
 */
const ROUND_SECONDS = 20;
const ACTION_POINTS = 20;
const JOINS_AT_ONCE = 16;

/** One room of a run: its join code, its probes, and its clients (the watching screen first). */
export interface BenchRoom {
  code: string;
  probes: RoomProbes;
  clients: LoadClient[];
}

export async function openRooms(kind: ServerKind, scenario: Scenario, opts: RunOptions, server: ServerProcess, tally: Tally, rooms: BenchRoom[]) {
  const sdk = new Client(server.url);
  const rounds = Math.min(50, Math.ceil((opts.warmupSeconds + opts.measureSeconds + 30) / ROUND_SECONDS));
  for (let r = 0; r < scenario.rooms; r++) {
    const probes = new RoomProbes(scenario.players + 1);
    const rnd = seededRandom(r + 1);
    if (kind === "product") {
      const screen = new ProductClient(probes, 0, tally, rnd);
      const code = await screen.host(sdk, { seed: r + 1, rounds, roundSeconds: ROUND_SECONDS, actionPoints: ACTION_POINTS });
      rooms.push({ code, probes, clients: [screen] });
    } else {
      const screen = new BaselineClient(probes, 0, tally, rnd);
      rooms.push({ code: await screen.host(sdk), probes, clients: [screen] });
    }
  }
}

export async function joinPlayers(
  kind: ServerKind,
  scenario: Scenario,
  server: ServerProcess,
  tally: Tally,
  rooms: BenchRoom[],
  progress: (joined: number) => void,
) {
  const sdk = new Client(server.url);
  const total = scenario.players * scenario.rooms;
  const step = Math.max(10, Math.round(total / 5));
  let joined = 0;
  const join = async (n: number) => {
    const room = rooms[n % scenario.rooms];
    const i = Math.floor(n / scenario.rooms);
    const rnd = seededRandom(1_000_000 + n);
    try {
      if (kind === "product") {
        const c = new ProductClient(room.probes, i + 1, tally, rnd);
        await c.join(sdk, room.code, `b${i + 1}`, PROFILES[i % PROFILES.length]);
        room.clients.push(c);
      } else {
        const c = new BaselineClient(room.probes, i + 1, tally, rnd);
        await c.join(sdk, room.code);
        room.clients.push(c);
      }
    } catch {
      tally.fail("join-failed");
      room.probes.clients--;
    }
    if (++joined % step === 0 || joined === total) progress(joined);
  };
  let next = 0;
  await Promise.all(
    Array.from({ length: JOINS_AT_ONCE }, async () => {
      while (next < total) await join(next++);
    }),
  );
}

/** Every screen shows every player of its room, so every probe can be seen by all. */
export function everyoneSeen(rooms: readonly BenchRoom[]): boolean {
  return rooms.every((r) => r.clients.every((c) => seenPlayers(c) === r.probes.clients - 1));
}

function seenPlayers(c: LoadClient): number {
  return (c.room.state as { players?: { size: number } } | undefined)?.players?.size ?? -1;
}

export async function startGames(rooms: BenchRoom[]) {
  for (const r of rooms) r.clients[0].room.send("facilitate", { type: "start" });
  await waitUntil(() => rooms.every((r) => r.clients.every((c) => (c as ProductClient).state.phase === "round")), 30_000, "every room to start");
}

export function sweep(rooms: BenchRoom[]) {
  const now = performance.now();
  for (const r of rooms) {
    r.probes.sweep(now);
    for (const c of r.clients) c.checkAnswered(now);
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function waitUntil(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

export function withTimeout(p: Promise<void>, ms: number): Promise<void> {
  return Promise.race([p, sleep(ms)]).then(() => undefined);
}
