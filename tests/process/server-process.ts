import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export interface ServerProcess {
  child: ChildProcess;
  output(): string;
  /** SIGKILL to the whole process group (npx, tsx and node): nothing gets to clean up. */
  kill9(): Promise<void>;
  /** SIGTERM, then SIGKILL if it has not gone within a few seconds. */
  stop(): Promise<void>;
}

/**
 * `npx tsx server/main.ts` as its own process group, as `npm start` runs it, on loopback only.
 * Resolves once it prints that it is running.
 */
export async function startServerProcess(port: number, dataDir: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const child = spawn("npx", ["tsx", "server/main.ts"], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, HOST: "127.0.0.1", ...env },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const signal = async (sig: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid!, sig);
    } catch {
      return;
    }
    await exited;
  };

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start within 60 s:\n${out}`)), 60_000);
    const check = () => {
      if (out.includes("Citizen Score is running")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on("data", check);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before starting:\n${out}`));
    });
  });

  return {
    child,
    output: () => out,
    kill9: () => signal("SIGKILL"),
    async stop() {
      const timer = setTimeout(() => void signal("SIGKILL"), 5_000);
      await signal("SIGTERM");
      clearTimeout(timer);
    },
  };
}
