import type { ReplayBenchResult } from "./replay.ts";
import { median, type ReplayBrowserResult } from "./replay-browser.ts";
import type { SideResult } from "./scenario.ts";

export interface ScenarioResult {
  scenario: string;
  players: number;
  rooms: number;
  product: SideResult;
  baseline: SideResult;
  /** Ours divided by the baseline's: the numbers that hold across machines. */
  ratios: { p50: number; p95: number; p99: number; cpu: number | undefined };
  targets: TargetCheck[];
  /** With --repeat: the CPU ratio of every pair, in the order they ran (this result is the median one). */
  cpuRatioRuns?: number[];
}

export interface TargetCheck {
  what: string;
  value: number;
  limit: number;
  met: boolean;
}

/** The targets, for the 2-core development machine. */
const TARGETS: Record<string, { p95?: number; p99?: number; cpuRatio?: number }> = {
  "300x1": { p95: 100, p99: 150, cpuRatio: 1.3 },
  "30x50": { p95: 100 },
  "500x1": {},
};

const totalOf = (m: Record<string, number>) => Object.values(m).reduce((a, b) => a + b, 0);

export function compare(scenario: string, players: number, rooms: number, product: SideResult, baseline: SideResult): ScenarioResult {
  const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined || b === 0 ? undefined : a / b);
  const ratios = {
    p50: ratio(product.latency.p50, baseline.latency.p50) ?? NaN,
    p95: ratio(product.latency.p95, baseline.latency.p95) ?? NaN,
    p99: ratio(product.latency.p99, baseline.latency.p99) ?? NaN,
    cpu: ratio(product.cpuPercent, baseline.cpuPercent),
  };
  const targets: TargetCheck[] = [];
  const t = TARGETS[scenario];
  if (t) {
    if (t.p95 !== undefined) targets.push(check("p95 ms", product.latency.p95, t.p95));
    if (t.p99 !== undefined) targets.push(check("p99 ms", product.latency.p99, t.p99));
    if (t.cpuRatio !== undefined) targets.push(check("CPU ratio", ratios.cpu ?? NaN, t.cpuRatio));
    targets.push(check("failures", totalOf(product.failures) + totalOf(baseline.failures), 0));
  }
  return { scenario, players, rooms, product, baseline, ratios, targets };
}

function check(what: string, value: number, limit: number): TargetCheck {
  return { what, value, limit, met: Number.isFinite(value) && value <= limit };
}

/** Other programs' CPU, percent of one core, above which a row is flagged as measured on a busy machine. */
const BUSY_MACHINE = 25;

const COLUMNS = [
  "scenario",
  "server",
  "clients",
  "p50",
  "p95",
  "p99",
  "max",
  "probes",
  "CPU %",
  "RSS MB",
  "B/s/client",
  "patch/s",
  "act/s",
  "refused",
  "failures",
  "bench CPU %",
  "other CPU %",
];

function fmt(n: number | undefined, digits = 0): string {
  return n === undefined || !Number.isFinite(n) ? "-" : n.toFixed(digits);
}

function row(name: string, r: SideResult): string[] {
  const l = r.latency;
  return [
    name,
    r.server,
    String(r.clients),
    fmt(l.p50),
    fmt(l.p95),
    fmt(l.p99),
    fmt(l.max),
    String(l.count),
    fmt(r.cpuPercent),
    fmt(r.peakRssMb),
    fmt(r.bytesPerClientPerSecond),
    fmt(r.patchesPerSecond, 1),
    fmt(r.actionsPerSecond),
    String(totalOf(r.refused)),
    String(totalOf(r.failures)),
    fmt(r.clientCpuPercent),
    fmt(r.otherCpuPercent),
  ];
}

