import type { Turn } from "./effects.ts";
import { changeScore, emit } from "./effects.ts";
import type { GameState, PlayerData } from "./state.ts";
import { friendsOf, tierOf } from "./state.ts";
import { fireDue, fireRestOfRound, skipPast } from "./live/schedule.ts";
import { closeVote } from "./live/vote.ts";

/** Action points for a new round: the base, plus the visa fast track, minus "slower service" and the travel ban. */
export function roundActionPoints(s: GameState, p: PlayerData): number {
  const c = s.config;
  const tier = tierOf(p.score, c);
  const bonus = tier === "visa" ? c.visaBonusPoints : tier === "restricted" ? -c.restrictedPenaltyPoints : 0;
  const ban = p.blacklisted ? c.blacklistPenaltyPoints : 0;
  return Math.max(1, c.actionPoints + bonus - ban);
}

export function startRound(t: Turn): void {
  const s = t.s;
  s.round += 1;
  s.phase = "round";
  s.paused = false;
  s.roundEndsAt = t.at + s.config.roundSeconds * 1000;
  s.remainingMs = 0;
  for (const p of Object.values(s.players)) p.actionPoints = roundActionPoints(s, p);
  emit(t, { type: "phase", phase: "round", round: s.round, paused: false, change: "round-started" });
  skipPast(s);
  fireDue(t);
}

/**
 * Guilt by association: everyone moves toward their friends' mean, all at once from the
 * scores as they stood when the round ended.
 */
function pullTowardFriends(t: Turn): void {
  const s = t.s;
  const { friendWeight, friendPivot } = s.config;
  if (friendWeight === 0) return;
  const before: Record<string, number> = {};
  for (const p of Object.values(s.players)) before[p.id] = p.score;
  for (const p of Object.values(s.players)) {
    const friends = friendsOf(s, p.id);
    if (friends.length === 0) continue;
    let sum = 0;
    for (const f of friends) sum += before[f];
    const delta = Math.round(friendWeight * (sum / friends.length - friendPivot));
    changeScore(t, p.id, delta, { rule: "guilt-by-association" });
  }
}

export function endRound(t: Turn, opts: { final?: boolean } = {}): void {
  const s = t.s;
  if (!opts.final) fireRestOfRound(t);
  closeVote(t, true);
  pullTowardFriends(t);
  for (const p of Object.values(s.players)) p.actionPoints = 0;
  emit(t, { type: "phase", phase: "round", round: s.round, paused: false, change: "round-ended" });
  if (opts.final || s.round >= s.config.rounds) endGame(t);
  else startRound(t);
}

export function endGame(t: Turn): void {
  const s = t.s;
  closeVote(t, true);
  s.phase = "ended";
  s.paused = false;
  s.remainingMs = 0;
  emit(t, { type: "phase", phase: "ended", round: s.round, paused: false, change: "ended" });
}
