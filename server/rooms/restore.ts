import { openLog, type ReplayProblem } from "../../shared/replay/log.ts";
import type { GameEvent } from "../../shared/rules/events.ts";
import { SessionCore } from "../../shared/session/core.ts";
import { initialState, type GameState } from "../../shared/rules/state.ts";
import type { LogEntry, SessionMeta } from "../storage/store.ts";

/** An event as the live room projected it: with the round the game stood in after its command. */
export interface RecentEvent {
  event: GameEvent;
  round: number;
}

export interface Restored {
  state: GameState;
  lastSeq: number;
  lastAt: number;
  /** The latest events, enough to rebuild the public feed players were looking at. */
  recent: RecentEvent[];
}

/** Far more than the feed shows, since lookups and round-end pulls never reach it. */
const RECENT_KEPT = 400;

/** Rebuilds a session's state from its log, refusing a log written under other rules. */
export function restoreSession(stored: SessionMeta, entries: LogEntry[]): Restored | ReplayProblem {
  const opened = openLog({ meta: stored, commands: entries });
  if ("code" in opened) return opened;
  const { meta, commands: log } = opened;
  const recent: RecentEvent[] = [];
  let round = 0;
  const core = new SessionCore(initialState(meta.config, meta.seed, meta.rulesVersion), {
    project(events) {
      for (const e of events) if (e.type === "phase") round = e.round;
      for (const event of events) recent.push({ event, round });
      if (recent.length > 2 * RECENT_KEPT) recent.splice(0, recent.length - RECENT_KEPT);
    },
  });
  for (const { command } of log) core.replay(command);
  const last = log.at(-1);
  return { state: core.game, lastSeq: last?.seq ?? 0, lastAt: last?.command.at ?? meta.createdAt, recent: recent.slice(-RECENT_KEPT) };
}
