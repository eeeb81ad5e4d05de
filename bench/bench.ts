import { cpus, loadavg } from "node:os";
import { compare, type ScenarioResult } from "./report.ts";
import { runFirstLoadBench, type FirstLoadResult } from "./first-load.ts";
import { runFloodBench, type FloodResult } from "./flood.ts";
import { runReplayBench, type ReplayBenchResult } from "./replay.ts";
import { runReplayBrowserBench, type ReplayBrowserResult } from "./replay-browser.ts";
import { runSide, SCENARIOS, scenarioName, type RunOptions, type Scenario } from "./scenario.ts";

export interface BenchOptions extends RunOptions {
  /** Scenario names such as "300x1", or "flood"; all of them when empty. */
  only: string[];
  /** Also run the replay benchmark (bench/replay.ts): seeks and a counterfactual re-run. */
  replay: boolean;
  /** Also run the phone's first-load benchmark (bench/first-load.ts) in a throttled Chromium. */
  firstLoad?: boolean;
  /** Also open the replay in headless Chromium (bench/replay-browser.ts); only with `replay`. */
  browser?: boolean;
  /** Product-then-baseline pairs per scenario; the table shows the pair with the median CPU ratio. */
  repeat: number;
}

export interface BenchReport {
  machine: { cpu: string; cores: number; node: string; platform: string; loadBefore: number[]; loadAfter: number[] };
  settings: { warmupSeconds: number; measureSeconds: number; actEveryMs: number };
  scenarios: ScenarioResult[];
  /** Null when the replay benchmark was not asked for (`--no-replay`). */
  replay: ReplayBenchResult | null;
  /** Null when the first-load benchmark was not asked for (`--no-first-load`). */
  firstLoad: FirstLoadResult | null;
  /** The class beside one flooding client (bench/flood.ts); null when `--only` leaves it out. */
  flood: FloodResult | null;
  /** The replay opened in headless Chromium; null with `--no-replay`, `--no-browser` or an `--only` without "replay". */
  replayBrowser: ReplayBrowserResult | null;
}

function pickScenarios(only: readonly string[]): Scenario[] {
  if (only.length === 0) return [...SCENARIOS];
  return only.map((name) => {
    const m = /^(\d+)x(\d+)$/.exec(name);
    if (!m) throw new Error(`"${name}" is not a scenario: use players x rooms, such as 300x1.`);
    return { players: Number(m[1]), rooms: Number(m[2]) };
  });
}

/**
 * Of several product-then-baseline pairs, the one whose CPU ratio is the median, carrying every
 * pair's ratio: on a shared machine one point of the baseline's few percent of a core moves the
 * ratio by 0.15, so one pair is a sample, not a measurement.
 */
export function medianRun(runs: readonly ScenarioResult[]): ScenarioResult {
  const byRatio = [...runs].sort((a, b) => (a.ratios.cpu ?? Infinity) - (b.ratios.cpu ?? Infinity));
  // Of an even number, the higher middle: a target is not met on the kinder half.
  const median = byRatio[Math.floor(byRatio.length / 2)];
  return runs.length === 1 ? median : { ...median, cpuRatioRuns: runs.map((r) => r.ratios.cpu ?? NaN) };
}

/** `npm run bench`: each scenario against the product server, then against the bare baseline. */
export async function runBench(opts: BenchOptions): Promise<BenchReport> {
  const loadBefore = loadavg();
  const scenarios: ScenarioResult[] = [];
  const names = opts.only.filter((n) => n !== "flood" && n !== "replay");
  const list = opts.only.length > 0 && names.length === 0 ? [] : pickScenarios(names);
  for (const [i, s] of list.entries()) {
    const name = scenarioName(s);
    opts.progress(`scenario ${i + 1}/${list.length}: ${name} (${s.players} players in each of ${s.rooms} room${s.rooms > 1 ? "s" : ""})`);
    const runs: ScenarioResult[] = [];
    for (let k = 1; k <= opts.repeat; k++) {
      if (opts.repeat > 1) opts.progress(`${name}: run ${k}/${opts.repeat}`);
      const product = await runSide("product", s, opts);
      const baseline = await runSide("baseline", s, opts);
      const result = compare(name, s.players, s.rooms, product, baseline);
      opts.progress(
        `${name}: p95 ${result.product.latency.p95.toFixed(0)} ms (baseline ${result.baseline.latency.p95.toFixed(0)} ms), server CPU ${result.product.cpuPercent?.toFixed(1) ?? "-"}% (baseline ${result.baseline.cpuPercent?.toFixed(1) ?? "-"}%)`,
      );
      runs.push(result);
    }
    scenarios.push(medianRun(runs));
  }
  if (opts.replay) opts.progress("replay: seek and counterfactual benchmark");
  const replay = opts.replay ? await runReplayBench({ progress: opts.progress }) : null;
  const browser = opts.replay && opts.browser !== false && (opts.only.length === 0 || opts.only.includes("replay"));
  if (browser) opts.progress("replay: opening it in headless Chromium");
  const replayBrowser = browser ? await runReplayBrowserBench({ progress: opts.progress }) : null;
  const firstLoad = opts.firstLoad ? await runFirstLoadBench({ progress: opts.progress }) : null;
  const flood = opts.only.length === 0 || opts.only.includes("flood") ? await runFloodBench(opts) : null;
  return {
    machine: {
      cpu: cpus()[0]?.model ?? "unknown",
      cores: cpus().length,
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      loadBefore,
      loadAfter: loadavg(),
    },
    settings: { warmupSeconds: opts.warmupSeconds, measureSeconds: opts.measureSeconds, actEveryMs: opts.actEveryMs },
    scenarios,
    replay,
    firstLoad,
    flood,
    replayBrowser,
  };
}
