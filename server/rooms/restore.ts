import type { Rejection } from "../../shared/rules/commands.ts";
import { reject } from "../../shared/rules/commands.ts";
import { fold } from "../../shared/rules/fold.ts";
import type { GameEvent } from "../../shared/rules/events.ts";
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
  const state = fold(meta.config, meta.seed, log.map((e) => e.command));
  const last = log.at(-1);
  return { state, lastSeq: last?.seq ?? 0, lastAt: last?.command.at ?? meta.createdAt };
}

/**
 * The synced state is built from events, and a restored game has none: these stand for its
 * players and friendships as they are now, so a projection brings them back on screen.
 */
export function standingEvents(s: GameState): GameEvent[] {
  const joins: GameEvent[] = Object.values(s.players).map((p) => ({ type: "player-joined", player: p.id, nickname: p.nickname, seq: 0, at: p.joinedAt }));
  const friends: GameEvent[] = Object.entries(s.friendships).map(([key, since]) => {
    const [a, b] = key.split("|");
    return { type: "friends", a, b, seq: 0, at: since };
  });
  return [...joins, ...friends];
}
