import { countDecodeErrors, Tally } from "./load-client.ts";
import { summarize, type LatencySummary } from "./probes.ts";
import { everyoneSeen, joinPlayers, openRooms, sleep, startGames, sweep, waitUntil, withTimeout, type BenchRoom } from "./rooms.ts";
import { cpuPercent, machineBusy, startServer, type ServerKind } from "./server-process.ts";

export interface Scenario {
  players: number;
  rooms: number;
}

export const SCENARIOS: readonly Scenario[] = [
  { players: 30, rooms: 1 },
  { players: 100, rooms: 1 },
  { players: 300, rooms: 1 },
  { players: 500, rooms: 1 },
  { players: 30, rooms: 50 },
];

export const scenarioName = (s: Scenario) => `${s.players}x${s.rooms}`;

export interface RunOptions {
  warmupSeconds: number;
  measureSeconds: number;
  /** Mean time between one player's actions. */
  actEveryMs: number;
  progress: (line: string) => void;
  /** Write a `node --cpu-prof` profile of each server process here. */
  cpuProfileDir?: string;
}

export interface SideResult {
  server: ServerKind;
  clients: number;
  latency: LatencySummary;
  /** Server process, percent of one core, over the measured window. */
  cpuPercent: number | undefined;
  peakRssMb: number | undefined;
  /** This (client) process, percent of one core: when it nears 100 the clients, not the server, set the pace. */
  clientCpuPercent: number;
  /**
   * Everything else on the machine, percent of one core: on a shared 2-core machine, numbers
   * measured while others use a core or more say more about them than about the server.
   */
  otherCpuPercent: number | undefined;
  bytesPerClientPerSecond: number;
  /** Patches per second that one client of a room receives. */
  patchesPerSecond: number;
  actionsPerSecond: number;
  refused: Record<string, number>;
  failures: Record<string, number>;
}

/** Runs one scenario against one server: join everyone, play, measure a window, tear down. */
export async function runSide(kind: ServerKind, scenario: Scenario, opts: RunOptions): Promise<SideResult> {
  const label = `${kind} ${scenarioName(scenario)}`;
  const server = await startServer(kind, { cpuProfileDir: opts.cpuProfileDir });
  const tally = new Tally();
  const rooms: BenchRoom[] = [];
  const sweeper = setInterval(() => sweep(rooms), 500);
  const restoreConsole = countDecodeErrors(tally);
  try {
    await openRooms(kind, scenario, opts, server, tally, rooms);
    await joinPlayers(kind, scenario, server, tally, rooms, (n) => opts.progress(`${label}: ${n}/${scenario.players * scenario.rooms} players joined`));
    await waitUntil(() => everyoneSeen(rooms), 120_000, "every screen to show every player");
    if (kind === "product") await startGames(rooms);
    for (const r of rooms) for (const c of r.clients.slice(1)) c.play(opts.actEveryMs);
    opts.progress(`${label}: playing; ${opts.warmupSeconds} s warm-up, then ${opts.measureSeconds} s measured`);
    for (let done = 0; done < opts.warmupSeconds; ) {
      const step = Math.min(10, opts.warmupSeconds - done);
      await sleep(step * 1000);
      done += step;
      if (done < opts.warmupSeconds) opts.progress(`${label}: warming up, ${done}/${opts.warmupSeconds} s`);
    }

    const all = rooms.flatMap((r) => r.clients);
    for (const c of all) c.bytes = c.patches = c.actions = 0;
    tally.refused.clear();
    const cpuFrom = server.cpu();
    const clientFrom = process.cpuUsage();
    const machineFrom = machineBusy();
    const from = performance.now();
    for (let left = opts.measureSeconds; left > 0; left -= 5) {
      await sleep(Math.min(5, left) * 1000);
      const elapsed = opts.measureSeconds - left + Math.min(5, left);
      opts.progress(`${label}: ${elapsed}/${opts.measureSeconds} s, ${sum(all, (c) => c.actions)} actions`);
    }
    const to = performance.now();
    const cpuTo = server.cpu();
    const clientCpu = process.cpuUsage(clientFrom);
    const machineTo = machineBusy();
    const seconds = (to - from) / 1000;
    const benchCpu = ((clientCpu.user + clientCpu.system) / 1e6 / seconds) * 100;
    const counted = { bytes: sum(all, (c) => c.bytes), patches: sum(all, (c) => c.patches), actions: sum(all, (c) => c.actions) };
    const refused = Object.fromEntries(tally.refused);
    for (const c of all) c.stop();
    // Probes sent in the window may still be on their way to the last screens.
    await waitUntil(() => rooms.every((r) => r.probes.pending === 0), 12_000, "").catch(() => undefined);
    sweep(rooms);

    const missed = sum(rooms, (r) => r.probes.missed);
    if (missed > 0) tally.failures.set("not-shown", missed);
    if (!server.alive()) {
      tally.fail("server-died");
      opts.progress(`${label}: the server process died; its last output:\n${server.lastOutput()}`);
    }
    return {
      server: kind,
      clients: all.length,
      latency: summarize(
        rooms.map((r) => r.probes),
        from,
        to,
      ),
      cpuPercent: cpuPercent(cpuFrom, cpuTo),
      peakRssMb: mb(server.peakRss()),
      clientCpuPercent: benchCpu,
      otherCpuPercent: others(cpuPercent(machineFrom, machineTo), cpuPercent(cpuFrom, cpuTo), benchCpu),
      bytesPerClientPerSecond: counted.bytes / all.length / seconds,
      patchesPerSecond: counted.patches / all.length / seconds,
      actionsPerSecond: counted.actions / seconds,
      refused,
      failures: Object.fromEntries(tally.failures),
    };
  } finally {
    clearInterval(sweeper);
    restoreConsole();
    await Promise.all(rooms.flatMap((r) => r.clients).map((c) => withTimeout(c.leave(), 5000)));
    await server.stop();
  }
}

function sum<T>(xs: readonly T[], f: (x: T) => number): number {
  let n = 0;
  for (const x of xs) n += f(x);
  return n;
}

function others(machine: number | undefined, server: number | undefined, bench: number): number | undefined {
  return machine === undefined || server === undefined ? undefined : Math.max(0, machine - server - bench);
}

const mb = (bytes: number | undefined) => (bytes === undefined ? undefined : bytes / 1024 / 1024);
