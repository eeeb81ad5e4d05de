import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import type { Command } from "../../shared/rules/commands.ts";
import type { GameConfig } from "../../shared/rules/config.ts";
import { migrate } from "./pg-migrations.ts";
import { type Lease, type LogEntry, PROBE_BYTES, type SessionMeta, type SessionStatus, type SessionStore, type SessionSummary } from "./store.ts";

/** A lease still live at the time in parameter `$n`. */
const liveLease = (n: number) => `EXISTS (SELECT 1 FROM leases l WHERE l.code = sessions.code AND l.until >= $${n})`;

interface SessionRow {
  code: string;
  host_key_hash: string;
  created_at: number;
  ended_at: number | null;
  status: SessionStatus;
  seed: number;
  rules_version: number;
  config: GameConfig;
  players: number;
  auto_resume_seconds: number | null;
}

const INT8 = 20;

/** BIGINT columns hold epoch milliseconds and seeds, all well inside a double's exact range. */
const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === INT8) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

/**
 * The shared store for several processes: PostgreSQL through a connection pool. Every write
 * is its own committed statement, durable when its promise resolves (with the server's
 * default synchronous_commit). Appends from one room arrive one at a time, in order.
 */
export class PgStore implements SessionStore {
  private constructor(private pool: pg.Pool) {}

  /** Connects and migrates the schema; fails with the server's reason when it cannot. */
  static async open(connectionString: string, poolSize = 10): Promise<PgStore> {
    const pool = new pg.Pool({ connectionString, types, max: poolSize });
    // An idle client losing its connection must not crash the process; the pool replaces it.
    pool.on("error", (err) => console.error(`PostgreSQL connection lost: ${err.message}`));
    try {
      await migrate(pool);
    } catch (err) {
      await pool.end().catch(() => undefined);
      throw err;
    }
    return new PgStore(pool);
  }

  async createSession(m: SessionMeta): Promise<boolean> {
    const r = await this.pool.query(
      "INSERT INTO sessions (code, host_key_hash, created_at, seed, rules_version, config, auto_resume_seconds) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (code) DO NOTHING",
      [m.code, m.hostKeyHash, m.createdAt, m.seed, m.rulesVersion, JSON.stringify(m.config), m.autoResumeSeconds ?? null],
    );
    return r.rowCount === 1;
  }

  async appendMany(code: string, entries: readonly LogEntry[]): Promise<void> {
    if (entries.length === 0) return;
    // One statement, so one commit: a room's patch-worth of commands costs one round trip.
    await this.pool.query({
      name: "append-many",
      text: "INSERT INTO commands (code, seq, command) SELECT $1, s, c::jsonb FROM unnest($2::int[], $3::text[]) AS t(s, c)",
      values: [code, entries.map((e) => e.seq), entries.map((e) => JSON.stringify(e.command))],
    });
  }

  async setPlayers(code: string, players: number): Promise<void> {
    await this.pool.query("UPDATE sessions SET players = $1 WHERE code = $2", [players, code]);
  }

  async setHostKeyHash(code: string, hostKeyHash: string): Promise<void> {
    await this.pool.query("UPDATE sessions SET host_key_hash = $1 WHERE code = $2", [hostKeyHash, code]);
  }

  async setAutoResume(code: string, seconds: number | null): Promise<void> {
    await this.pool.query("UPDATE sessions SET auto_resume_seconds = $1 WHERE code = $2", [seconds, code]);
  }

  async markEnded(code: string, at: number): Promise<void> {
    await this.pool.query("UPDATE sessions SET ended_at = $1, status = 'ended' WHERE code = $2", [at, code]);
  }

  async markInterrupted(at: { now: number; createdBefore?: number }): Promise<void> {
    await this.pool.query(`UPDATE sessions SET status = 'interrupted' WHERE status = 'live' AND created_at < $1 AND NOT ${liveLease(2)}`, [
      at.createdBefore ?? Number.MAX_SAFE_INTEGER,
      at.now,
    ]);
    await this.pool.query("DELETE FROM leases WHERE until < $1", [at.now]);
  }

