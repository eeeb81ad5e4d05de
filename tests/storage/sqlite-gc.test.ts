import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");

// On Node 24.19+ a better-sqlite3 12 statement or database freed by the garbage collector
// aborted the server process before it listened (see the note in sqlite-store.ts). This runs the store
// in a process of its own and lets the collector run, so a regression shows up as a crash here
// rather than on a teacher's machine.
it("a server process survives garbage collection after using, closing and dropping a SQLite store", async () => {
  const dir = mkdtempSync(join(tmpdir(), "citizen-gc-"));
  try {
    const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", "tests/storage/sqlite-gc-child.ts", dir], {
      cwd: ROOT,
      timeout: 60_000,
    });
    expect(stdout).toContain("survived the collections");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 90_000);
