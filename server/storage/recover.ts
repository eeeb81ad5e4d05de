import Database from "better-sqlite3";
import { existsSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "../../shared/rules/commands.ts";
import { SQLITE_FILE, StorageProblem } from "./sqlite-problem.ts";
import { type SessionRow, SqliteStore } from "./sqlite-store.ts";
import type { LogEntry } from "./store.ts";

export interface Recovery {
  /** Sessions copied whole, with every command of their log. */
  whole: string[];
  /** Sessions copied with the start of their log, up to the first unreadable command. */
  partial: { code: string; commands: number }[];
  /** Where the damaged file now is. */
  damaged: string;
  file: string;
}

/** Kept until the process exits: better-sqlite3 under Node 24 must not have its objects collected (see sqlite-store.ts). */
const kept: unknown[] = [];

/** Every row a statement yields until the file gives out. */
function readable<T>(stmt: Database.Statement, ...params: unknown[]): { rows: T[]; whole: boolean } {
  kept.push(stmt);
  const rows: T[] = [];
  try {
    for (const row of stmt.iterate(...params)) rows.push(row as T);
    return { rows, whole: true };
  } catch {
    return { rows, whole: false };
  }
}

/**
 * Salvages a damaged sessions file: every session whose record can be read is copied, with
 * as much of its log as can be read in order, into a new file that takes the old one's place;
 * the damaged file is kept beside it, renamed. Nothing is deleted.
 */
export async function recoverSqlite(dataDir: string, now = new Date()): Promise<Recovery> {
  const file = join(dataDir, SQLITE_FILE);
  if (!existsSync(file)) throw new StorageProblem(`There is no sessions database at ${file} to recover; check DATA_DIR.`);
  let old: Database.Database;
  try {
    old = new Database(file, { readonly: true, fileMustExist: true });
    kept.push(old);
  } catch (err) {
    throw new StorageProblem(
      `The sessions database ${file} cannot be opened at all (${(err as Error).message}); nothing in it can be read: put back a backup.`,
    );
  }
  const sessions = readable<SessionRow>(old.prepare("SELECT * FROM sessions ORDER BY created_at")).rows;
  const stamp = now.toISOString().replace(/[:.]/g, "-");
  const work = mkdtempSync(join(dataDir, "recovering-"));
  const fresh = new SqliteStore(work);
  kept.push(fresh);
  const out: Recovery = { whole: [], partial: [], damaged: join(dataDir, `citizen-score.damaged-${stamp}.sqlite`), file };
  const commands = old.prepare("SELECT seq, command FROM commands WHERE code = ? ORDER BY seq");
  for (const s of sessions) {
    let config: unknown;
    try {
      config = JSON.parse(s.config);
    } catch {
      continue;
    }
    const log = readable<{ seq: number; command: string }>(commands, s.code);
    const entries: LogEntry[] = [];
    for (const [i, r] of log.rows.entries()) {
      // A log is only of use in order, without a gap.
      if (r.seq !== i + 1) break;
      try {
        entries.push({ seq: r.seq, command: JSON.parse(r.command) as Command });
      } catch {
        break;
      }
    }
    const meta = {
      code: s.code,
      hostKeyHash: s.host_key_hash,
      createdAt: s.created_at,
      endedAt: s.ended_at,
      seed: s.seed,
      rulesVersion: s.rules_version,
      config: config as never,
      autoResumeSeconds: s.auto_resume_seconds ?? null,
    };
    if (!(await fresh.createSession(meta))) continue;
    await fresh.appendMany(s.code, entries);
    await fresh.setPlayers(s.code, s.players);
    if (s.status === "ended" && s.ended_at !== null) await fresh.markEnded(s.code, s.ended_at);
    else await fresh.setStatus(s.code, "interrupted");
    if (log.whole && entries.length === log.rows.length) out.whole.push(s.code);
    else out.partial.push({ code: s.code, commands: entries.length });
  }
  old.close();
  await fresh.close();
  for (const suffix of ["", "-wal", "-shm"]) if (existsSync(file + suffix)) renameSync(file + suffix, out.damaged + suffix);
  renameSync(join(work, SQLITE_FILE), file);
  rmSync(work, { recursive: true, force: true });
  return out;
}
