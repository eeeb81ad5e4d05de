import { execFile, spawn, type ChildProcess } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { freePort } from "./server.ts";

const run = promisify(execFile);
const PG_BIN = "/usr/lib/postgresql/15/bin";

/** A database or cache server this test started on loopback; `stop` ends it and removes its files. */
export interface Service {
  url: string;
  port: number;
  stop(): Promise<void>;
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function redisPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.setTimeout(1000, () => socket.destroy());
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (d) => {
      resolve(d.toString().startsWith("+PONG"));
      socket.destroy();
    });
    socket.once("error", () => resolve(false));
    socket.once("close", () => resolve(false));
  });
}

/** Debian's redis-server on a free loopback port (or `port`, to start it again empty), persisting nothing. */
export async function startRedis(port?: number): Promise<Service> {
  if (!existsSync("/usr/bin/redis-server")) throw new Error("redis-server is not installed (apt-get install redis-server; .ci/run installs it).");
  port ??= await freePort();
  const dir = mkdtempSync(join(tmpdir(), "citizen-redis-"));
  const child = spawn("/usr/bin/redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<never>((_, reject) =>
    child.once("exit", (code) => reject(new Error(`redis-server exited (${code}) before it was ready:\n${output}`))),
  );
  await Promise.race([until(() => redisPing(port), `redis-server on port ${port}`, 10_000), exited]).catch((err) => {
    child.kill("SIGKILL");
    throw err;
  });
  process.once("exit", () => child.kill("SIGKILL"));
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    stop: () => stopChild(child).then(() => rmSync(dir, { recursive: true, force: true })),
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

/** PostgreSQL refuses to run as root, so as root the server runs as Debian's `postgres` user. */
function asServerUser(cmd: string, args: string[]): [string, string[]] {
  return userInfo().uid === 0 ? ["/usr/sbin/runuser", ["-u", "postgres", "--", cmd, ...args]] : [cmd, args];
}

async function pgRun(cmd: string, args: string[], what: string): Promise<string> {
  const [file, argv] = asServerUser(join(PG_BIN, cmd), args);
  try {
    const { stdout } = await run(file, argv, { timeout: 60_000 });
    return stdout;
  } catch (err) {
    const e = err as { stderr?: string; stdout?: string; message: string };
    throw new Error(`${what} failed: ${e.stderr || e.stdout || e.message}`);
  }
}

export interface Postgres extends Service {
  /** Creates an empty database and returns its URL. */
  createDatabase(name: string): Promise<string>;
}

/** Debian's PostgreSQL 15 in a temporary data folder, listening only on 127.0.0.1. */
export async function startPostgres(): Promise<Postgres> {
  if (!existsSync(join(PG_BIN, "initdb"))) throw new Error(`PostgreSQL 15 is not installed at ${PG_BIN} (apt-get install postgresql-15; .ci/run installs it).`);
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "citizen-pg-"));
  if (userInfo().uid === 0) {
    const { stdout } = await run("id", ["-u", "postgres"]).catch(() => {
      throw new Error("Running as root, PostgreSQL needs Debian's `postgres` user, which does not exist.");
    });
    const uid = Number(stdout.trim());
    const gid = Number((await run("id", ["-g", "postgres"])).stdout.trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, "data");
  const log = join(dir, "server.log");
  await pgRun("initdb", ["-D", data, "-U", "citizen", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"], "initdb");
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dir} -c max_connections=100`;
  try {
    await pgRun("pg_ctl", ["-D", data, "-l", log, "-w", "-t", "60", "-o", options, "start"], "pg_ctl start");
  } catch (err) {
    const tail = existsSync(log) ? readFileSync(log, "utf8").slice(-2000) : "";
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`${(err as Error).message}\n${tail}`);
  }
  const base = `postgres://citizen@127.0.0.1:${port}`;
  return {
    port,
    url: `${base}/postgres`,
    async createDatabase(name: string) {
      const client = new pg.Client({ connectionString: `${base}/postgres` });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name.replace(/"/g, "")}"`);
      } finally {
        await client.end();
      }
      return `${base}/${name}`;
    },
    async stop() {
      await pgRun("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"], "pg_ctl stop").catch((err) => console.error(err.message));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
