import { ballotRecord, type BallotRecord } from "../rules/ballot.ts";
import type { EventOf } from "../rules/events.ts";
import type { LiveDetail } from "../rules/live/types.ts";
import type { PlayerId } from "../rules/state.ts";
import type { Replay } from "./replay-index.ts";
import { roundOfEvent } from "./seek.ts";

/** A live event as the record holds it: when, in which round, and whether the scenario planned it. */
export interface LiveCause {
  event: number;
  at: number;
  round: number;
  /** True when the scenario's plan fired it; false when the facilitator did. */
  scheduled: boolean;
  detail: LiveDetail;
}

/** An appeal as the record holds it: its event, when, and whether the deduction was given back. */
export interface AppealRecord {
  event: number;
  at: number;
  reversed: boolean;
}

/** One audit and its deliberate mistake: whom it hit, and whether they appealed and won. */
export interface AuditAnswer extends LiveCause {
  points: number;
  players: PlayerId[];
  mistake: { player: PlayerId; nickname: string; deduction: number; appeal: AppealRecord | null } | null;
}

/** What the preset questions ask of the record, ready to show: the secret ballot and each audit's mistake. */
export interface DebriefAnswers {
  /** Null when the session had no secret ballot; `ended` false when the game never closed it. */
  ballot: (BallotRecord & { startAnswers: number; endAnswers: number; ended: boolean }) | null;
  audits: AuditAnswer[];
}

/** The first appeal against a deduction (a deduction can be appealed once). */
export function appealOf(r: Replay, deduction: number): AppealRecord | null {
  for (const e of r.events) if (e.type === "appeal" && e.deduction === deduction) return { event: e.seq, at: e.at, reversed: e.reversed };
  return null;
}

/**
 * The live event behind a score change made by a live rule (an audit, a topic ban, a blacklist
 * shock): the last live event of the same command before it. A planned one is fired by the
 * clock's tick, so without this the change would read as the clock's doing.
 */
export function liveCauseOf(r: Replay, commandIndex: number, eventIndex: number): LiveCause | undefined {
  for (let i = eventIndex; i >= r.commandEvents[commandIndex]; i--) {
    const e = r.events[i];
    if (e.type === "live") return liveCause(r, e);
  }
  return undefined;
}

function liveCause(r: Replay, e: EventOf<"live">): LiveCause {
  return { event: e.seq, at: e.at, round: roundOfEvent(r, e.seq), scheduled: e.scheduled, detail: e.detail };
}

/** The secret ballot's totals beside the posts, and every audit with its mistake, from one folded session. */
export function debriefAnswers(r: Replay): DebriefAnswers {
  const s = r.final;
  const ballot = r.config.ballot
    ? { ...ballotRecord(s), startAnswers: s.ballots.start.voters.length, endAnswers: s.ballots.end.voters.length, ended: s.phase === "ended" }
    : null;
  const bySeq = new Map(r.events.map((e) => [e.seq, e]));
  const audits: AuditAnswer[] = [];
  for (const e of r.events) {
    if (e.type !== "live" || e.detail.kind !== "audit") continue;
    const d = e.detail;
    const hit = d.wrong ? bySeq.get(d.wrong) : undefined;
    const mistake =
      hit?.type === "score"
        ? { player: hit.player, nickname: r.players[hit.player]?.nickname ?? hit.player, deduction: d.wrong, appeal: appealOf(r, d.wrong) }
        : null;
    audits.push({ ...liveCause(r, e), points: d.points, players: d.players, mistake });
  }
  return { ballot, audits };
}
