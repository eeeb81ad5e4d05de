import { inEnglish, t } from "../i18n/index.ts";
import { ACTION_NAMES, type ActionName, type GameConfig } from "../rules/config.ts";
import { formatDelta, formatScore, type Labelled } from "./score.ts";

export interface ActionText {
  /** The button's label, imperative. */
  label: string;
  /** What the player did, as a verb phrase after a name: "Ana posted an unapproved opinion". */
  did: string;
  /** A short glyph for buttons and the ticker. */
  icon: string;
}

const ICON: Record<ActionName, string> = {
  "share-approved": "✓",
  "post-opinion": "✎",
  "buy-games": "⚄",
  "buy-responsible": "♻",
  "pay-bill": "✉",
  "default-debt": "⚠",
  volunteer: "♥",
  lookup: "◎",
  "friend-request": "+",
  "accept-friend": "✓",
  "decline-friend": "✕",
  unfriend: "✂",
  vouch: "☂",
  report: "⚑",
  brag: "✦",
  appeal: "⚖",
};

/** Actions whose phrase can name the player they were aimed at: "reported Bo". */
const AIMED = new Set<ActionName>(["lookup", "friend-request", "accept-friend", "decline-friend", "unfriend", "vouch", "report"]);

/** Each action's glyph, and its label and deed in the device's language, read when drawn. */
export const ACTION_TEXT = Object.fromEntries(
  ACTION_NAMES.map((action) => [
    action,
    {
      icon: ICON[action],
      get label() {
        return t(`feed.action.${action}`);
      },
      get did() {
        return t(`feed.did.${action}`, { count: 1 });
      },
    },
  ]),
) as Record<ActionName, ActionText>;

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
      return t("feed.effect.lookup");
    case "friend-request":
      return t("feed.effect.friend-request");
    case "accept-friend":
    case "decline-friend":
      return t("feed.effect.free");
    case "vouch":
      return t("feed.effect.vouch", { self: signed(e.self), both: at(c.vouchBothAt), penalty: signed(c.vouchPenalty), risk: at(c.vouchRiskBelow) });
    case "appeal":
      return t("feed.effect.appeal", { chance: c.appealChance });
    case "default-debt":
      return t("feed.effect.default-debt", { delta: signed(e.self) });
    case "pay-bill":
      return t("feed.effect.pay-bill", { delta: signed(e.self) });
    case "brag":
      return t("feed.effect.brag", { delta: signed(e.self), at: at(c.bragMinScore) });
  }
  const parts = [e.target !== 0 || e.friends !== 0 ? t("feed.effect.you", { delta: signed(e.self) }) : signed(e.self)];
  if (e.target !== 0) parts.push(t("feed.effect.them", { delta: signed(e.target) }));
  if (e.friends !== 0) parts.push(t("feed.effect.friend", { delta: signed(e.friends) }));
  return parts.join(" · ");
}

/**
 * The scenario's own label for an action, where it words it otherwise than the game does (in
 * English or, once the scenario is translated, in the device's language).
 */
export function ownLabel(action: ActionName, c?: Labelled): string | undefined {
  const own = c?.scenario.labels.actions?.[action];
  return own !== undefined && own !== inEnglish(`feed.action.${action}`) && own !== t(`feed.action.${action}`) ? own : undefined;
}

/**
 * What someone did, as the words after their name: "volunteered", "reported Bo". Where the
 * scenario words an action its own way, the game's 2015 phrase would name the wrong deed (a
 * driver who declined a pickup did not buy video games), so it quotes the scenario's button:
 * "chose “Decline a long unpaid pickup”", "chose “Leave a colleague a bad review” on Bo".
 * `count`: how many did it (the verb agrees with a list of names).
 */
export function didPhrase(action: ActionName, c?: Labelled, target?: string, count = 1): string {
  const label = ownLabel(action, c);
  if (label !== undefined) return target === undefined ? t("feed.chose", { label, count }) : t("feed.chose-on", { label, target, count });
  return target !== undefined && AIMED.has(action) ? t(`feed.did-to.${action as "report"}`, { target, count }) : t(`feed.did.${action}`, { count });
}

/** What I did, in the second person: "you posted an unapproved opinion". */
export function youDid(action: ActionName, c?: Labelled): string {
  const label = ownLabel(action, c);
  return label !== undefined ? t("feed.you-chose", { label }) : t(`feed.you-did.${action}`);
}

/** "Ana posted an unapproved opinion", "Ana reported Bo", in the scenario's words when it has its own. */
export function actionSentence(actor: string, action: ActionName, target?: string, c?: Labelled): string {
  return t("feed.sentence.did", { who: actor, did: didPhrase(action, c, target) });
}

export function isActionName(x: string): x is ActionName {
  return x in ICON;
}
