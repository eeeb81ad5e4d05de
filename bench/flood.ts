import { spawn } from "node:child_process";
import { countDecodeErrors, Tally } from "./load-client.ts";
import type { LatencySummary, RoomProbes } from "./probes.ts";
import { everyoneSeen, joinPlayers, openRooms, sleep, startGames, sweep, waitUntil, withTimeout, type BenchRoom } from "./rooms.ts";
import type { RunOptions } from "./scenario.ts";
import { cpuPercent, readCpu, REPO_ROOT, startServer, type CpuSample } from "./server-process.ts";

/** The class of the flood scenario: one room, as the issue measured it. */
const FLOOD_CLASS = 40;

/** Windows alone and beside the flooder, taking turns. */
const FLOOD_WINDOWS = 3;

/** Nearest-rank percentiles of the probes sent within any of the windows. */
function summarizeWindows(probes: RoomProbes, windows: [number, number][]): LatencySummary {
  const values = probes.samples.filter((s) => windows.some(([from, to]) => s.sentAt >= from && s.sentAt <= to)).map((s) => s.latency);
  values.sort((a, b) => a - b);
  const at = (q: number) => (values.length === 0 ? NaN : values[Math.min(values.length - 1, Math.ceil(q * values.length) - 1)]);
  return { count: values.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: values.length ? values[values.length - 1] : NaN };
}

const share = (a: CpuSample | undefined, b: CpuSample | undefined) => cpuPercent(a, b) ?? Number.NaN;

/** Issue 17's target: one flooding client raises the others' p95 by at most this much. */
const FLOOD_P95_TARGET = 1.1;

export interface FloodResult {
  players: number;
  /** The class alone, then the class beside the flooder: the same server, the same run. */
  quiet: LatencySummary;
  flooded: LatencySummary;
  p95Ratio: number;
  /** Percent of one core: the server in each kind of window, and the flooder's own process while it flooded. */
  serverCpu: { quiet: number; flooded: number; flooder: number };
  flooder: { bursts: number; framesSent: number; seats: number; cutOff: number; joinRefused: number; refusedCodes: Record<string, number> };
  failures: Record<string, number>;
}

/**
 * `npm run bench -- --only flood`: a class of 40 bots plays on the real server; its latency is
 * measured in windows alone and in windows of the same length while one client
 * (bench/flooder.ts, its own process) floods the room and rejoins whenever it is cut off.
 */
