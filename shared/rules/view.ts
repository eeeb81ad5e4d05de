import type { GameState, PlayerData, PlayerId, Tier } from "./state.ts";
import { leaderboard, tierOf } from "./state.ts";

/**
 * What each screen may see of scores, as pure functions the server projects with. A score
 * that a screen may not see is not sent to it at all: hidden means hidden on the wire.
 *
 * - hidden: nobody sees a score, a tier, a rank or a score change; not even the owner.
 * - owner ("voluntary"): each player sees their own; a player who opts in shows theirs to all.
 * - public ("mandatory"): everyone sees every score, and the leaderboard.
 *
 * Facilitators' screens see every score whatever the mode, in a field players never receive.
 */
export interface Sight {
  score: number;
  tier: Tier;
}

/** The one definition of a public score, also for clients reading `visibility` and `showsScore` from the synced state. */
export function isScoreVisible(visibility: string, showsScore: boolean): boolean {
  return visibility === "public" || (visibility === "owner" && showsScore);
}

/** Whether every screen may see this player's score (and tier) now. */
export function scoreIsPublic(s: GameState, p: PlayerData): boolean {
  return isScoreVisible(s.visibility, p.showsScore);
}

/** Whether players may see their own score now. */
export function ownerSeesScore(s: GameState): boolean {
  return s.visibility !== "hidden";
}

/** The score and tier every screen receives for this player, or null when they are not public. */
export function publicSight(s: GameState, p: PlayerData): Sight | null {
  return scoreIsPublic(s, p) ? { score: p.score, tier: tierOf(p.score, s.config) } : null;
}

/** What the player sees of their own score, or null while scores are hidden. */
export function ownSight(s: GameState, p: PlayerData): Sight | null {
  return ownerSeesScore(s) ? { score: p.score, tier: tierOf(p.score, s.config) } : null;
}

/** The public ranking: the whole leaderboard when scores are public, nothing otherwise. */
export function publicLeaderboard(s: GameState): PlayerId[] {
  return s.visibility === "public" ? leaderboard(s) : [];
}

/** Whether the amounts of score changes may appear in the public feed. */
export function publicDeltas(s: GameState): boolean {
  return s.visibility === "public";
}
