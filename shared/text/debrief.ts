import type { BallotConfig } from "../rules/live/types.ts";

/** The secret ballot's aggregate after the game, beside the public record of posts per round. */
export interface BallotRecord {
  startResults: number[];
  endResults: number[];
  approvedPosts: number[];
  opinionPosts: number[];
}

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
  const words = againstOptions(ballot).map((o) => `“${o}”`).join(" or ");
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
