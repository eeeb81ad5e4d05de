import { Client } from "@colyseus/sdk";
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { sleep } from "./rooms.ts";
import { startServer } from "./server-process.ts";

const USAGE = `Usage: npm run bench:memory -- [--sessions 3000] [--at-once 20]
Starts the real server (its own process, SQLite in a throwaway folder), then creates and ends
sessions from one client, as issue 17's attacker did, and prints the server's resident memory
before, at its peak and after the sessions are gone (the target: back within 20%).`;

const { values } = parseArgs({
  options: { sessions: { type: "string", default: "3000" }, "at-once": { type: "string", default: "20" }, help: { type: "boolean", default: false } },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const total = Number(values.sessions);
const atOnce = Number(values["at-once"]);
const WARMUP = 100;

function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  return Number(kb) / 1024;
}

/** Resident memory once it stops falling: V8 gives pages back on its own time after a burst. */
async function settled(pid: number, seconds: number): Promise<number> {
  let low = rssMb(pid);
  for (let i = 0; i < seconds; i++) {
    await sleep(1000);
    low = Math.min(low, rssMb(pid));
  }
  return low;
}

/** A facilitator opens a session, ends it and leaves; nobody joins (the attack of issue 17). */
async function createAndEnd(url: string): Promise<void> {
  const room = await new Client(url).create("classroom", {});
  room.onMessage("*", () => undefined);
  await new Promise<void>((resolve) => room.onMessage("welcome", () => resolve()));
  room.send("facilitate", { type: "end" });
  await room.leave(true);
}

async function churn(url: string, count: number, progress: (done: number) => void): Promise<number> {
  let next = 0;
  let failed = 0;
  await Promise.all(
    Array.from({ length: atOnce }, async () => {
      while (next < count) {
        next++;
        await createAndEnd(url).catch(() => failed++);
        if (next % 500 === 0) progress(next);
      }
    }),
  );
  return failed;
}

const server = await startServer("product");
try {
  const idle = await settled(server.pid, 5);
  await churn(server.url, WARMUP, () => undefined);
  const warm = await settled(server.pid, 10);
  const started = performance.now();
  const failed = await churn(server.url, total, (n) =>
    process.stderr.write(`${n}/${total} sessions created and ended, RSS ${rssMb(server.pid).toFixed(0)} MB\n`),
  );
  const seconds = (performance.now() - started) / 1000;
  const peak = (server.peakRss() ?? 0) / 1024 / 1024;
  const after = await settled(server.pid, 30);
  console.log(`${total} sessions created and ended in ${seconds.toFixed(0)} s (${(total / seconds).toFixed(0)} a second, ${atOnce} at once), ${failed} failed`);
  console.log(
    `server RSS: ${idle.toFixed(0)} MB idle, ${warm.toFixed(0)} MB after ${WARMUP} warm-up sessions, peak ${peak.toFixed(0)} MB, ${after.toFixed(0)} MB 30 s after the last`,
  );
  console.log(`after / warm: ${(after / warm).toFixed(2)} (target at most 1.20); after / idle: ${(after / idle).toFixed(2)}`);
} finally {
  await server.stop();
}
