import type { Rejection } from "../../shared/rules/commands.ts";
import { reject } from "../../shared/rules/commands.ts";
import { fold } from "../../shared/rules/fold.ts";
import { makeConfig } from "../../shared/rules/config.ts";
import { RULES_VERSION, type GameState } from "../../shared/rules/state.ts";
import type { LogEntry, SessionMeta } from "../storage/store.ts";

export interface Restored {
  state: GameState;
  lastSeq: number;
  lastAt: number;
}

/** Rebuilds a session's state from its log, refusing a log written under other rules. */
export function restoreSession(meta: SessionMeta, log: LogEntry[]): Restored | Rejection {
  if (meta.rulesVersion !== RULES_VERSION) {
    return reject("bad-phase", `Session ${meta.code} was recorded under rules version ${meta.rulesVersion}; this server plays version ${RULES_VERSION} and will not replay it wrongly.`);
  }
  // makeConfig fills in settings added since the session was stored (their defaults change nothing).
  const state = fold(makeConfig(meta.config), meta.seed, log.map((e) => e.command));
  const last = log.at(-1);
  return { state, lastSeq: last?.seq ?? 0, lastAt: last?.command.at ?? meta.createdAt };
}
