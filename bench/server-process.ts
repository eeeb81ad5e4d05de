import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { freePort } from "./free-port.ts";

export const REPO_ROOT = resolve(import.meta.dirname, "..");

/** The product server as `npm start` runs it, or the bare Colyseus baseline. */
export type ServerKind = "product" | "baseline";

const ENTRY: Record<ServerKind, string> = {
  product: "server/main.ts",
  baseline: "bench/baseline-server.ts",
};

/** Printed by each entry point once it listens. */
const READY: Record<ServerKind, string> = {
  product: "Citizen Score is running.",
  baseline: "Baseline is running.",
};

/** Limits for bots that all join from one address at once (README: limits). */
const LOOPBACK_CLASS = { JOINS_PER_ADDRESS_PER_SECOND: "10000", SESSIONS_PER_ADDRESS_PER_HOUR: "100000", MAX_LIVE_SESSIONS: "10000" };

/** Kernel clock ticks per second for /proc/<pid>/stat (USER_HZ, 100 on every Linux this runs on). */
const CLOCK_TICKS = 100;

export interface CpuSample {
  cpuSeconds: number;
  at: number;
}

export interface ServerProcess {
  kind: ServerKind;
  url: string;
  pid: number;
  cpu(): CpuSample | undefined;
  /** Peak resident memory of the process so far, in bytes. */
  peakRss(): number | undefined;
  /** True while the process runs; a server that died under load is a failure of the run. */
  alive(): boolean;
  /** The end of what the server printed, for a report when it fails. */
  lastOutput(): string;
  stop(): Promise<void>;
}

/**
 * Starts a server as its own Node process (not a child of tsx's CLI, so its pid is the
 * process doing the work), on a free loopback port with a throwaway data folder.
 */
export async function startServer(
  kind: ServerKind,
  opts: { cpuProfileDir?: string; prepare?: (dataDir: string) => Promise<void> } = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), "citizen-score-bench-"));
  // Sessions written into the data folder before the server opens it (the replay benchmark's).
  await opts.prepare?.(dataDir);
  const args = ["--import", "tsx"];
  // Node writes one profile per thread (tsx's loader has its own); the main thread's is the largest.
  if (opts.cpuProfileDir) args.push("--cpu-prof", `--cpu-prof-dir=${join(opts.cpuProfileDir, kind)}`);
  args.push(ENTRY[kind]);
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    // Every bot comes from loopback, like a lecture hall behind one NAT but joining far faster.
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, NODE_ENV: "production", ...LOOPBACK_CLASS },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let exited = false;
  const output: string[] = [];
  child.on("exit", () => (exited = true));
  // Keep reading all the server prints (a full pipe would block it), keeping only the tail.
  const collect = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 100) output.splice(0, output.length - 50);
  };
  child.stdout!.on("data", collect);
  child.stderr!.on("data", collect);
  await waitReady(child, READY[kind], output);
  const pid = child.pid!;
  return {
    kind,
    url: `http://127.0.0.1:${port}`,
    pid,
    cpu: () => readCpu(pid),
    peakRss: () => readPeakRss(pid),
    alive: () => !exited,
    lastOutput: () => output.join("").slice(-4000),
    async stop() {
      if (!exited) await terminate(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function waitReady(child: ChildProcess, marker: string, output: string[]): Promise<void> {
  return new Promise((resolveReady, reject) => {
    const timer = setTimeout(() => fail(new Error(`server did not start within 30 s:\n${output.join("")}`)), 30_000);
    const fail = (err: Error) => {
      clearTimeout(timer);
      reject(err);
    };
    const onData = () => {
      if (output.join("").includes(marker)) {
        clearTimeout(timer);
        child.stdout!.off("data", onData);
        resolveReady();
      }
    };
    child.stdout!.on("data", onData);
    child.once("exit", (code) => fail(new Error(`server exited with code ${code} before it was ready:\n${output.join("")}`)));
  });
}

/** SIGTERM lets Colyseus close its rooms (and a CPU profile be written); SIGKILL if it hangs. */
function terminate(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    const kill = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(kill);
      done();
    });
    child.kill("SIGTERM");
  });
}

export function readCpu(pid: number): CpuSample | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name, which is in parentheses and may itself hold spaces.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]);
    return { cpuSeconds: ticks / CLOCK_TICKS, at: performance.now() };
  } catch {
    return undefined;
  }
}

function readPeakRss(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
    return kb === undefined ? undefined : Number(kb) * 1024;
  } catch {
    return undefined;
  }
}

/** CPU time the whole machine spent busy (not idle or waiting for disk) so far. */
export function machineBusy(): CpuSample | undefined {
  try {
    const fields = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
    const [user, nice, system, , , irq, softirq, steal] = fields;
    return { cpuSeconds: (user + nice + system + irq + softirq + steal) / CLOCK_TICKS, at: performance.now() };
  } catch {
    return undefined;
  }
}

/** Percent of one core used between two samples. */
export function cpuPercent(a: CpuSample | undefined, b: CpuSample | undefined): number | undefined {
  if (!a || !b || b.at <= a.at) return undefined;
  return ((b.cpuSeconds - a.cpuSeconds) / ((b.at - a.at) / 1000)) * 100;
}
