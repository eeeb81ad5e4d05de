import type { ActionName, GameConfig } from "../rules/config.ts";

/** What a player's screen knows about them and the game, enough to grey out a button. */
export interface ActorStatus {
  phase: string;
  paused: boolean;
  actionPoints: number;
  blacklisted: boolean;
  score: number;
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
  if (me.actionPoints < effect.cost) return "No action points left this round.";
  if (me.blacklisted && effect.blockedWhenBlacklisted) return "Blacklisted: pay a bill on time first.";
  if (action === "brag" && me.score < c.bragMinScore) return `Needs a score of ${c.bragMinScore} to brag.`;
  return undefined;
}
