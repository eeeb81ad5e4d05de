import type { Command } from "../rules/commands.ts";
import { makeConfig, type GameConfig } from "../rules/config.ts";
import { RULES_VERSION } from "../rules/state.ts";
import { isReplayable, REPLAYABLE_VERSIONS } from "../rules/version.ts";

/**
 * A recorded session as the store hands it out (the same shape as SessionMeta and LogEntry in
 * server/storage/store.ts, restated here so the browser never imports server code).
 */
export interface ReplayLog {
  meta: ReplayMeta;
  commands: LogEntry[];
}

export interface ReplayMeta {
  config: GameConfig;
  seed: number;
  rulesVersion: number;
  createdAt: number;
  code?: string;
}

export interface LogEntry {
  seq: number;
  command: Command;
}

/** What opening a log needs of it: the store's rows, a fetched JSON log and a generated one all have this shape. */
interface StoredLog {
  meta: { config: GameConfig; rulesVersion: number };
  commands: readonly { seq: number }[];
}

/** Why a log is refused: a code, the English sentence, and the numbers a screen words it with in its own language. */
export type ReplayProblem = { message: string } & (
  | { code: "rules-version"; version: number; playable: number[]; newest: number }
  | { code: "log-order"; entry: number; seq: number }
);

export function isReplayProblem(x: unknown): x is ReplayProblem {
  return typeof x === "object" && x !== null && "code" in x && "message" in x && !("events" in x);
}

/** A log from a rules version these rules no longer (or do not yet) play. */
function versionProblem(version: number): ReplayProblem {
  return {
    code: "rules-version",
    version,
    playable: [...REPLAYABLE_VERSIONS],
    newest: RULES_VERSION,
    message: `This session was recorded under rules version ${version}; this version of Citizen Score plays versions ${REPLAYABLE_VERSIONS.join(" and ")} (the newest is ${RULES_VERSION}) and will not show it wrongly.`,
  };
}

/**
 * A log written under other rules would fold to a different game without any error, so it is
 * refused rather than shown wrongly.
 */
function checkReplayable(log: StoredLog): ReplayProblem | undefined {
  if (!isReplayable(log.meta.rulesVersion)) return versionProblem(log.meta.rulesVersion);
  for (let i = 1; i < log.commands.length; i++) {
    if (log.commands[i].seq <= log.commands[i - 1].seq) {
      const entry = i + 1;
      const seq = log.commands[i].seq;
      return { code: "log-order", entry, seq, message: `The log is out of order at entry ${entry} (seq ${seq}).` };
    }
  }
  return undefined;
}

/**
 * A stored log, opened to be folded: refused when these rules do not play its version or its
 * entries are out of order, and otherwise with every setting added to the config since it
 * was stored filled in at its default (a setting a session never had changes nothing at its
 * default). Restore, the replay, the export tables and the bench all open a log here, so they
 * fold it from the same config.
 */
export function openLog<L extends StoredLog>(log: L): L | ReplayProblem {
  return checkReplayable(log) ?? { ...log, meta: { ...log.meta, config: makeConfig(log.meta.config) } };
}
