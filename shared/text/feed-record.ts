import type { FeedLine as FeedRecord } from "../messages/messages.ts";
import type { GameEvent } from "../rules/events.ts";
import type { FeedEntry } from "./feed.ts";

type Fields = Omit<FeedRecord, "seq" | "type" | "round"> & { round?: number };

/** Empty fields stay out of the record: most lines have no rule, target or delta. The time is the log's, not the feed's. */
function record(e: GameEvent, round: number, f: Fields): FeedRecord {
  const out: FeedRecord = { seq: e.seq, type: e.type, round: f.round ?? round };
  if (f.actor) out.actor = f.actor;
  if (f.target) out.target = f.target;
  if (f.action) out.action = f.action;
  if (f.rule) out.rule = f.rule;
  if (f.delta) out.delta = f.delta;
  if (f.topic) out.topic = f.topic;
  return out;
}

/**
 * An event as a line of the feed, structured (feedLine in feed.ts puts it in words), or
 * undefined for one no feed tells: what a classroom should see happen. Lookups and the
 * round-end pull of everyone stay out. The live room sends these, and the debrief replay
 * tells the recorded events through the same function. `amounts`: whether a score line
 * carries its amount (live only while scores are public; the debrief always, since the
 * facilitator sees every score).
 */
export function feedRecord(e: GameEvent, round: number, amounts: boolean): FeedRecord | undefined {
  switch (e.type) {
    case "acted":
      if (e.action === "lookup") return undefined;
      return record(e, round, { actor: e.player, target: e.target, action: e.action, topic: e.topic });
    case "score":
      if (e.cause.rule === "action" || e.cause.rule === "guilt-by-association") return undefined;
      return record(e, round, { actor: e.cause.actor, target: e.player, action: e.cause.action, rule: e.cause.rule, delta: amounts ? e.delta : 0 });
    case "friends":
      return record(e, round, { actor: e.a, target: e.b });
    case "unfriended":
      return record(e, round, { actor: e.by, target: e.other });
    case "blacklisted":
      return record(e, round, { actor: e.cause.actor, target: e.player, delta: e.on ? 1 : 0 });
    case "appeal":
      return record(e, round, { actor: e.player, delta: e.reversed ? 1 : 0 });
    case "player-joined":
    case "player-removed":
      return record(e, round, { actor: e.player });
    case "phase":
      return record(e, round, { action: e.change, round: e.round });
    case "live":
      return record(e, round, { action: e.detail.kind });
    default:
      return undefined;
  }
}

/** A feed record as a screen keeps it, absent names as "" and an absent delta as 0. */
export function feedEntry(f: FeedRecord): FeedEntry {
  return {
    seq: f.seq,
    type: f.type,
    actor: f.actor ?? "",
    target: f.target ?? "",
    action: f.action ?? "",
    rule: f.rule ?? "",
    delta: f.delta ?? 0,
    round: f.round,
  };
}
