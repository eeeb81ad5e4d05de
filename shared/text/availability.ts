import { t } from "../i18n/index.ts";
import { checkStanding } from "../rules/act.ts";
import type { Standing } from "../rules/actions/types.ts";
import type { RejectionCode } from "../rules/commands.ts";
import type { ActionName, GameConfig } from "../rules/config.ts";
import { actionLabel } from "./actions.ts";
import { errorText } from "./errors.ts";
import { blacklistName, formatScore } from "./score.ts";

/** What a player's screen knows about them and the game, enough to grey out a button. */
export type ActorStatus = Standing;

/** The rules' refusals in a button's words: short, and in the scenario's own names and units. */
const REASON: Partial<Record<RejectionCode, (c: GameConfig) => string>> = {
  "not-in-round": () => t("feed.why.not-in-round"),
  "game-ended": () => t("feed.why.game-ended"),
  paused: () => t("feed.why.paused"),
  "action-unavailable": () => t("feed.why.action-unavailable"),
  "no-action-points": () => t("feed.why.no-action-points"),
  blacklisted: (c) => t("feed.why.blacklisted", { name: blacklistName(c), action: actionLabel("pay-bill", c) }),
  "scores-hidden": () => t("feed.why.scores-hidden"),
  "not-eligible": (c) => t("feed.why.not-eligible", { at: formatScore(c.bragMinScore, c) }),
};

/**
 * Why a button is disabled right now, or undefined when it may be pressed: the rules' own
 * check of the actor's standing (checkStanding), said for a button. This only spares the
 * player a refused click: the server's rules still decide, with the target and the topic,
 * and their refusal is shown.
 */
export function whyNot(action: ActionName, me: ActorStatus, c: GameConfig): string | undefined {
  const refused = checkStanding(action, me, c);
  return refused && (REASON[refused.code]?.(c) ?? errorText(refused));
}
