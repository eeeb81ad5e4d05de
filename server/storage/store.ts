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
 * Where sessions and their command logs live. Appends are synchronous and durable before
 * they return, so nothing a player was shown can be lost to a crash.
 */
export interface SessionStore {
  /** Claims a join code for good; false when a stored session already holds it. */
  createSession(meta: SessionMeta): boolean;
  append(code: string, seq: number, command: Command): void;
  setPlayers(code: string, players: number): void;
  markEnded(code: string, at: number): void;
  /** Marks every session that was live when the previous process stopped as interrupted. */
  markInterrupted(): void;
  setStatus(code: string, status: SessionStatus): void;
  get(code: string): SessionMeta | undefined;
  commands(code: string): LogEntry[];
  list(filter?: { hostKeyHash?: string }): SessionSummary[];
  delete(code: string): boolean;
  /** Deletes sessions created before `cutoff` (ms), except live ones; returns how many. */
  deleteOlderThan(cutoff: number): number;
  close(): void;
}
