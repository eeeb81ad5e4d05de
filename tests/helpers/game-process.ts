import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { freePort } from "./server.ts";

const ROOT = resolve(import.meta.dirname, "../..");

/** One `server/main.ts` process, as an operator would run it, on a free loopback port. */
export interface GameProcess {
  name: string;
  port: number;
  url: string;
  /** The address the process announces to clients (Colyseus' publicAddress). */
  publicAddress: string;
  output(): string;
  /** Whether the process has ended. */
  exited(): boolean;
  /** kill -9 at once, from inside a callback: the signal is sent before this returns. */
  killNow(): void;
  /** kill -9: no shutdown hook runs, exactly like a crash or a pulled plug. */
  kill(): Promise<void>;
  /** SIGTERM: Colyseus' graceful shutdown. */
  stop(): Promise<void>;
}

export interface GameProcessEnv {
  REDIS_URL?: string;
  DATABASE_URL?: string;
  RECONNECT_SECONDS?: string;
  [name: string]: string | undefined;
}

export interface GameProcessOptions {
  /** A port to listen on, to start again where a killed process was. */
  port?: number;
  /** A data folder of the caller's, kept when the process ends (SQLite across a restart). */
  dataDir?: string;
}

/**
 * Runs the server directly under Node with tsx's loader (what `npx tsx server/main.ts`
 * does, without the wrapper processes), so the pid killed is the server itself.
 */
export async function startGameProcess(name: string, env: GameProcessEnv, opts: GameProcessOptions = {}): Promise<GameProcess> {
  const port = opts.port ?? (await freePort());
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), `citizen-${name}-`));
  const publicAddress = `127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["--import", "tsx", "--import", "./tests/helpers/orphan-guard.ts", "server/main.ts"], {
    cwd: ROOT,
    // Bots of many rooms join from loopback at once, faster than any class behind one NAT, and join late with no facilitator to ask.
    env: {
      ...process.env,
      JOINS_PER_ADDRESS_PER_SECOND: "10000",
      SESSIONS_PER_ADDRESS_PER_HOUR: "100000",
      LATE_SEATS_ASK: "0",
      ...env,
      PORT: String(port),
      PUBLIC_ADDRESS: publicAddress,
      DATA_DIR: dataDir,
      PUBLIC_URL: `http://${publicAddress}`,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`${name} did not start within 120 s:\n${out}`)), 120_000);
    const onData = () => {
      if (!out.includes("Citizen Score is running.")) return;
      clearTimeout(timer);
      ready();
    };
    child.stdout!.on("data", onData);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      fail(new Error(`${name} exited (${code ?? signal}) before it was ready:\n${out}`));
    });
  });
  const cleanup = () => {
    if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  process.once("exit", () => child.kill("SIGKILL"));
  return {
    name,
    port,
    url: `http://127.0.0.1:${port}`,
    publicAddress,
    output: () => out,
    exited: () => child.exitCode !== null || child.signalCode !== null,
    killNow: () => void child.kill("SIGKILL"),
    kill: () => end(child, "SIGKILL").then(cleanup),
    stop: () => end(child, "SIGTERM").then(cleanup),
  };
}

function end(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 15_000);
    child.once("exit", () => {
      clearTimeout(force);
      done();
    });
    child.kill(signal);
  });
}
