import type pg from "pg";

/**
 * The PostgreSQL schema, one step per entry, applied in order and never edited once
 * released: a later change is a new entry. Mirrors the SQLite schema; times are epoch
 * milliseconds, commands and settings are JSON.
 */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE sessions (
     code TEXT PRIMARY KEY,
     host_key_hash TEXT NOT NULL,
     created_at BIGINT NOT NULL,
     ended_at BIGINT,
     status TEXT NOT NULL DEFAULT 'live',
     seed BIGINT NOT NULL,
     rules_version INTEGER NOT NULL,
     config JSONB NOT NULL,
     players INTEGER NOT NULL DEFAULT 0
   );
   CREATE INDEX sessions_host_key ON sessions (host_key_hash, created_at DESC);
   CREATE INDEX sessions_created ON sessions (created_at DESC);
   CREATE TABLE commands (
     code TEXT NOT NULL REFERENCES sessions (code) ON DELETE CASCADE,
     seq INTEGER NOT NULL,
     command JSONB NOT NULL,
     PRIMARY KEY (code, seq)
   );`,
  // Who runs each live session, renewed by its process: what Redis's room list held alone before.
  `CREATE TABLE leases (
     code TEXT PRIMARY KEY REFERENCES sessions (code) ON DELETE CASCADE,
     holder TEXT NOT NULL,
     until BIGINT NOT NULL
   );`,
  // After a crash, resume by itself after this many seconds (NULL: only its facilitator reopens it).
  `ALTER TABLE sessions ADD COLUMN auto_resume_seconds INTEGER;`,
  // A session stopped by a full disk resumes only once a log-sized write goes through (SessionStore.probeWrite).
  `CREATE TABLE write_probe (id TEXT PRIMARY KEY, filler BYTEA NOT NULL);`,
];

/** Any fixed number: it names the lock that makes processes starting together migrate one at a time. */
const MIGRATION_LOCK = 0x43534d47;

/** Brings the database up to the latest schema; safe to run from every process at start-up. */
export async function migrate(pool: pg.Pool): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await client.query("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())");
    const { rows } = await client.query<{ version: number }>("SELECT version FROM schema_migrations");
    const applied = new Set(rows.map((r) => r.version));
    let ran = 0;
    for (const [i, sql] of MIGRATIONS.entries()) {
      if (applied.has(i + 1)) continue;
      await client.query(sql);
      await client.query("INSERT INTO schema_migrations (version) VALUES ($1)", [i + 1]);
      ran++;
    }
    await client.query("COMMIT");
    return ran;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
