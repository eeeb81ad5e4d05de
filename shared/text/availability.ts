import type { ActionName, GameConfig } from "../rules/config.ts";
import { actionLabel } from "./actions.ts";
import { blacklistName, formatScore } from "./score.ts";

/** What a player's screen knows about them and the game, enough to grey out a button. */
export interface ActorStatus {
  phase: string;
  paused: boolean;
  actionPoints: number;
  blacklisted: boolean;
  /** Null while the player may not see their own score: the server alone decides then. */
  score: number | null;
  /** Scores are hidden: there is nothing to look up. */
  scoresHidden?: boolean;
}

/**
 * Why a button is disabled right now, or undefined when it may be pressed. This only spares
 * the player a refused click: the server's rules still decide, and their refusal is shown.
 */
export function whyNot(action: ActionName, me: ActorStatus, c: GameConfig): string | undefined {
  if (me.phase === "lobby") return "Wait for the facilitator to start the round.";
  if (me.phase === "ended") return "The game has ended.";
  if (me.paused) return "The facilitator has paused the game.";
  const effect = c.actions[action];
  if (!effect.enabled) return "Not part of this scenario.";
  if (me.actionPoints < effect.cost) return "No action points left this round.";
  if (me.blacklisted && effect.blockedWhenBlacklisted) return `${blacklistName(c)}: “${actionLabel("pay-bill", c)}” lifts it.`;
  if (action === "lookup" && me.scoresHidden) return "Scores are hidden: there is nothing to look up.";
  if (action === "brag" && me.score !== null && me.score < c.bragMinScore) return `Needs a score of ${formatScore(c.bragMinScore, c)} to brag.`;
  return undefined;
}
