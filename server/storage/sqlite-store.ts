import Database from "better-sqlite3";
import { existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { describeSqliteError, emptyFileProblem, SQLITE_FILE, StorageProblem } from "./sqlite-problem.ts";
import type { Command } from "../../shared/rules/commands.ts";
import { type Lease, type LogEntry, PROBE_BYTES, type SessionMeta, type SessionStatus, type SessionStore, type SessionSummary } from "./store.ts";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS sessions (
  code TEXT PRIMARY KEY,
  host_key_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  ended_at INTEGER,
  status TEXT NOT NULL DEFAULT 'live',
  seed INTEGER NOT NULL,
  rules_version INTEGER NOT NULL,
  config TEXT NOT NULL,
  players INTEGER NOT NULL DEFAULT 0,
  auto_resume_seconds INTEGER
);
CREATE TABLE IF NOT EXISTS commands (
  code TEXT NOT NULL REFERENCES sessions(code) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  command TEXT NOT NULL,
  PRIMARY KEY (code, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS write_probe (
  id INTEGER PRIMARY KEY,
  filler BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS leases (
  code TEXT PRIMARY KEY REFERENCES sessions(code) ON DELETE CASCADE,
  holder TEXT NOT NULL,
  until INTEGER NOT NULL
) WITHOUT ROWID;
`;

/** A lease still live at the statement's `now`. */
const LIVE_LEASE = "EXISTS (SELECT 1 FROM leases l WHERE l.code = sessions.code AND l.until >= @now)";

export interface SessionRow {
  code: string;
  host_key_hash: string;
  created_at: number;
  ended_at: number | null;
  status: SessionStatus;
  seed: number;
  rules_version: number;
  config: string;
  players: number;
  auto_resume_seconds: number | null;
}

/** How long a write waits for another process's lock before the session stops (it resumes once storage is back). */
const LOCK_WAIT_MS = 15_000;

/**
 * A patch's commands go in as one INSERT of several rows rather than one INSERT each: a busy
 * room writes some 8 rows 20 times a second, and the statement per row was a fifth of the
 * write (measured alone: 8 rows in 48-54 µs against 58-61).
 */
const ROWS_PER_INSERT = 32;

/**
 * The embedded default: one SQLite file in WAL mode under DATA_DIR. better-sqlite3 is
 * synchronous, so each method has finished writing when its promise is created.
 */
export class SqliteStore implements SessionStore {
  private db!: Database.Database;
  /** The database file, for messages. */
  readonly file: string;
  private stmts;
  private appendAll: (code: string, entries: readonly LogEntry[]) => void;
  private inserts: Database.Statement[] = [];

  /**
   * Opens (or creates) the file under `dataDir` and checks it. Every refusal is a
   * StorageProblem: one sentence naming the file or folder and what to do. `mustExist`
   * (tools that only read) never creates a file or a folder.
   */
  constructor(dataDir: string, opts: { mustExist?: boolean } = {}) {
    const file = join(dataDir, SQLITE_FILE);
    if (opts.mustExist && !existsSync(file)) throw new StorageProblem(`There is no sessions database at ${file} (nothing was created); check DATA_DIR.`);
    const empty = emptyFileProblem(file);
    if (empty) throw empty;
    try {
      mkdirSync(dataDir, { recursive: true });
      // No busy wait: better-sqlite3 waits synchronously, which froze the whole server (HTTP
      // included) while another process held the lock. Writes wait in `retried`, asynchronously.
      this.db = new Database(file, { fileMustExist: opts.mustExist === true, timeout: 0 });
      this.db.pragma("journal_mode = WAL");
      this.db.pragma("synchronous = NORMAL");
      this.db.pragma("foreign_keys = ON");
      // A deleted session's nicknames are overwritten, not left in free pages of the file.
      this.db.pragma("secure_delete = ON");
      this.db.exec(SCHEMA);
      addAutoResumeColumn(this.db);
      this.check();
    } catch (err) {
      throw err instanceof StorageProblem ? err : describeSqliteError(err, file, dataDir);
    }
    this.file = file;
    this.stmts = {
      insertSession: this.db.prepare(
        "INSERT OR IGNORE INTO sessions (code, host_key_hash, created_at, seed, rules_version, config, auto_resume_seconds) VALUES (?, ?, ?, ?, ?, ?, ?)",
      ),
      players: this.db.prepare("UPDATE sessions SET players = ? WHERE code = ?"),
      hostKeyHash: this.db.prepare("UPDATE sessions SET host_key_hash = ? WHERE code = ?"),
      probe: this.db.prepare("INSERT OR REPLACE INTO write_probe (id, filler) VALUES (1, randomblob(@bytes))"),
      unprobe: this.db.prepare("DELETE FROM write_probe"),
      autoResume: this.db.prepare("UPDATE sessions SET auto_resume_seconds = ? WHERE code = ?"),
      ended: this.db.prepare("UPDATE sessions SET ended_at = ?, status = 'ended' WHERE code = ?"),
      interrupted: this.db.prepare(`UPDATE sessions SET status = 'interrupted' WHERE status = 'live' AND created_at < @before AND NOT ${LIVE_LEASE}`),
      lapsed: this.db.prepare("DELETE FROM leases WHERE until < @now"),
      claim: this.db.prepare(
        "INSERT INTO leases (code, holder, until) VALUES (@code, @holder, @until) ON CONFLICT (code) DO UPDATE SET holder = excluded.holder, until = excluded.until WHERE leases.holder = excluded.holder OR leases.until < @now OR leases.holder = @takeFrom",
      ),
      others: this.db.prepare(
        "SELECT l.code, l.holder, l.until FROM leases l JOIN sessions s ON s.code = l.code WHERE s.status = 'live' AND l.holder <> ? ORDER BY l.code",
      ),
      renew: this.db.prepare("UPDATE leases SET until = ? WHERE holder = ? AND code IN (SELECT value FROM json_each(?)) RETURNING code"),
      release: this.db.prepare("DELETE FROM leases WHERE code = ? AND holder = ?"),
      lease: this.db.prepare("SELECT holder, until FROM leases WHERE code = ?"),
      status: this.db.prepare("UPDATE sessions SET status = ? WHERE code = ? AND status <> 'ended'"),
      get: this.db.prepare("SELECT * FROM sessions WHERE code = ?"),
      commands: this.db.prepare("SELECT seq, command FROM commands WHERE code = ? ORDER BY seq"),
      listAll: this.db.prepare("SELECT * FROM sessions ORDER BY created_at DESC"),
      listByKey: this.db.prepare("SELECT * FROM sessions WHERE host_key_hash = ? ORDER BY created_at DESC"),
      delete: this.db.prepare("DELETE FROM sessions WHERE code = ?"),
      deleteOld: this.db.prepare(`DELETE FROM sessions WHERE created_at < @cutoff AND status <> 'live' AND NOT ${LIVE_LEASE}`),
    };
    this.appendAll = this.db.transaction((code: string, entries: readonly LogEntry[]) => {
      for (let i = 0; i < entries.length; i += ROWS_PER_INSERT) {
        const rows = entries.slice(i, i + ROWS_PER_INSERT);
        this.insertOf(rows.length).run(rows.flatMap((e) => [code, e.seq, JSON.stringify(e.command)]));
      }
    });
  }

  /**
   * SQLite's own check of the file's structure: a file truncated or overwritten while the
   * server was stopped is refused at start-up, by name, rather than failing mid-session.
   */
  private check(): void {
    const rows = this.db.pragma("quick_check") as { quick_check: string }[];
    const problems = rows.map((r) => r.quick_check).filter((r) => r !== "ok");
    if (problems.length > 0) {
      const err = new Error(`database disk image is malformed: ${problems.slice(0, 2).join("; ")}`) as Error & { code: string };
      err.code = "SQLITE_CORRUPT";
      throw err;
    }
  }

  /** The statement that inserts `rows` commands at once: made once per count and kept. */
  private insertOf(rows: number): Database.Statement {
    let stmt = this.inserts[rows];
    if (!stmt) {
      stmt = this.db.prepare(`INSERT INTO commands (code, seq, command) VALUES ${Array(rows).fill("(?, ?, ?)").join(", ")}`);
      this.inserts[rows] = stmt;
    }
    return stmt;
  }

  async createSession(m: SessionMeta): Promise<boolean> {
    const r = await this.retried(() =>
      this.stmts.insertSession.run(m.code, m.hostKeyHash, m.createdAt, m.seed, m.rulesVersion, JSON.stringify(m.config), m.autoResumeSeconds ?? null),
    );
    return r.changes === 1;
  }

  async appendMany(code: string, entries: readonly LogEntry[]): Promise<void> {
    await this.retried(() => this.appendAll(code, entries));
  }

  async setPlayers(code: string, players: number): Promise<void> {
    await this.retried(() => this.stmts.players.run(players, code));
  }

  async setHostKeyHash(code: string, hostKeyHash: string): Promise<void> {
    await this.retried(() => this.stmts.hostKeyHash.run(hostKeyHash, code));
  }

  async setAutoResume(code: string, seconds: number | null): Promise<void> {
    await this.retried(() => this.stmts.autoResume.run(seconds, code));
  }

  async markEnded(code: string, at: number): Promise<void> {
    await this.retried(() => this.stmts.ended.run(at, code));
  }

  async markInterrupted(at: { now: number; createdBefore?: number }): Promise<void> {
    await this.retried(() => {
      this.stmts.interrupted.run({ now: at.now, before: at.createdBefore ?? Number.MAX_SAFE_INTEGER });
      this.stmts.lapsed.run({ now: at.now });
    });
  }

  async claimLease(code: string, holder: string, now: number, until: number, takeFrom = ""): Promise<boolean> {
    return (await this.retried(() => this.stmts.claim.run({ code, holder, until, now, takeFrom }))).changes === 1;
  }

  async othersLeases(holder: string): Promise<(Lease & { code: string })[]> {
    return this.stmts.others.all(holder) as (Lease & { code: string })[];
  }

  async renewLeases(holder: string, codes: readonly string[], until: number): Promise<string[]> {
    if (codes.length === 0) return [];
    return ((await this.retried(() => this.stmts.renew.all(until, holder, JSON.stringify(codes)))) as { code: string }[]).map((r) => r.code);
  }

  async releaseLease(code: string, holder: string): Promise<void> {
    await this.retried(() => this.stmts.release.run(code, holder));
  }

  async probeWrite(): Promise<void> {
    await this.retried(() => this.stmts.probe.run({ bytes: PROBE_BYTES }));
    await this.retried(() => this.stmts.unprobe.run());
  }

  async leaseOf(code: string): Promise<Lease | undefined> {
    return this.stmts.lease.get(code) as Lease | undefined;
  }

  async setStatus(code: string, status: SessionStatus): Promise<void> {
    await this.retried(() => this.stmts.status.run(status, code));
  }

  async get(code: string): Promise<SessionMeta | undefined> {
    const row = this.stmts.get.get(code) as SessionRow | undefined;
    return row && toMeta(row);
  }

  async commands(code: string): Promise<LogEntry[]> {
    const rows = this.stmts.commands.all(code) as { seq: number; command: string }[];
    return rows.map((r) => ({ seq: r.seq, command: JSON.parse(r.command) as Command }));
  }

  async list(filter: { hostKeyHash?: string } = {}): Promise<SessionSummary[]> {
    const rows = (filter.hostKeyHash ? this.stmts.listByKey.all(filter.hostKeyHash) : this.stmts.listAll.all()) as SessionRow[];
    return rows.map((r) => ({ code: r.code, createdAt: r.created_at, endedAt: r.ended_at, players: r.players, status: r.status }));
  }

  async delete(code: string): Promise<boolean> {
    const deleted = (await this.retried(() => this.stmts.delete.run(code))).changes > 0;
    if (deleted) this.forgetDeleted();
    return deleted;
  }

  async deleteOlderThan(cutoff: number, now: number): Promise<number> {
    const deleted = (await this.retried(() => this.stmts.deleteOld.run({ cutoff, now }))).changes;
    if (deleted > 0) this.forgetDeleted();
    return deleted;
  }

  /**
   * Runs a write, and while another process holds SQLite's write lock, tries it again a little
   * later without blocking: only the session (or request) that writes waits, for at most
   * LOCK_WAIT_MS, and then fails with a sentence naming the file.
   */
  private async retried<T>(write: () => T): Promise<T> {
    const deadline = Date.now() + LOCK_WAIT_MS;
    for (let pause = 5; ; pause = Math.min(pause * 2, 250)) {
      try {
        return write();
      } catch (err) {
        const code = (err as { code?: string }).code ?? "";
        if (!code.startsWith("SQLITE_BUSY") && code !== "SQLITE_LOCKED") throw err;
        if (Date.now() >= deadline) throw Object.assign(lockProblem(this.file, code), { code });
        await new Promise((r) => setTimeout(r, pause));
      }
    }
  }

  /** Writes the deletion back into the database file and empties the write-ahead log, which still held the old pages. */
  private forgetDeleted(): void {
    this.db.pragma("wal_checkpoint(TRUNCATE)");
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

/** Another process held the write lock for all of LOCK_WAIT_MS: at start-up, the sentence the server stops with. */
function lockProblem(file: string, code: string): StorageProblem {
  return new StorageProblem(
    `The sessions database ${file} has been locked by another process for ${LOCK_WAIT_MS / 1000} s (${code}); stop the other program using DATA_DIR ${dirname(file)}, or give this server a DATA_DIR of its own.`,
  );
}

/**
 * Files written before sessions could resume by themselves get the column; in a file that
 * has it already, the ALTER fails with "duplicate column", which is expected.
 */
function addAutoResumeColumn(db: Database.Database): void {
  try {
    db.exec("ALTER TABLE sessions ADD COLUMN auto_resume_seconds INTEGER");
  } catch (err) {
    if (!/duplicate column/i.test(String(err))) throw err;
  }
}

function toMeta(r: SessionRow): SessionMeta {
  return {
    code: r.code,
    hostKeyHash: r.host_key_hash,
    createdAt: r.created_at,
    endedAt: r.ended_at,
    seed: r.seed,
    rulesVersion: r.rules_version,
    config: JSON.parse(r.config),
    autoResumeSeconds: r.auto_resume_seconds ?? null,
  };
}