  async claimLease(code: string, holder: string, now: number, until: number, takeFrom = ""): Promise<boolean> {
    const r = await this.pool.query(
      "INSERT INTO leases (code, holder, until) VALUES ($1, $2, $3) ON CONFLICT (code) DO UPDATE SET holder = EXCLUDED.holder, until = EXCLUDED.until WHERE leases.holder = EXCLUDED.holder OR leases.until < $4 OR leases.holder = $5",
      [code, holder, until, now, takeFrom],
    );
    return r.rowCount === 1;
  }

  async othersLeases(holder: string): Promise<(Lease & { code: string })[]> {
    const { rows } = await this.pool.query<Lease & { code: string }>(
      "SELECT l.code, l.holder, l.until FROM leases l JOIN sessions s ON s.code = l.code WHERE s.status = 'live' AND l.holder <> $1 ORDER BY l.code",
      [holder],
    );
    return rows;
  }

  async renewLeases(holder: string, codes: readonly string[], until: number): Promise<string[]> {
    if (codes.length === 0) return [];
    const { rows } = await this.pool.query<{ code: string }>("UPDATE leases SET until = $1 WHERE holder = $2 AND code = ANY($3::text[]) RETURNING code", [
      until,
      holder,
      codes,
    ]);
    return rows.map((r) => r.code);
  }

  async releaseLease(code: string, holder: string): Promise<void> {
    await this.pool.query("DELETE FROM leases WHERE code = $1 AND holder = $2", [code, holder]);
  }

  async probeWrite(): Promise<void> {
    // Random bytes: PostgreSQL would compress zeros to nothing.
    const id = randomUUID();
    await this.pool.query("INSERT INTO write_probe (id, filler) VALUES ($1, $2)", [id, randomBytes(PROBE_BYTES)]);
    await this.pool.query("DELETE FROM write_probe WHERE id = $1", [id]);
  }

  async leaseOf(code: string): Promise<Lease | undefined> {
    const { rows } = await this.pool.query<Lease>("SELECT holder, until FROM leases WHERE code = $1", [code]);
    return rows[0];
  }

  async setStatus(code: string, status: SessionStatus): Promise<void> {
    await this.pool.query("UPDATE sessions SET status = $1 WHERE code = $2 AND status <> 'ended'", [status, code]);
  }

  async get(code: string): Promise<SessionMeta | undefined> {
    const { rows } = await this.pool.query<SessionRow>("SELECT * FROM sessions WHERE code = $1", [code]);
    return rows[0] && toMeta(rows[0]);
  }

  async commands(code: string): Promise<LogEntry[]> {
    const { rows } = await this.pool.query<{ seq: number; command: Command }>("SELECT seq, command FROM commands WHERE code = $1 ORDER BY seq", [code]);
    return rows.map((r) => ({ seq: r.seq, command: r.command }));
  }

  async list(filter: { hostKeyHash?: string } = {}): Promise<SessionSummary[]> {
    const { rows } = filter.hostKeyHash
      ? await this.pool.query<SessionRow>("SELECT * FROM sessions WHERE host_key_hash = $1 ORDER BY created_at DESC", [filter.hostKeyHash])
      : await this.pool.query<SessionRow>("SELECT * FROM sessions ORDER BY created_at DESC");
    return rows.map((r) => ({ code: r.code, createdAt: r.created_at, endedAt: r.ended_at, players: r.players, status: r.status }));
  }

  async delete(code: string): Promise<boolean> {
    const r = await this.pool.query("DELETE FROM sessions WHERE code = $1", [code]);
    return (r.rowCount ?? 0) > 0;
  }

  async deleteOlderThan(cutoff: number, now: number): Promise<number> {
    const r = await this.pool.query(`DELETE FROM sessions WHERE created_at < $1 AND status <> 'live' AND NOT ${liveLease(2)}`, [cutoff, now]);
    return r.rowCount ?? 0;
  }

  async close(): Promise<void> {
    await this.pool.end();
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
    config: r.config,
    autoResumeSeconds: r.auto_resume_seconds ?? null,
  };
}
