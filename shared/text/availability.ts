import { checkStanding } from "../rules/act.ts";
import type { Standing } from "../rules/actions/types.ts";
import type { RejectionCode } from "../rules/commands.ts";
import type { ActionName, GameConfig } from "../rules/config.ts";
import { actionLabel } from "./actions.ts";
import { blacklistName, formatScore } from "./score.ts";

/** What a player's screen knows about them and the game, enough to grey out a button. */
export type ActorStatus = Standing;

/** The rules' refusals in a button's words: short, and in the scenario's own names and units. */
const REASON: Partial<Record<RejectionCode, (c: GameConfig) => string>> = {
  "not-in-round": () => "Wait for the facilitator to start the round.",
  "game-ended": () => "The game has ended.",
  paused: () => "The facilitator has paused the game.",
  "action-unavailable": () => "Not part of this scenario.",
  "no-action-points": () => "No action points left this round.",
  blacklisted: (c) => `${blacklistName(c)}: “${actionLabel("pay-bill", c)}” lifts it.`,
  "scores-hidden": () => "Scores are hidden: there is nothing to look up.",
  "not-eligible": (c) => `Needs a score of ${formatScore(c.bragMinScore, c)} to brag.`,
};

/**
 * Why a button is disabled right now, or undefined when it may be pressed: the rules' own
 * check of the actor's standing (checkStanding), said for a button. This only spares the
 * player a refused click: the server's rules still decide, with the target and the topic,
 * and their refusal is shown.
 */
export function whyNot(action: ActionName, me: ActorStatus, c: GameConfig): string | undefined {
  const refused = checkStanding(action, me, c);
  return refused && (REASON[refused.code]?.(c) ?? refused.message);
}
