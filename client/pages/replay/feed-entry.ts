import type { GameEvent } from "../../../shared/rules/events.ts";
import type { FeedEntry } from "../../../shared/text/feed.ts";

type Fields = Partial<Omit<FeedEntry, "seq" | "at" | "type">>;

function entry(e: GameEvent, f: Fields): FeedEntry {
  return { seq: e.seq, type: e.type, actor: "", target: "", action: "", rule: "", delta: 0, round: 0, ...f };
}

/**
 * A recorded event as a feed line, the way the live room tells it, except that the debrief
 * always shows amounts: the facilitator sees every score. Live events and settings have
 * their own sentences (moment-text.ts) and no feed line here.
 */
export function feedEntryOf(e: GameEvent): FeedEntry | undefined {
  switch (e.type) {
    case "acted":
      return entry(e, { actor: e.player, target: e.target ?? "", action: e.action });
    case "score":
      return entry(e, { actor: e.cause.actor ?? "", target: e.player, action: e.cause.action ?? "", rule: e.cause.rule, delta: e.delta });
    case "friends":
      return entry(e, { actor: e.a, target: e.b });
    case "unfriended":
      return entry(e, { actor: e.by, target: e.other });
    case "blacklisted":
      return entry(e, { actor: e.cause.actor ?? "", target: e.player, delta: e.on ? 1 : 0 });
    case "appeal":
      return entry(e, { actor: e.player, delta: e.reversed ? 1 : 0 });
    case "player-joined":
    case "player-removed":
      return entry(e, { actor: e.player });
    case "phase":
      return entry(e, { action: e.change, round: e.round });
    default:
      return undefined;
  }
}
