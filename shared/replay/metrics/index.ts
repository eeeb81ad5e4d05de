import type { Replay } from "../replay-index.ts";
import type { Visibility } from "../../rules/live/types.ts";
import { Conformity, type PostCounts, type RuleChange } from "./conformity.ts";
import { DissentSpread, type DissentBin } from "./dissent.ts";
import { Mirror, runCollectors } from "./mirror.ts";
import { NetworkByRound, type NetworkShape } from "./network.ts";
import { PeerWatch, type Lookups, type Reports } from "./peers.ts";
import { ScoresByRound, type ScoreSpread } from "./scores.ts";
import { UnfriendingByGap, type GapBin } from "./unfriending.ts";

export type { ScoreSpread } from "./scores.ts";
export type { DissentBin, GapBin, Lookups, NetworkShape, PostCounts, Reports, RuleChange };

/** The eight debrief metrics of GAME.md for one round, as plain data for charts and export. */
export interface RoundMetrics {
  round: number;
  startAt: number;
  endAt: number | null;
  /** False for a round the log stops in (an interrupted session): its numbers are as far as it got. */
  complete: boolean;
  /** Whether players could see each other's scores on the leaderboard when the round ended. */
  leaderboardPublic: boolean;
  /** 1: unfriending against the score gap. */
  unfriending: GapBin[];
  /** 2: fragmentation and assortativity at the round's end. */
  network: NetworkShape;
  /** 3: conformity; `afterRuleChange` once the facilitator has changed a rule in an earlier round. */
  posts: PostCounts & { ruleChanges: number; afterRuleChange: boolean };
  /** 4 and 7: Gini, bunching at the travel and visa thresholds in force and tier movement, at the round's end. */
  scores: ScoreSpread;
  /** 5: lookups and whether they preceded unfriending. */
  lookups: Lookups;
  /** 6: reports and retaliation. */
  reports: Reports;
  /** 8: P(opinion | k friends posted one the round before), by k; empty in round 1. */
  dissent: DissentBin[];
}

export interface DebriefMetrics {
  rounds: RoundMetrics[];
  /** Metric 1 with all rounds pooled. */
  unfriending: GapBin[];
  /** Metric 3 around each change of the rules, over the whole session. */
  ruleChanges: RuleChange[];
  /** Metric 8 with all rounds pooled. */
  dissent: DissentBin[];
}

/** One pass over the replay's events computes every metric for every round. */
export function debriefMetrics(r: Replay): DebriefMetrics {
  const mirror = new Mirror((id) => r.players[id]?.startScore ?? r.config.startScore);
  const unfriending = new UnfriendingByGap();
  const network = new NetworkByRound();
  const conformity = new Conformity();
  const scores = new ScoresByRound(r.config);
  const peers = new PeerWatch();
  const dissent = new DissentSpread();
  runCollectors(r.events, mirror, [unfriending, network, conformity, scores, peers, dissent]);
  const visibleAtEnd = visibilityByRound(r);
  const rounds = r.rounds.map(
    (span): RoundMetrics => ({
      round: span.round,
      startAt: span.startAt,
      endAt: span.endAt ?? null,
      complete: span.endEvent !== undefined,
      leaderboardPublic: (visibleAtEnd.get(span.round) ?? r.config.visibility) === "public",
      unfriending: unfriending.rounds.get(span.round)!,
      network: network.rounds.get(span.round)!,
      posts: { ...conformity.round(span.round), ruleChanges: conformity.changesIn(span.round), afterRuleChange: conformity.after(span.round) },
      scores: scores.rounds.get(span.round)!,
      lookups: peers.lookupsIn(span.round),
      reports: peers.reportsIn(span.round),
      dissent: dissent.rounds.get(span.round) ?? [],
    }),
  );
  return { rounds, unfriending: unfriending.overall(), ruleChanges: conformity.ruleChanges(), dissent: dissent.overall() };
}

/** The score visibility in force as each round ended (or as the log stops). */
function visibilityByRound(r: Replay): Map<number, Visibility> {
  const out = new Map<number, Visibility>();
  let mode: Visibility = r.config.visibility ?? "public";
  let round = 0;
  for (const e of r.events) {
    if (e.type === "live" && e.detail.kind === "visibility") mode = e.detail.mode;
    if (e.type === "phase" && e.change === "round-started") round = e.round;
    if (e.type === "phase" && (e.change === "round-ended" || e.change === "ended")) out.set(e.round, mode);
    else if (round > 0) out.set(round, mode);
  }
  return out;
}
