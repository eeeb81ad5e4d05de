import { pathToFileURL } from "node:url";
import { seededRandom } from "../shared/rules/rng.ts";
import { leaderboard } from "../shared/rules/state.ts";
import { runCounterfactual } from "../shared/replay/counterfactual.ts";
import { generateSession } from "../shared/replay/generate.ts";
import { keyMoments } from "../shared/replay/key-moments.ts";
import { isReplayProblem } from "../shared/replay/log.ts";
import { debriefMetrics } from "../shared/replay/metrics/index.ts";
import { buildReplay } from "../shared/replay/replay-index.ts";
import { stateAtTime } from "../shared/replay/seek.ts";

export interface ReplayBenchOptions {
  players?: number;
  rounds?: number;
  actionPoints?: number;
  seeks?: number;
  /** Where progress lines go; stderr by default. */
  progress?: (line: string) => void;
}

export interface ReplayBenchResult {
  players: number;
  rounds: number;
  commands: number;
  events: number;
  generateMs: number;
  buildMs: number;
  snapshots: number;
  snapshotEvery: number;
  seeks: number;
  seekP50Ms: number;
  seekP95Ms: number;
  seekMaxMs: number;
  metricsMs: number;
  keyMomentsMs: number;
  /** Re-running every recorded command with friend weight 0, with both worlds summarized. */
  counterfactualMs: number;
  /** The same, plus folding the other world into its own replay for side-by-side scrubbing. */
  counterfactualWithReplayMs: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

function timed<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const out = f();
  return [out, performance.now() - t0];
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * The replay benchmark of issue 4: a generated session (300 players, 20 rounds, over 100,000
 * events by default), timed seeks to random moments (the state and its leaderboard rebuilt),
 * and a full counterfactual re-run.
 */
export async function runReplayBench(opts: ReplayBenchOptions = {}): Promise<ReplayBenchResult> {
  const { players = 300, rounds = 20, actionPoints = 8, seeks = 300 } = opts;
  const say = opts.progress ?? ((line: string) => process.stderr.write(`${line}\n`));
  say(`replay bench: generating a session of ${players} players and ${rounds} rounds...`);
  const [log, generateMs] = timed(() => generateSession({ players, rounds, actionPoints, seed: 7 }));
  say(`  ${log.commands.length} commands in ${round1(generateMs)} ms; folding the replay index...`);
  const [built, buildMs] = timed(() => buildReplay(log, { onProgress: (done, total) => done % 10_000 === 0 && say(`  folded ${done} / ${total} commands`) }));
  if (isReplayProblem(built)) throw new Error(built.message);
  const r = built;
  say(`  ${r.events.length} events, ${r.snapshots.length} snapshots every ${r.snapshotEvery} commands, in ${round1(buildMs)} ms`);
  if (r.events.length < 100_000) say(`  note: fewer than 100,000 events; raise --players, --rounds or action points`);
  const rnd = seededRandom(11);
  const first = r.times[0];
  const last = r.times[r.times.length - 1];
  const times: number[] = [];
  for (let i = 0; i < seeks; i++) {
    const at = first + rnd() * (last - first);
    const [, ms] = timed(() => leaderboard(stateAtTime(r, at)));
    times.push(ms);
    if ((i + 1) % 100 === 0) say(`  seek ${i + 1} / ${seeks}`);
  }
  times.sort((a, b) => a - b);
  say("  debrief metrics and key moments...");
  const [, metricsMs] = timed(() => debriefMetrics(r));
  const [, keyMomentsMs] = timed(() => keyMoments(r));
  say("  counterfactual re-run (friend weight 0)...");
  const [cf, counterfactualMs] = timed(() => runCounterfactual(r, { friendWeight: 0 }));
  const [, replayMs] = timed(() => buildReplay(cf.log));
  return {
    players,
    rounds,
    commands: log.commands.length,
    events: r.events.length,
    generateMs: round1(generateMs),
    buildMs: round1(buildMs),
    snapshots: r.snapshots.length,
    snapshotEvery: r.snapshotEvery,
    seeks,
    seekP50Ms: round1(percentile(times, 0.5)),
    seekP95Ms: round1(percentile(times, 0.95)),
    seekMaxMs: round1(times[times.length - 1]),
    metricsMs: round1(metricsMs),
    keyMomentsMs: round1(keyMomentsMs),
    counterfactualMs: round1(counterfactualMs),
    counterfactualWithReplayMs: round1(counterfactualMs + replayMs),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await runReplayBench();
  const targets = `seek max ${result.seekMaxMs} ms (target < 100), counterfactual ${result.counterfactualMs} ms (target < 2000)`;
  process.stderr.write(`replay bench done: ${targets}\n`);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}
