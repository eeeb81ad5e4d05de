import type { Command } from "../../shared/rules/commands.ts";
import type { GameConfig } from "../../shared/rules/config.ts";

export type SessionStatus = "live" | "ended" | "interrupted";

export interface SessionMeta {
  code: string;
  hostKeyHash: string;
  createdAt: number;
  endedAt: number | null;
  seed: number;
  rulesVersion: number;
  config: GameConfig;
  /**
   * After a crash, the server resumes the session by itself this many seconds after it starts
   * again (null: only its facilitator reopens it). Stored with the session so it survives the crash.
   */
  autoResumeSeconds?: number | null;
}

export interface SessionSummary {
  code: string;
  createdAt: number;
  endedAt: number | null;
  players: number;
  status: SessionStatus;
}

/** How long a process's claim on a session (its lease) lasts unless it renews it. */
export const LEASE_MS = 6000;

/**
 * A session younger than this is never marked interrupted by a sweep: between its creation
 * and its room's first claim it holds no lease yet, though its process is running it.
 */
export const YOUNG_SESSION_MS = 60_000;

/** What SessionStore.probeWrite writes: a busy room's log for a few seconds. */
export const PROBE_BYTES = 64 * 1024;

/** Who runs a live session: a process's id, and the time (ms) its claim lapses unless renewed. */
export interface Lease {
  holder: string;
  until: number;
}

export interface LogEntry {
  seq: number;
  command: Command;
}

/**
 * Where sessions and their command logs live: SQLite embedded, or PostgreSQL shared by
 * several processes. Every method settles only once the write is durable, so a room that
 * awaits `appendMany` before showing a command's effects can never lose what a player was shown.
 */
export interface SessionStore {
  /** Claims a join code for good; false when a stored session already holds it. */
  createSession(meta: SessionMeta): Promise<boolean>;
  /**
   * Several commands in one write, all or none: a busy room saves what it applied since its
   * last patch together, before the patch shows any of it.
   */
  appendMany(code: string, entries: readonly LogEntry[]): Promise<void>;
  setPlayers(code: string, players: number): Promise<void>;
  /** The facilitator rotated the host key: from now on only the new one opens, resumes and lists the session. */
  setHostKeyHash(code: string, hostKeyHash: string): Promise<void>;
  /** The facilitator's choice of resuming by itself after a crash (null: off). */
  setAutoResume(code: string, seconds: number | null): Promise<void>;
  markEnded(code: string, at: number): Promise<void>;
  /**
   * Marks sessions still recorded as live, but whose lease has lapsed at `now`, as
   * interrupted, and forgets lapsed leases. A single process passes the end of time at
   * start-up (nothing else runs its sessions); in a cluster, the real time, and a cutoff so
   * that a session another process is creating right now (its lease not yet taken) is left alone.
   */
  markInterrupted(at: { now: number; createdBefore?: number }): Promise<void>;
  /**
   * Takes the lease on a stored session for `holder` until `until`, or renews it: false while
   * another holder's lease is live at `now`, unless that holder is `takeFrom` (known to be
   * dead): of several processes taking over from the same dead one, only the first succeeds.
   */
  claimLease(code: string, holder: string, now: number, until: number, takeFrom?: string): Promise<boolean>;
  /** The leases of sessions still marked live that `holder` does not hold: candidates to take over when their process dies. */
  othersLeases(holder: string): Promise<(Lease & { code: string })[]>;
  /** Renews every lease `holder` still has among `codes`; returns those it still had. */
  renewLeases(holder: string, codes: readonly string[], until: number): Promise<string[]>;
  releaseLease(code: string, holder: string): Promise<void>;
  /**
   * Writes and removes a row about the size of a busy second of a log: it rejects while the
   * store cannot take a log's writes (a full disk), which a lease or status update may still fit.
   */
  probeWrite(): Promise<void>;
  leaseOf(code: string): Promise<Lease | undefined>;
  setStatus(code: string, status: SessionStatus): Promise<void>;
  get(code: string): Promise<SessionMeta | undefined>;
  commands(code: string): Promise<LogEntry[]>;
  list(filter?: { hostKeyHash?: string }): Promise<SessionSummary[]>;
  delete(code: string): Promise<boolean>;
  /** Deletes sessions created before `cutoff` (ms), except live ones and ones whose lease is live at `now`; returns how many. */
  deleteOlderThan(cutoff: number, now: number): Promise<number>;
  close(): Promise<void>;
}