/** The table `npm run bench` prints: latencies in ms, CPU in percent of one core. */
export function formatTable(results: readonly ScenarioResult[]): string {
  const rows: string[][] = [COLUMNS];
  for (const r of results) {
    rows.push(row(r.scenario, r.product), row("", r.baseline));
    rows.push(["", "ratio", "", x(r.ratios.p50), x(r.ratios.p95), x(r.ratios.p99), "", "", x(r.ratios.cpu), "", "", "", "", "", "", "", ""]);
  }
  const widths = COLUMNS.map((_, i) => Math.max(...rows.map((cells) => cells[i].length)));
  const lines = rows.map((cells) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  "));
  lines.splice(1, 0, widths.map((w) => "-".repeat(w)).join("  "));
  const checks = results.flatMap((r) =>
    r.targets.map(
      (t) =>
        `${r.scenario.padEnd(6)} ${t.what.padEnd(9)} ${fmt(t.value, t.what === "CPU ratio" ? 2 : 0).padStart(6)} <= ${t.limit}  ${t.met ? "met" : "MISSED"}`,
    ),
  );
  const details = results.flatMap((r) => {
    const out: string[] = [];
    for (const side of [r.product, r.baseline]) {
      if (totalOf(side.failures) > 0) out.push(`${r.scenario} ${side.server} failures: ${describe(side.failures)}`);
    }
    if (totalOf(r.product.refused) > 0) out.push(`${r.scenario} refused in play: ${describe(r.product.refused)}`);
    if (r.cpuRatioRuns) {
      out.push(
        `${r.scenario} CPU ratio in ${r.cpuRatioRuns.length} runs, in order: ${r.cpuRatioRuns.map((v) => fmt(v, 2)).join(", ")}; the table shows the median run`,
      );
    }
    for (const side of [r.product, r.baseline]) {
      if ((side.otherCpuPercent ?? 0) > BUSY_MACHINE) {
        out.push(
          `${r.scenario} ${side.server}: other programs used ${fmt(side.otherCpuPercent)}% of a core while it was measured; its numbers say more about them than about the server`,
        );
      }
    }
    return out;
  });
  return [lines.join("\n"), "", "Targets", ...checks, ...(details.length ? ["", ...details] : [])].join("\n");
}

/** The replay benchmark's lines, with the recording issue's targets: a seek under 100 ms, a counterfactual under 2 s. */
export function formatReplay(r: ReplayBenchResult | null): string {
  if (!r) return "Replay: not run (--no-replay).";
  const met = (ok: boolean) => (ok ? "met" : "MISSED");
  return [
    `Replay: a generated session of ${r.players} players and ${r.rounds} rounds, ${r.commands.toLocaleString("en")} commands, ${r.events.toLocaleString("en")} events`,
    `  folding the replay index  ${r.buildMs} ms (${r.snapshots} snapshots, one every ${r.snapshotEvery} commands)`,
    `  seek to a moment          p50 ${r.seekP50Ms} ms, p95 ${r.seekP95Ms} ms, max ${r.seekMaxMs} ms over ${r.seeks} seeks  (max < 100 ms: ${met(r.seekMaxMs < 100)})`,
    `  debrief metrics           ${r.metricsMs} ms; key moments ${r.keyMomentsMs} ms`,
    `  counterfactual re-run     ${r.counterfactualMs} ms, ${r.counterfactualWithReplayMs} ms with the other world's replay  (< 2000 ms: ${met(r.counterfactualMs < 2000)})`,
  ].join("\n");
}

/** The replay in a real browser, with issue 16's targets: drawn under 1.5 s, a seek under 100 ms, a what-if under 1 s. */
export function formatReplayBrowser(r: ReplayBrowserResult | null): string {
  if (!r) return "Replay in the browser: not run (--no-replay or --no-browser).";
  const met = (ok: boolean) => (ok ? "met" : "MISSED");
  const ms = (xs: number[]) => xs.map((v) => v.toFixed(0)).join(", ");
  const open = median(r.openMs);
  const seek = median(r.seekMs);
  const whatIf = median(r.whatIfMs);
  return [
    `Replay in headless Chromium (1920x1080): the citizen-score-2015 preset generated for ${r.players} players and ${r.rounds} rounds, ${r.commands.toLocaleString("en")} commands`,
    `  log fetched → replay drawn   median ${open.toFixed(0)} ms of ${ms(r.openMs)}  (< 1500 ms: ${met(open < 1500)})`,
    `  click a round → drawn        median ${seek.toFixed(0)} ms, max ${Math.max(...r.seekMs).toFixed(0)} ms over ${r.seekMs.length} seeks  (median < 100 ms: ${met(seek < 100)})`,
    `  what-if (friend weight 0)    median ${whatIf.toFixed(0)} ms of ${ms(r.whatIfMs)}, both worlds drawn  (< 1000 ms: ${met(whatIf < 1000)})`,
  ].join("\n");
}

const x = (n: number | undefined) => (n === undefined || !Number.isFinite(n) ? "-" : `x${n.toFixed(2)}`);

function describe(m: Record<string, number>): string {
  return Object.entries(m)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");
}
