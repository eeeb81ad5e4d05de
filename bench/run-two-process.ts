import { parseArgs } from "node:util";
import { runClusterBench } from "./two-process.ts";

const USAGE = `Usage: npm run bench:two-process -- [--processes 2] [--store postgres|sqlite] [--rooms 30] [--players 50] [--round-seconds 30]
Starts Redis, PostgreSQL and two server processes on loopback (or, with --processes 1, one
process on SQLite), plays one round in every room with bots and prints action latency.
--store overrides where the logs go (SQLite means one file per process).`;

const { values } = parseArgs({
  options: {
    processes: { type: "string", default: "2" },
    store: { type: "string" },
    rooms: { type: "string", default: "30" },
    players: { type: "string", default: "50" },
    "round-seconds": { type: "string", default: "30" },
    help: { type: "boolean", default: false },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const processes = Number(values.processes);
if (processes !== 1 && processes !== 2) {
  console.error(`--processes must be 1 or 2.\n${USAGE}`);
  process.exit(2);
}

const store = values.store;
if (store !== undefined && store !== "sqlite" && store !== "postgres") {
  console.error(`--store must be sqlite or postgres.\n${USAGE}`);
  process.exit(2);
}

const result = await runClusterBench({
  processes,
  store,
  rooms: Number(values.rooms),
  players: Number(values.players),
  roundSeconds: Number(values["round-seconds"]),
});
process.stderr.write(
  `${result.setup}: ${result.rooms}x${result.players}, ${result.samples} timed actions — ` +
    `p50 ${result.p50} ms, p95 ${result.p95} ms, p99 ${result.p99} ms, max ${result.max} ms\n`,
);
console.log(JSON.stringify(result));
process.exit(0);