export async function runFloodBench(opts: RunOptions): Promise<FloodResult> {
  const server = await startServer("product");
  const tally = new Tally();
  const rooms: BenchRoom[] = [];
  const sweeper = setInterval(() => sweep(rooms), 500);
  const restoreConsole = countDecodeErrors(tally);
  const scenario = { players: FLOOD_CLASS, rooms: 1 };
  try {
    await openRooms("product", scenario, { ...opts, measureSeconds: 2 * opts.measureSeconds + 2 * FLOOD_WINDOWS }, server, tally, rooms);
    await joinPlayers("product", scenario, server, tally, rooms, (n) => opts.progress(`flood: ${n}/${FLOOD_CLASS} players joined`));
    await waitUntil(() => everyoneSeen(rooms), 60_000, "every screen to show every player");
    await startGames(rooms);
    for (const c of rooms[0].clients.slice(1)) c.play(opts.actEveryMs);
    opts.progress(
      `flood: playing; ${opts.warmupSeconds} s warm-up, then ${opts.measureSeconds} s alone and ${opts.measureSeconds} s beside the flooder, in turns`,
    );
    // Niced: on a real network the flooder is another device, not a rival for this machine's cores.
    const flooder = spawn("nice", ["-n", "19", process.execPath, "--import", "tsx", "bench/flooder.ts", server.url, rooms[0].code], {
      cwd: REPO_ROOT,
      stdio: ["pipe", "pipe", "inherit"],
    });
    let out = "";
    flooder.stdout.on("data", (c: Buffer) => (out += c.toString()));
    const exited = new Promise<void>((resolve) => flooder.on("exit", () => resolve()));
    // The flooder loads during the warm-up, so that its start-up is not counted against anyone.
    await sleep(opts.warmupSeconds * 1000);
    await waitUntil(() => out.startsWith("ready"), 60_000, "the flooder to load");
    // Windows alone and beside the flooder take turns, so that whatever else the machine is
    // doing falls on both alike.
    const windows = { quiet: [] as [number, number][], flooded: [] as [number, number][] };
    const cpu = { quiet: 0, flooded: 0, flooder: 0 };
    const windowMs = (opts.measureSeconds * 1000) / FLOOD_WINDOWS;
    for (let w = 0; w < 2 * FLOOD_WINDOWS; w++) {
      const flooded = w % 2 === 1;
      flooder.stdin.write(flooded ? "go\n" : "pause\n");
      // A second for the flooder to be at work (or gone) before the window opens.
      await sleep(1000);
      const from = performance.now();
      const serverFrom = server.cpu();
      const flooderFrom = readCpu(flooder.pid!);
      await sleep(windowMs);
      (flooded ? windows.flooded : windows.quiet).push([from, performance.now()]);
      cpu[flooded ? "flooded" : "quiet"] += share(serverFrom, server.cpu());
      if (flooded) cpu.flooder += share(flooderFrom, readCpu(flooder.pid!));
    }
    flooder.stdin.end("stop\n");
    await Promise.race([exited, sleep(10_000)]);
    for (const c of rooms[0].clients) c.stop();
    await waitUntil(() => rooms[0].probes.pending === 0, 12_000, "").catch(() => undefined);
    sweep(rooms);

    const quiet = summarizeWindows(rooms[0].probes, windows.quiet);
    const flooded = summarizeWindows(rooms[0].probes, windows.flooded);
    const counts = out.trim() ? JSON.parse(out.trim().split("\n").pop()!) : {};
    if (!server.alive()) tally.fail("server-died");
    const cpuPercents = { quiet: cpu.quiet / FLOOD_WINDOWS, flooded: cpu.flooded / FLOOD_WINDOWS, flooder: cpu.flooder / FLOOD_WINDOWS };
    return {
      players: FLOOD_CLASS,
      quiet,
      flooded,
      p95Ratio: flooded.p95 / quiet.p95,
      serverCpu: cpuPercents,
      flooder: counts,
      failures: Object.fromEntries(tally.failures),
    };
  } finally {
    clearInterval(sweeper);
    restoreConsole();
    await Promise.all(rooms.flatMap((r) => r.clients).map((c) => withTimeout(c.leave(), 5000)));
    await server.stop();
  }
}

export function formatFlood(r: FloodResult | null): string {
  if (!r) return "";
  const row = (label: string, l: LatencySummary) =>
    `  ${label.padEnd(22)} ${String(l.count).padStart(6)} ${l.p50.toFixed(0).padStart(6)} ${l.p95.toFixed(0).padStart(6)} ${l.p99.toFixed(0).padStart(6)}`;
  const f = r.flooder;
  const verdict = r.p95Ratio <= FLOOD_P95_TARGET ? "met" : "NOT met";
  return [
    `Flood: ${r.players} players in one room, alone and beside one flooding client in turns (same server, same run)`,
    `  ${"".padEnd(22)} ${"probes".padStart(6)} ${"p50".padStart(6)} ${"p95".padStart(6)} ${"p99".padStart(6)}  (ms)`,
    row("class alone", r.quiet),
    row("class beside flooder", r.flooded),
    `  p95 ratio ${r.p95Ratio.toFixed(2)} (target at most ${FLOOD_P95_TARGET.toFixed(2)}: ${verdict})`,
    `  server CPU ${r.serverCpu.quiet.toFixed(1)}% of a core alone, ${r.serverCpu.flooded.toFixed(1)}% beside the flooder; the flooder's own process ${r.serverCpu.flooder.toFixed(1)}% (niced, a stand-in for another device)`,
    `  flooder: ${f.bursts ?? 0} bursts, ${f.framesSent ?? 0} frames sent, cut off ${f.cutOff ?? 0} times, ${f.seats ?? 0} seats taken, ${f.joinRefused ?? 0} rejoins refused ${JSON.stringify(f.refusedCodes ?? {})}`,
    Object.keys(r.failures).length ? `  failures: ${JSON.stringify(r.failures)}` : "",
  ]
    .filter(Boolean)
    .join("\n");
}
