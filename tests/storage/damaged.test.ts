import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, truncateSync, writeFileSync, openSync, writeSync, closeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { makeConfig } from "../../shared/rules/config.ts";
import { RULES_VERSION } from "../../shared/rules/state.ts";
import type { Command } from "../../shared/rules/commands.ts";
import { recoverSqlite } from "../../server/storage/recover.ts";
import { SQLITE_FILE, StorageProblem } from "../../server/storage/sqlite-problem.ts";
import { SqliteStore } from "../../server/storage/sqlite-store.ts";

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, "../..");
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), "citizen-damaged-"));
  dirs.push(dir);
  return dir;
}

/** A folder whose database holds `n` sessions of 60 commands each, closed and checkpointed. */
async function filled(n: number): Promise<{ dir: string; logs: Map<string, Command[]> }> {
  const dir = folder();
  const store = new SqliteStore(dir);
  const logs = new Map<string, Command[]>();
  for (let i = 0; i < n; i++) {
    const code = `S${String(i).padStart(4, "0")}`;
    await store.createSession({ code, hostKeyHash: "h", createdAt: 1000 + i, endedAt: null, seed: i, rulesVersion: RULES_VERSION, config: makeConfig({}) });
    const log: Command[] = Array.from({ length: 60 }, (_, k) => ({
      kind: "join",
      at: 2000 + k,
      nickname: `Player ${k} of session ${i}, with a name long enough to fill pages`,
    }));
    await store.appendMany(
      code,
      log.map((command, k) => ({ seq: k + 1, command })),
    );
    logs.set(code, log);
  }
  await store.close();
  return { dir, logs };
}

function refusal(open: () => unknown): string {
  try {
    open();
  } catch (err) {
    expect(err).toBeInstanceOf(StorageProblem);
    return (err as Error).message;
  }
  throw new Error("it opened");
}

describe("a damaged or missing sessions file", () => {
  it("is refused in one sentence naming the file: truncated, emptied, or a DATA_DIR that cannot be made", async () => {
    const { dir } = await filled(20);
    const file = join(dir, SQLITE_FILE);
    truncateSync(file, Math.floor(statSync(file).size * 0.6));
    expect(refusal(() => new SqliteStore(dir))).toMatch(new RegExp(`^The sessions database ${file} is damaged \\(.+\\); run "npm run sessions -- recover"`));

    truncateSync(file, 0);
    expect(refusal(() => new SqliteStore(dir))).toBe(
      `The sessions database ${file} is empty (0 bytes), so every session it held is gone; put back a backup, or move the empty file away to start with no sessions.`,
    );

    const notAFolder = join(folder(), "plain-file");
    writeFileSync(notAFolder, "x");
    expect(refusal(() => new SqliteStore(join(notAFolder, "data")))).toMatch(
      new RegExp(`^DATA_DIR ${join(notAFolder, "data")} cannot be used \\(.+\\); set DATA_DIR`),
    );

    const nowhere = join(folder(), "never-made");
    expect(refusal(() => new SqliteStore(nowhere, { mustExist: true }))).toBe(
      `There is no sessions database at ${join(nowhere, SQLITE_FILE)} (nothing was created); check DATA_DIR.`,
    );
    expect(existsSync(nowhere)).toBe(false);
  });

  it("recover copies every readable session into a new file and keeps the damaged one", async () => {
    const { dir, logs } = await filled(40);
    const file = join(dir, SQLITE_FILE);
    // Garbage over a stretch in the middle of the file: some pages of logs are lost.
    const fd = openSync(file, "r+");
    writeSync(fd, Buffer.alloc(8192, 0xa5), 0, 8192, Math.floor(statSync(file).size * 0.5));
    closeSync(fd);

    const r = await recoverSqlite(dir, new Date("2026-01-02T03:04:05Z"));
    expect(r.damaged).toBe(join(dir, "citizen-score.damaged-2026-01-02T03-04-05-000Z.sqlite"));
    expect(existsSync(r.damaged)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.startsWith("recovering-"))).toEqual([]);
    // The sessions' records sit apart from the logs and survived: every session is back, most whole.
    expect(r.whole.length + r.partial.length).toBe(40);
    expect(r.whole.length).toBeGreaterThan(0);

    const store = new SqliteStore(dir);
    for (const code of r.whole) expect((await store.commands(code)).map((e) => e.command)).toEqual(logs.get(code));
    for (const { code, commands } of r.partial) expect((await store.commands(code)).map((e) => e.command)).toEqual(logs.get(code)!.slice(0, commands));
    expect((await store.list()).every((s) => s.status === "interrupted")).toBe(true);
    await store.close();
  });

  it("the server refuses to start on a damaged file in one line, and sessions list creates nothing", { timeout: 420_000 }, async () => {
    const { dir } = await filled(20);
    const file = join(dir, SQLITE_FILE);
    truncateSync(file, Math.floor(statSync(file).size * 0.6));
    const env = { ...process.env, DATA_DIR: dir, PORT: "0", HOST: "127.0.0.1" };
    const start = await run(process.execPath, ["--import", "tsx", "server/main.ts"], { cwd: ROOT, env, timeout: 200_000 }).then(
      () => ({ code: 0, stderr: "" }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(start.code).toBe(1);
    expect(start.stderr.trim()).toMatch(new RegExp(`^The sessions database ${file} is damaged \\(.+\\); run "npm run sessions -- recover"[^\\n]*$`));

    const nowhere = join(folder(), "typo");
    const list = await run(process.execPath, ["--import", "tsx", "server/storage/sessions-cli.ts", "list"], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: nowhere },
      timeout: 200_000,
    }).then(
      () => ({ code: 0, stderr: "" }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(list.code).toBe(1);
    expect(list.stderr.trim()).toBe(`There is no sessions database at ${join(nowhere, SQLITE_FILE)} (nothing was created); check DATA_DIR.`);
    expect(existsSync(nowhere)).toBe(false);
  });
});
