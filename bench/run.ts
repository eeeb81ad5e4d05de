import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { runBench } from "./bench.ts";
import { formatFirstLoad } from "./first-load.ts";
import { formatFlood } from "./flood.ts";
import { formatReplay, formatReplayBrowser, formatTable } from "./report.ts";

const USAGE = `Usage: npm run bench -- [--json] [--only 300x1,30x50,flood,replay] [--seconds 30] [--warmup 30] [--act-every-ms 2000] [--repeat 1] [--cpu-prof DIR] [--no-replay] [--no-browser] [--no-first-load]
Starts the real server and a bare Colyseus baseline as separate processes, drives each with bot
clients over WebSockets on localhost, and prints latency, CPU, memory and traffic per scenario.
--repeat N runs each scenario's product-then-baseline pair N times and shows the pair with the
median CPU ratio, listing every pair's ratio (on a shared machine one pair's ratio is noisy).
The 30 s warm-up lets the servers settle: in its first 20-30 s of play the product's server
spends a third more CPU than it settles at (docs/PERFORMANCE.md).
Then a phone's first load in a throttled Chromium (bench/first-load.ts: 4 Mbps, 60 ms, CPU 4x slower), unless --no-first-load.
The flood scenario plays a class of 40 alone, then beside one client that floods the room and
rejoins each time it is cut off, and compares the class's latency in the two windows.
The replay is timed in Node (seeks, a counterfactual), then opened in headless Chromium
(bench/replay-browser.ts: a 40-player, 5-round session drawn, seeked and re-run under other
rules), unless --no-replay or --no-browser; --only replay runs the replay's part alone.
--json also prints the whole report as one JSON object on the last line.`;

function options() {
  const { values } = parseArgs({
    options: {
      json: { type: "boolean", default: false },
      only: { type: "string", default: "" },
      seconds: { type: "string", default: "30" },
      warmup: { type: "string", default: "30" },
      "act-every-ms": { type: "string", default: "2000" },
      repeat: { type: "string", default: "1" },
      "cpu-prof": { type: "string" },
      "no-replay": { type: "boolean", default: false },
      "no-first-load": { type: "boolean", default: false },
      "no-browser": { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const num = (name: "seconds" | "warmup" | "act-every-ms" | "repeat", min: number, max: number) => {
    const n = Number(values[name]);
    if (!Number.isFinite(n) || n < min || n > max) {
      console.error(`--${name} must be a number from ${min} to ${max}.\n${USAGE}`);
      process.exit(2);
    }
    return n;
  };
  const cpuProfileDir = values["cpu-prof"] ? resolve(values["cpu-prof"]) : undefined;
  if (cpuProfileDir) mkdirSync(cpuProfileDir, { recursive: true });
  return {
    json: values.json,
    only: values.only ? values.only.split(",").map((s) => s.trim()) : [],
    measureSeconds: num("seconds", 1, 600),
    warmupSeconds: num("warmup", 0, 120),
    actEveryMs: num("act-every-ms", 100, 60_000),
    repeat: Math.round(num("repeat", 1, 10)),
    cpuProfileDir,
    replay: !values["no-replay"],
    firstLoad: !values["no-first-load"],
    browser: !values["no-browser"],
  };
}

const started = performance.now();
const progress = (line: string) => process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);

try {
  const o = options();
  const report = await runBench({ ...o, progress });
  const m = report.machine;
  console.log(
    `\n${m.cpu}, ${m.cores} cores, Node ${m.node}; load average ${m.loadBefore.map((l) => l.toFixed(2)).join(" ")} before, ${m.loadAfter.map((l) => l.toFixed(2)).join(" ")} after`,
  );
  console.log(
    `Each player acts every ${o.actEveryMs} ms on average; ${o.warmupSeconds} s warm-up, ${o.measureSeconds} s measured. Latency in ms from a send to the last screen showing the score change. CPU in percent of one core: the server process, this process (the bots), and everything else on the machine.\n`,
  );
  if (report.scenarios.length) console.log(formatTable(report.scenarios));
  console.log(`\n${formatReplay(report.replay)}`);
  console.log(`\n${formatReplayBrowser(report.replayBrowser)}`);
  console.log(`\n${formatFirstLoad(report.firstLoad)}`);
  if (report.flood) console.log(`\n${formatFlood(report.flood)}`);
  if (o.json) console.log(JSON.stringify(report));
  process.exit(0);
} catch (err) {
  console.error(`Benchmark failed: ${(err as Error)?.stack ?? err}`);
  process.exit(1);
}
