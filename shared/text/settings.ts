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

/** The numbers of a scenario a host may adjust, named for people (the `numbers` of GET /api/scenarios). */
export const NUMBER_TEXT: Record<NumberName, NumberText> = {
  rounds: { label: "Rounds", kind: "count" },
  roundSeconds: { label: "Seconds per round", kind: "seconds" },
  actionPoints: { label: "Action points per round", kind: "count" },
  scoreMin: { label: "Lowest score", kind: "score" },
  scoreMax: { label: "Highest score", kind: "score" },
  startScore: { label: "Starting score", kind: "score" },
  visaAt: { label: "Visa fast-track from", kind: "score" },
  travelAt: { label: "Travel permit from", kind: "score" },
  restrictedBelow: { label: "Restricted below", kind: "score" },
  visaBonusPoints: { label: "Extra action points at the top tier", kind: "count" },
  restrictedPenaltyPoints: { label: "Action points lost when restricted", kind: "count" },
  blacklistPenaltyPoints: { label: "Action points lost when blacklisted", kind: "count" },
  friendWeight: {
    label: "Friend weight",
    kind: "weight",
    help: "Guilt by association: each round's end moves a score by this share of the friends' mean minus the pivot.",
  },
  friendPivot: { label: "Friend pivot", kind: "score", help: "Friends above it lift you; below it they drag you down." },
  vouchBothAt: { label: "Vouching pays when both have", kind: "score" },
  vouchRiskBelow: { label: "Vouching costs for friends below", kind: "score" },
  vouchPenalty: { label: "Cost of a risky vouch", kind: "points" },
  bragMinScore: { label: "Score needed to brag", kind: "score" },
  appealChance: { label: "Chance an appeal succeeds", kind: "share" },
  topicBanPenalty: { label: "Penalty per post on a banned topic", kind: "points" },
  auditShare: { label: "Share of players audited", kind: "share" },
  auditPoints: { label: "Points an audit takes", kind: "points" },
  shockBelow: { label: "Blacklist shock below", kind: "score" },
  voteShare: { label: "Share of top players who vote", kind: "share" },
};

/** The host page's groups of numbers, in order; the first is open, the rest fold away. */
export const NUMBER_GROUPS: { title: string; names: NumberName[] }[] = [
  { title: "Pace", names: ["rounds", "roundSeconds", "actionPoints", "friendWeight"] },
  {
    title: "Scores and tiers",
    names: [
      "scoreMin",
      "scoreMax",
      "startScore",
      "visaAt",
      "travelAt",
      "restrictedBelow",
      "visaBonusPoints",
      "restrictedPenaltyPoints",
      "blacklistPenaltyPoints",
    ],
  },
  { title: "Friends, vouching and appeals", names: ["friendPivot", "vouchBothAt", "vouchRiskBelow", "vouchPenalty", "bragMinScore", "appealChance"] },
  { title: "Live events", names: ["topicBanPenalty", "auditShare", "auditPoints", "shockBelow", "voteShare"] },
];

/** What a change of each threshold means, as the banner's headline: "The visa fast-track now needs 800". */
export const THRESHOLD_HEADLINE: Record<ThresholdName, (value: string) => string> = {
  visaAt: (v) => `The visa fast-track now needs ${v}`,
  travelAt: (v) => `A travel permit now needs ${v}`,
  restrictedBelow: (v) => `Restrictions now start below ${v}`,
  bragMinScore: (v) => `Bragging now needs ${v}`,
  vouchBothAt: (v) => `Vouching now pays when both have ${v}`,
  vouchRiskBelow: (v) => `Vouching for anyone below ${v} now costs you`,
  shockBelow: (v) => `The blacklist line is now ${v}`,
};

/** An action's number as a rule change names it. */
export const EFFECT_TEXT: Record<EffectField, string> = {
  self: "points to you",
  friends: "points to each friend",
  target: "points to the target",
  cost: "action points it costs",
};
