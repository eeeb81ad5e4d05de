import type { BallotRecord } from "../rules/ballot.ts";
import type { BallotConfig } from "../rules/live/types.ts";

export type { BallotRecord };

function percent(part: number, whole: number): string {
  return `${Math.round((100 * part) / whole)}%`;
}

function sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

/** The answers counted as "against": the first half of the options, which run from most against by convention. */
function againstOptions(ballot: BallotConfig): string[] {
  return ballot.options.slice(0, Math.max(1, Math.floor(ballot.options.length / 2)));
}

/** Share of answers "against", or null when the stage's totals were withheld (too few answers to keep them secret). */
function againstShare(ballot: BallotConfig, results: readonly number[]): { part: number; whole: number } | null {
  const whole = sum(results);
  if (results.length === 0 || whole === 0) return null;
  return { part: sum(results.slice(0, againstOptions(ballot).length)), whole };
}

/**
 * The "public vs private" gap in two sentences: what players answered in private, and what they
 * posted in public.
 */
export function gapSentences(ballot: BallotConfig, r: BallotRecord): { private: string; public: string } {
  const words = againstOptions(ballot)
    .map((o) => `“${o}”`)
    .join(" or ");
  const start = againstShare(ballot, r.startResults);
  const end = againstShare(ballot, r.endResults);
  let priv = "Too few answered the private question to show its totals without giving someone away.";
  if (end && start) priv = `In private, ${percent(end.part, end.whole)} answered ${words} at the end, ${percent(start.part, start.whole)} at the start.`;
  else if (end) priv = `In private, ${percent(end.part, end.whole)} answered ${words} at the end.`;
  else if (start) priv = `In private, ${percent(start.part, start.whole)} answered ${words} at the start.`;
  const opinions = sum(r.opinionPosts);
  const posts = opinions + sum(r.approvedPosts);
  if (posts === 0) return { private: priv, public: "In public, nobody posted anything." };
  const rounds = r.opinionPosts.map((o, i) => ({ round: i + 1, o, n: o + (r.approvedPosts[i] ?? 0) })).filter((x) => x.n > 0);
  const first = rounds[0];
  const last = rounds[rounds.length - 1];
  const trend = rounds.length > 1 ? `: ${percent(first.o, first.n)} in round ${first.round}, ${percent(last.o, last.n)} in round ${last.round}` : "";
  return { private: priv, public: `In public, ${percent(opinions, posts)} of posts were unapproved opinions (${opinions} of ${posts})${trend}.` };
}

/** Who set a live event going, and when: "planned by the scenario, round 4 at 6:10". */
export function liveCauseText(scheduled: boolean, round: number, clock: string): string {
  return `${scheduled ? "Planned by the scenario" : "Run by the facilitator"}, round ${round} at ${clock}`;
}

/** The audit's deliberate mistake and what came of it; `clock` says when the appeal was. */
export function mistakeSentence(nickname: string, appeal: { at: number; reversed: boolean } | null, clock: (at: number) => string): string {
  const hit = `The audit's deliberate mistake hit ${nickname}`;
  if (!appeal) return `${hit}, who never appealed: the wrong deduction stood.`;
  return `${hit}, who appealed at ${clock(appeal.at)} and ${appeal.reversed ? "got the points back" : "lost the appeal"}.`;
}
