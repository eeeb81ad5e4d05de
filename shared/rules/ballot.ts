import type { Command } from "./commands.ts";
import { reject } from "./commands.ts";
import type { Turn } from "./effects.ts";
import { emit } from "./effects.ts";
import type { BallotStage, GameState } from "./state.ts";

type Ballot = Extract<Command, { kind: "ballot" }>;

/** Fewer answers than this and the aggregate could give a player away, so it is withheld. */
const BALLOT_MIN_ANSWERS = 3;

/**
 * Which question of the secret ballot is open: the "start" one in the lobby and the first
 * round, the "end" one from the final round on (and after the game, so nobody is cut off).
 */
export function openBallot(s: GameState): BallotStage | undefined {
  if (!s.config.ballot) return undefined;
  if (s.phase === "ended" || (s.phase === "round" && s.round >= s.config.rounds)) return "end";
  if (s.phase === "lobby" || s.round === 1) return "start";
  return undefined;
}

export function checkBallot(s: GameState, c: Ballot) {
  if (!s.players[c.player]) return reject("unknown-player", "not-a-player");
  const ballot = s.config.ballot;
  if (!ballot) return reject("ballot-closed", "no-ballot");
  if (openBallot(s) !== c.stage) return reject("ballot-closed", "ballot-not-open", { stage: c.stage });
  if (s.ballots[c.stage].voters.includes(c.player)) return reject("already-answered", "already-answered");
  if (!Number.isInteger(c.answer) || c.answer < 0 || c.answer >= ballot.options.length) return reject("bad-option", "choose-answer");
  return undefined;
}

/** Counts an answer; the state keeps who answered and the totals, never who chose what. */
export function runBallot(t: Turn, c: Ballot): void {
  const box = t.s.ballots[c.stage];
  box.voters.push(c.player);
  box.counts[c.answer] += 1;
  emit(t, { type: "ballot-answered", player: c.player, stage: c.stage });
}

/** The secret ballot's aggregate after the game, beside the public record of posts per round. */
export interface BallotRecord {
  startResults: number[];
  endResults: number[];
  approvedPosts: number[];
  opinionPosts: number[];
}

/** The aggregate the debrief shows, or null while the game runs or when too few answered to keep it secret. */
export function ballotResults(s: GameState, stage: BallotStage): number[] | null {
  const box = s.ballots[stage];
  if (s.phase !== "ended" || box.voters.length < BALLOT_MIN_ANSWERS) return null;
  return [...box.counts];
}

/**
 * What the debrief sets side by side once the game is over: each question's totals (empty
 * where withheld) and the posts per round, approved against unapproved opinions.
 */
export function ballotRecord(s: GameState): BallotRecord {
  const approved = Array.from({ length: s.round }, () => 0);
  const opinion = Array.from({ length: s.round }, () => 0);
  for (const post of s.posts) (post.action === "share-approved" ? approved : opinion)[post.round - 1] += 1;
  return { startResults: ballotResults(s, "start") ?? [], endResults: ballotResults(s, "end") ?? [], approvedPosts: approved, opinionPosts: opinion };
}
