import type { BallotConfig, ScenarioInfo, ScheduledEvent, Topic, Visibility, VoteOption } from "./live/types.ts";

/** Every number of the game, per session. Defaults follow GAME.md. */
export const ACTION_NAMES = [
  "share-approved",
  "post-opinion",
  "buy-games",
  "buy-responsible",
  "pay-bill",
  "default-debt",
  "volunteer",
  "lookup",
  "friend-request",
  "accept-friend",
  "decline-friend",
  "unfriend",
  "vouch",
  "report",
  "brag",
  "appeal",
] as const;
export type ActionName = (typeof ACTION_NAMES)[number];

/**
 * The debrief's grade of an action: documented as the game does it ("real"), a real mechanism
 * the game changes ("partly"), sources in conflict or only an anecdote ("disputed"), no evidence
 * or contradicted ("myth"), or a mechanic that imitates nothing ("game").
 */
export const TRUTHS = ["real", "partly", "disputed", "myth", "game"] as const;
export type Truth = (typeof TRUTHS)[number];

export interface ActionConfig {
  /** Points the actor gains or loses. */
  self: number;
  /** Points each of the actor's friends gains or loses (spillover). */
  friends: number;
  /** Points the target gains or loses, for actions aimed at someone. */
  target: number;
  /** Action points it costs. */
  cost: number;
  /** How far real systems did this, as the debrief grades it from its sources (shared/content/real-vs-myth.ts). */
  truth: Truth;
  /** Blacklisted players may not do it (luxury spending, vouching, bragging). */
  blockedWhenBlacklisted: boolean;
  /** Whether the scenario offers this action at all. */
  enabled: boolean;
}

export interface GameConfig {
  scoreMin: number;
  scoreMax: number;
  startScore: number;
  /** Tier thresholds: score >= visa, >= travel; below restricted. */
  visaAt: number;
  travelAt: number;
  restrictedBelow: number;
  rounds: number;
  roundSeconds: number;
  actionPoints: number;
  /** Extra action points per round for visa holders, fewer for the restricted ("slower service"). */
  visaBonusPoints: number;
  restrictedPenaltyPoints: number;
  /** Guilt by association: at round end, score += friendWeight * (mean friends' score - friendPivot). */
  friendWeight: number;
  friendPivot: number;
  /** Vouching: both at or above vouchBothAt gain; a target below vouchRiskBelow costs the voucher. */
  vouchBothAt: number;
  vouchRiskBelow: number;
  vouchPenalty: number;
  bragMinScore: number;
  appealChance: number;
  allowLateJoin: boolean;
  /** Whether defaulting on a debt blacklists (false only in a counterfactual world without one). */
  blacklistOnDefault: boolean;
  actions: Record<ActionName, ActionConfig>;
  /** Action points a blacklisted player loses each round (the travel ban, "slower service"). */
  blacklistPenaltyPoints: number;
  /** Who sees scores when the game opens; live events change it. */
  visibility: Visibility;
  /** Defaults of live events, each overridable in the event itself. */
  topicBanPenalty: number;
  auditShare: number;
  auditPoints: number;
  shockBelow: number;
  voteShare: number;
  topics: Topic[];
  ballot: BallotConfig | null;
  voteMenu: VoteOption[];
  schedule: ScheduledEvent[];
  scenario: ScenarioInfo;
  /**
   * Only in a counterfactual world (shared/replay/counterfactual.ts), never in a played one:
   * rules no later change may move (named as a live event's setting: "friendWeight", "visaAt",
   * "actions.report.self"), whether the change is planned, voted or made by hand.
   */
  held?: string[];
  /** Only in a counterfactual world: there is no blacklist, so nobody is ever put on it. */
  noBlacklist?: boolean;
}

function action(self: number, truth: ActionConfig["truth"], extra: Partial<ActionConfig> = {}): ActionConfig {
  return { self, friends: 0, target: 0, cost: 1, truth, blockedWhenBlacklisted: false, enabled: true, ...extra };
}

export const DEFAULT_CONFIG: GameConfig = {
  scoreMin: 350,
  scoreMax: 950,
  startScore: 600,
  visaAt: 750,
  travelAt: 700,
  restrictedBelow: 450,
  rounds: 5,
  roundSeconds: 90,
  actionPoints: 3,
  visaBonusPoints: 1,
  restrictedPenaltyPoints: 1,
  friendWeight: 0.1,
  friendPivot: 650,
  vouchBothAt: 650,
  vouchRiskBelow: 550,
  vouchPenalty: -10,
  bragMinScore: 700,
  appealChance: 0.5,
  allowLateJoin: true,
  blacklistOnDefault: true,
  actions: {
    "share-approved": action(10, "myth"),
    "post-opinion": action(-40, "myth", { friends: -10 }),
    "buy-games": action(-15, "disputed", { blockedWhenBlacklisted: true }),
    "buy-responsible": action(5, "disputed"),
    "pay-bill": action(15, "real"),
    "default-debt": action(-30, "real"),
    volunteer: action(20, "real"),
    lookup: action(0, "partly"),
    "friend-request": action(0, "disputed"),
    "accept-friend": action(0, "disputed", { cost: 0 }),
    "decline-friend": action(0, "disputed", { cost: 0 }),
    unfriend: action(-5, "disputed"),
    vouch: action(5, "partly", { target: 5, blockedWhenBlacklisted: true }),
    report: action(15, "partly", { target: -25 }),
    brag: action(5, "real", { blockedWhenBlacklisted: true }),
    appeal: action(0, "real"),
  },
  blacklistPenaltyPoints: 0,
  visibility: "public",
  topicBanPenalty: 30,
  auditShare: 0.2,
  auditPoints: 30,
  shockBelow: 500,
  voteShare: 0.2,
  topics: [],
  ballot: null,
  voteMenu: [],
  schedule: [],
  scenario: {
    id: "free-play",
    title: "Free play",
    description: "The default rules with public scores and no planned events: the facilitator triggers every event by hand.",
    sources: [],
    debriefPrompts: ["Which action did you take most, and why?", "When did you first change what you did because of someone else's score?"],
    labels: {},
  },
};

/** A config from defaults plus overrides; actions merge one level deep. */
export function makeConfig(
  overrides: Partial<Omit<GameConfig, "actions">> & { actions?: Partial<Record<ActionName, Partial<ActionConfig>>> } = {},
): GameConfig {
  const { actions = {}, ...rest } = overrides;
  const merged = { ...DEFAULT_CONFIG.actions };
  for (const name of ACTION_NAMES) merged[name] = { ...merged[name], ...actions[name] };
  return { ...DEFAULT_CONFIG, ...rest, actions: merged };
}
