import type { ActionName, GameConfig } from "../rules/config.ts";
import { formatDelta, formatScore, type Labelled } from "./score.ts";

export interface ActionText {
  /** The button's label, imperative. */
  label: string;
  /** What the player did, as a verb phrase after a name: "Ana posted an unapproved opinion". */
  did: string;
  /** For actions aimed at someone: the phrase with the target's name, "{t}" standing for it. */
  didTo?: string;
  /** A short glyph for buttons and the ticker. */
  icon: string;
}

export const ACTION_TEXT: Record<ActionName, ActionText> = {
  "share-approved": { label: "Share an approved post", did: "shared an approved post", icon: "✓" },
  "post-opinion": { label: "Post your own opinion", did: "posted an unapproved opinion", icon: "✎" },
  "buy-games": { label: "Buy video games", did: "bought video games", icon: "⚄" },
  "buy-responsible": { label: "Buy “responsible” goods", did: "bought “responsible” goods", icon: "♻" },
  "pay-bill": { label: "Pay a bill on time", did: "paid a bill on time", icon: "✉" },
  "default-debt": { label: "Default on a debt", did: "defaulted on a debt", icon: "⚠" },
  volunteer: { label: "Volunteer", did: "volunteered", icon: "♥" },
  lookup: { label: "Look up", did: "looked someone up", didTo: "looked up {t}", icon: "◎" },
  "friend-request": { label: "Add friend", did: "sent a friend request", didTo: "sent {t} a friend request", icon: "+" },
  "accept-friend": { label: "Accept", did: "accepted a friend request", didTo: "accepted {t}'s friend request", icon: "✓" },
  "decline-friend": { label: "Decline", did: "declined a friend request", didTo: "declined {t}'s friend request", icon: "✕" },
  unfriend: { label: "Unfriend", did: "unfriended someone", didTo: "unfriended {t}", icon: "✂" },
  vouch: { label: "Vouch", did: "vouched for a friend", didTo: "vouched for {t}", icon: "☂" },
  report: { label: "Report", did: "reported someone", didTo: "reported {t}", icon: "⚑" },
  brag: { label: "Brag about your score", did: "bragged about their score", icon: "✦" },
  appeal: { label: "Appeal a deduction", did: "appealed a deduction", icon: "⚖" },
};

/** Actions a player does alone, in the order the play page offers them. */
export const SOLO_ACTIONS: readonly ActionName[] = [
  "share-approved",
  "volunteer",
  "pay-bill",
  "buy-responsible",
  "brag",
  "post-opinion",
  "buy-games",
  "default-debt",
  "appeal",
];

/** Actions aimed at another player. */
export const TARGETED_ACTIONS: readonly ActionName[] = ["lookup", "friend-request", "vouch", "report", "unfriend"];

/** An action's button label in this scenario ("Complain about pay in the drivers' forum"). */
export function actionLabel(action: ActionName, c: Labelled): string {
  return c.scenario.labels.actions?.[action] ?? ACTION_TEXT[action].label;
}

/** What an action does to scores under a config, for the button's second line. */
export function effectText(action: ActionName, c: GameConfig): string {
  const e = c.actions[action];
  const signed = (n: number) => formatDelta(n, c);
  const at = (n: number) => formatScore(n, c);
  switch (action) {
    case "lookup":
      return "Free of points; they see who looked";
    case "friend-request":
      return "Friends share each other's fate";
    case "accept-friend":
    case "decline-friend":
      return "Free";
    case "vouch":
      return `${signed(e.self)} each if both ≥ ${at(c.vouchBothAt)}; ${signed(c.vouchPenalty)} if they're < ${at(c.vouchRiskBelow)}`;
    case "appeal":
      return `${Math.round(c.appealChance * 100)}%: your last loss undone`;
    case "default-debt":
      return `${signed(e.self)} and blacklisted`;
    case "pay-bill":
      return `${signed(e.self)}, lifts a blacklist`;
    case "brag":
      return `${signed(e.self)}, needs ${at(c.bragMinScore)}+`;
  }
  const parts = [e.target !== 0 || e.friends !== 0 ? `${signed(e.self)} you` : signed(e.self)];
  if (e.target !== 0) parts.push(`${signed(e.target)} them`);
  if (e.friends !== 0) parts.push(`${signed(e.friends)} each friend`);
  return parts.join(" · ");
}

/** The scenario's own label for an action, where it words it otherwise than the game does. */
export function ownLabel(action: ActionName, c?: Labelled): string | undefined {
  const own = c?.scenario.labels.actions?.[action];
  return own !== undefined && own !== ACTION_TEXT[action].label ? own : undefined;
}

/**
 * What someone did, as the words after their name: "volunteered", "reported Bo". Where the
 * scenario words an action its own way, the game's 2015 phrase would name the wrong deed (a
 * driver who declined a pickup did not buy video games), so it quotes the scenario's button:
 * "chose “Decline a long unpaid pickup”", "chose “Leave a colleague a bad review” on Bo".
 */
export function didPhrase(action: ActionName, c?: Labelled, target?: string): string {
  const own = ownLabel(action, c);
  if (own !== undefined) return `chose “${own}”${target === undefined ? "" : ` on ${target}`}`;
  const t = ACTION_TEXT[action];
  return target !== undefined && t.didTo ? t.didTo.replace("{t}", target) : t.did;
}

/** "Ana posted an unapproved opinion", "Ana reported Bo", in the scenario's words when it has its own. */
export function actionSentence(actor: string, action: ActionName, target?: string, c?: Labelled): string {
  return `${actor} ${didPhrase(action, c, target)}`;
}

export function isActionName(x: string): x is ActionName {
  return x in ACTION_TEXT;
}
