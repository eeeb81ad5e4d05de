import Database from "better-sqlite3";
import { execFile, execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { makeConfig } from "../../shared/rules/config.ts";
import { RULES_VERSION } from "../../shared/rules/state.ts";
import { SQLITE_FILE } from "../../server/storage/sqlite-problem.ts";
import { SqliteStore } from "../../server/storage/sqlite-store.ts";
import { startGameProcess } from "../helpers/game-process.ts";

/**
 * The server started as an operator would, on storage it cannot use: each refusal is one line
 * naming the folder or file and what to do, never a stack trace. A damaged file and `sessions
 * list` on a wrong DATA_DIR are played in damaged.test.ts. As root (CI), write protection
 * comes from read-only mounts, since root writes through file permissions.
 */

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, "../..");
const AS_ROOT = process.getuid?.() === 0;
const cleanups: (() => void)[] = [];
afterAll(() =>
  cleanups
    .splice(0)
    .reverse()
    .forEach((c) => c()),
);

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), "citizen-start-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A folder of its own file system (root) that can be made read-only later. */
function mountedFolder(): string {
  const dir = folder();
  execFileSync("mount", ["-t", "tmpfs", "-o", "size=4m", "tmpfs", dir]);
  cleanups.push(() => execFileSync("umount", ["-l", dir]));
  return dir;
}

/** Makes `dir` (and the database in it) unwritable for this user: a read-only remount as root, permissions otherwise. */
function protect(dir: string): void {
  if (AS_ROOT) return void execFileSync("mount", ["-o", "remount,ro", dir]);
  if (existsSync(join(dir, SQLITE_FILE))) chmodSync(join(dir, SQLITE_FILE), 0o444);
  chmodSync(dir, 0o555);
  cleanups.push(() => chmodSync(dir, 0o755));
}

async function withSession(dir: string): Promise<void> {
  const store = new SqliteStore(dir);
  await store.createSession({ code: "KEPT1", hostKeyHash: "h", createdAt: 1000, endedAt: null, seed: 1, rulesVersion: RULES_VERSION, config: makeConfig({}) });
  await store.close();
}

/** `server/main.ts` on `dataDir`: its exit code, and what it printed to stderr. */
async function start(dataDir: string): Promise<{ code: number; stderr: string }> {
  const env = { ...process.env, DATA_DIR: dataDir, PORT: "0", HOST: "127.0.0.1" };
  return run(process.execPath, ["--import", "tsx", "server/main.ts"], { cwd: ROOT, env, timeout: 200_000 }).then(
    () => ({ code: 0, stderr: "" }),
    (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
  );
}

/** One line, no stack trace. */
function oneSentence(stderr: string): string {
  const lines = stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(stderr).not.toMatch(/^\s+at /m);
  return lines[0];
}

let mountable = !AS_ROOT;
if (AS_ROOT) {
  try {
    mountedFolder();
    mountable = true;
  } catch (err) {
    console.warn(`start-up refusals on read-only storage skipped: a tmpfs cannot be mounted here (${err})`);
  }
}

describe("start-up and the sessions tool on storage they may not use", () => {
  it.skipIf(!mountable)(
    "an unwritable DATA_DIR, and a read-only database, stop start-up in one sentence naming the folder or the file",
    { timeout: 420_000 },
    async () => {
      const parent = AS_ROOT ? mountedFolder() : folder();
      protect(parent);
      const missing = join(parent, "data");
      const made = await start(missing);
      expect(made.code).toBe(1);
      expect(oneSentence(made.stderr)).toMatch(
        new RegExp(`^DATA_DIR ${missing} cannot be used \\((EROFS|EACCES)[^)]*\\); set DATA_DIR to a folder this user may write`),
      );
      expect(existsSync(missing)).toBe(false);

      const dir = AS_ROOT ? mountedFolder() : folder();
      await withSession(dir);
      protect(dir);
      const file = join(dir, SQLITE_FILE);
      const readOnly = await start(dir);
      expect(readOnly.code).toBe(1);
      expect(oneSentence(readOnly.stderr)).toMatch(new RegExp(`^The sessions database ${file} is read-only \\(.+\\); `));
    },
  );

  it("a database another process holds locked: start-up waits for it, starts once it is let go, and stops in one sentence if it never is", {
    timeout: 420_000,
  }, async () => {
    const dir = folder();
    await withSession(dir);
    const file = join(dir, SQLITE_FILE);
    const other = new Database(file);
    cleanups.push(() => other.close());
    other.exec("BEGIN EXCLUSIVE");

    const began = Date.now();
    const held = await start(dir);
    expect(held.code).toBe(1);
    expect(oneSentence(held.stderr)).toBe(
      `The sessions database ${file} has been locked by another process for 15 s (SQLITE_BUSY); stop the other program using DATA_DIR ${dir}, or give this server a DATA_DIR of its own.`,
    );
    expect(Date.now() - began).toBeGreaterThan(15_000);

    // Let go a few seconds into the wait: the server starts, the stored session kept.
    const server = startGameProcess("lock-released", {}, { dataDir: dir });
    setTimeout(() => other.exec("COMMIT"), 5000);
    const running = await server;
    await running.stop();
    const store = new SqliteStore(dir, { mustExist: true });
    expect((await store.list()).map((s) => s.code)).toEqual(["KEPT1"]);
    await store.close();
  });

  it("sessions delete refuses a session a server is playing (its lease is live), and deletes it once the lease has lapsed", { timeout: 300_000 }, async () => {
    const dir = folder();
    await withSession(dir);
    const store = new SqliteStore(dir);
    await store.claimLease("KEPT1", "another-process", Date.now(), Date.now() + 600_000);
    await store.close();
    const cli = (code: string) =>
      run(process.execPath, ["--import", "tsx", "server/storage/sessions-cli.ts", "delete", code], {
        cwd: ROOT,
        env: { ...process.env, DATA_DIR: dir },
        timeout: 200_000,
      }).then(
        (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
        (e: { code: number; stdout: string; stderr: string }) => e,
      );
    const refused = await cli("KEPT1");
    expect(refused.code).toBe(1);
    expect(oneSentence(refused.stderr)).toMatch(/^KEPT1: being played right now \(a server renewed its claim on it at .+\); end it first\.$/);
    const lapsed = new SqliteStore(dir);
    expect((await lapsed.list()).map((s) => s.code)).toEqual(["KEPT1"]);
    await lapsed.claimLease("KEPT1", "another-process", Date.now(), Date.now() - 1);
    await lapsed.close();
    const deleted = await cli("KEPT1");
    expect(deleted.code).toBe(0);
    expect(deleted.stdout.trim()).toBe("KEPT1: deleted, with its whole log.");
  });
});
