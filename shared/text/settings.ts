import { type MessageKey, t } from "../i18n/index.ts";
import type { EffectField, ThresholdName } from "../rules/live/types.ts";

/** How a number is written and entered: a score (with the scenario's divisor), points, a share shown as a percentage, … */
export type NumberKind = "score" | "points" | "count" | "seconds" | "share" | "weight";

export interface NumberText {
  label: string;
  kind: NumberKind;
  /** One line for the host page, where the label alone would not say enough. */
  help?: string;
}

export type NumberName =
  | "rounds"
  | "roundSeconds"
  | "actionPoints"
  | "scoreMin"
  | "scoreMax"
  | "startScore"
  | "visaAt"
  | "travelAt"
  | "restrictedBelow"
  | "visaBonusPoints"
  | "restrictedPenaltyPoints"
  | "blacklistPenaltyPoints"
  | "friendWeight"
  | "friendPivot"
  | "vouchBothAt"
  | "vouchRiskBelow"
  | "vouchPenalty"
  | "bragMinScore"
  | "appealChance"
  | "topicBanPenalty"
  | "auditShare"
  | "auditPoints"
  | "shockBelow"
  | "voteShare";

const NUMBER_KIND: Record<NumberName, NumberKind> = {
  rounds: "count",
  roundSeconds: "seconds",
  actionPoints: "count",
  scoreMin: "score",
  scoreMax: "score",
  startScore: "score",
  visaAt: "score",
  travelAt: "score",
  restrictedBelow: "score",
  visaBonusPoints: "count",
  restrictedPenaltyPoints: "count",
  blacklistPenaltyPoints: "count",
  friendWeight: "weight",
  friendPivot: "score",
  vouchBothAt: "score",
  vouchRiskBelow: "score",
  vouchPenalty: "points",
  bragMinScore: "score",
  appealChance: "share",
  topicBanPenalty: "points",
  auditShare: "share",
  auditPoints: "points",
  shockBelow: "score",
  voteShare: "share",
};

/** The numbers with a line of help on the host page, where the label alone would not say enough. */
const HELPED = new Set<NumberName>(["friendWeight", "friendPivot"]);

/**
 * The numbers of a scenario a host may adjust, named for people (the `numbers` of GET
 * /api/scenarios): labels in the device's language, read when drawn.
 */
export const NUMBER_TEXT = Object.fromEntries(
  (Object.keys(NUMBER_KIND) as NumberName[]).map((name) => [
    name,
    {
      kind: NUMBER_KIND[name],
      get label() {
        return t(`feed.number.${name}`);
      },
      get help() {
        return HELPED.has(name) ? t(`feed.number-help.${name as "friendWeight"}`) : undefined;
      },
    },
  ]),
) as Record<NumberName, NumberText>;

function group(title: MessageKey, names: NumberName[]): { readonly title: string; names: NumberName[] } {
  return {
    names,
    get title() {
      return t(title);
    },
  };
}

/** The host page's groups of numbers, in order; the first is open, the rest fold away. */
export const NUMBER_GROUPS: { readonly title: string; names: NumberName[] }[] = [
  group("feed.number-group.pace", ["rounds", "roundSeconds", "actionPoints", "friendWeight"]),
  group("feed.number-group.scores", [
    "scoreMin",
    "scoreMax",
    "startScore",
    "visaAt",
    "travelAt",
    "restrictedBelow",
    "visaBonusPoints",
    "restrictedPenaltyPoints",
    "blacklistPenaltyPoints",
  ]),
  group("feed.number-group.friends", ["friendPivot", "vouchBothAt", "vouchRiskBelow", "vouchPenalty", "bragMinScore", "appealChance"]),
  group("feed.number-group.live", ["topicBanPenalty", "auditShare", "auditPoints", "shockBelow", "voteShare"]),
];

/** What a change of each threshold means, as the banner's headline: "The visa fast-track now needs 800". */
export const THRESHOLD_HEADLINE: Record<ThresholdName, (value: string) => string> = {
  visaAt: (value) => t("feed.threshold.visaAt", { value }),
  travelAt: (value) => t("feed.threshold.travelAt", { value }),
  restrictedBelow: (value) => t("feed.threshold.restrictedBelow", { value }),
  bragMinScore: (value) => t("feed.threshold.bragMinScore", { value }),
  vouchBothAt: (value) => t("feed.threshold.vouchBothAt", { value }),
  vouchRiskBelow: (value) => t("feed.threshold.vouchRiskBelow", { value }),
  shockBelow: (value) => t("feed.threshold.shockBelow", { value }),
};

/** An action's number as a rule change names it, in the device's language, read when drawn. */
export const EFFECT_TEXT: Readonly<Record<EffectField, string>> = {
  get self() {
    return t("feed.effect-field.self");
  },
  get friends() {
    return t("feed.effect-field.friends");
  },
  get target() {
    return t("feed.effect-field.target");
  },
  get cost() {
    return t("feed.effect-field.cost");
  },
};
