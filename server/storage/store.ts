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
}

export interface SessionSummary {
  code: string;
  createdAt: number;
  endedAt: number | null;
  players: number;
  status: SessionStatus;
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
  markEnded(code: string, at: number): Promise<void>;
  /**
   * Marks sessions still recorded as live, but no longer running anywhere, as interrupted.
   * A single process calls it with nothing at start-up; in a cluster, with the codes the
   * shared room list still holds and a cutoff so that a session another process is
   * creating right now is left alone.
   */
  markInterrupted(keep?: { live: readonly string[]; createdBefore: number }): Promise<void>;
  setStatus(code: string, status: SessionStatus): Promise<void>;
  get(code: string): Promise<SessionMeta | undefined>;
  commands(code: string): Promise<LogEntry[]>;
  list(filter?: { hostKeyHash?: string }): Promise<SessionSummary[]>;
  delete(code: string): Promise<boolean>;
  /** Deletes sessions created before `cutoff` (ms), except live ones; returns how many. */
  deleteOlderThan(cutoff: number): Promise<number>;
  close(): Promise<void>;
}
