import type { GameEvent } from "../../shared/rules/events.ts";
import type { PlayerId } from "../../shared/rules/state.ts";

/**
 * Adds the players an event changes to `touched`, for the projection and the private
 * messages; returns true when it can change anyone: a round or phase change (points refill,
 * the clock), a rule or setting change (tiers move with thresholds), a live event (who sees
 * scores, sweeps), a removal (others' friend counts and requests). Unknown kinds count as
 * everyone, so a new event type can only cost time, never a stale screen.
 */
export function touchedBy(e: GameEvent, touched: Set<PlayerId>): boolean {
  switch (e.type) {
    case "player-joined":
    case "score":
    case "blacklisted":
    case "acted":
    case "appeal":
    case "voted":
    case "ballot-answered":
    case "score-shown":
      touched.add(e.player);
      return false;
    case "friends":
      touched.add(e.a).add(e.b);
      return false;
    case "unfriended":
      touched.add(e.by).add(e.other);
      return false;
    case "friend-requested":
    case "friend-declined":
      touched.add(e.from).add(e.to);
      return false;
    case "looked-up":
      touched.add(e.by).add(e.target);
      return false;
    case "locked":
      return false;
    default:
      return true;
  }
}

/** The players a batch of events touched, or true for everyone. */
export function touchedByAll(events: readonly GameEvent[], into = new Set<PlayerId>()): Set<PlayerId> | true {
  let everyone = false;
  for (const e of events) if (touchedBy(e, into)) everyone = true;
  return everyone ? true : into;
}
