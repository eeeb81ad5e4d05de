import type { CauseChain, ConfigChanges, Counterfactual, DebriefMetrics, KeyMoment, ReplayPlayer, RoundSpan } from "../../../shared/replay/index.ts";
import type { AuditAnswer, DebriefAnswers } from "../../../shared/replay/debrief-answers.ts";
import type { Locale } from "../../../shared/i18n/index.ts";
import type { GameConfig } from "../../../shared/rules/config.ts";
import type { GameEvent, ScoreRule } from "../../../shared/rules/events.ts";
import type { LiveDetail, Visibility } from "../../../shared/rules/live/types.ts";
import type { WhatIfText } from "../../../shared/text/what-if.ts";
import type { PlayerInfo, SessionInfo } from "../../view/classroom-view.ts";

/**
 * What the page and the replay worker say to each other. The worker folds the log with the
 * rules and seeks; the page only draws, so scrubbing a 300-player session never blocks a frame.
 */
export type World = "recorded" | "other";

/** The rules a score line can name, by index, so a line travels as typed arrays. */
export const LINE_RULES: readonly (ScoreRule | "joined")[] = [
  "joined",
  "action",
  "friend-spillover",
  "vouch",
  "vouch-risk",
  "reported",
  "guilt-by-association",
  "appeal-upheld",
  "topic-ban",
  "audit",
  "blacklist-shock",
];

/** One player's score line: the score after each change, when, by which event and rule. */
export interface Line {
  id: string;
  at: Float64Array;
  score: Float64Array;
  event: Int32Array;
  rule: Uint8Array;
  /** Whose action moved it (an index into Loaded.players, -1 for none) and which action (into ACTION_NAMES, -1). */
  actor: Int32Array;
  action: Int8Array;
}

/**
 * A key moment; a rule change that a live event made (a vote, a topic ban) carries what it did.
 * A live event says whether the scenario planned it, and an audit carries its mistake.
 */
export type Moment = KeyMoment & { live?: LiveDetail; scheduled?: boolean; audit?: AuditAnswer };

export interface Loaded {
  code: string;
  createdAt: number;
  config: GameConfig;
  /** The rules in force from each moment on (`at` in ms; the first from the start): thresholds and labels as they stood then. */
  rules: { at: number; config: GameConfig }[];
  players: ReplayPlayer[];
  rounds: RoundSpan[];
  /** The span the timeline covers (ms): from just before the first round to the last command. */
  from: number;
  to: number;
  moments: Moment[];
  metrics: DebriefMetrics;
  /** The secret ballot and the audits' mistakes, which the scenario's questions ask about. */
  answers: DebriefAnswers;
  lines: Line[];
  commands: number;
  events: number;
}

/** The game at one moment, as the view interface wants it. */
export interface Frame {
  at: number;
  session: SessionInfo;
  secondsLeft: number;
  players: PlayerInfo[];
  friendships: [string, string][];
  leaderboard: string[];
  /** The latest events worth a line in the feed, oldest first. */
  recent: GameEvent[];
  /** Who could see scores at that moment (the replay always shows them all). */
  visibility: Visibility;
  /** The rules in force at that moment, when they differ from the last frame's. */
  config?: GameConfig;
}

export type WhatIf = Omit<Counterfactual, "log" | "recorded" | "counterfactual"> & {
  recorded: WorldNumbers;
  counterfactual: WorldNumbers;
  /** The other world's rules in a few words, and what the re-run held fixed and left out, worded in the page's language. */
  label: string;
  said: WhatIfText;
};

export type WorldNumbers = Omit<Counterfactual["recorded"], "nodes" | "edges">;

export type Request =
  /** The page's language comes with the log: the worker words its progress, problems and what-if sentences in it. */
  | { type: "load"; bytes: ArrayBuffer; locale: Locale }
  | { type: "seek"; id: number; at: number; worlds: World[] }
  | { type: "cause"; id: number; seq: number }
  | { type: "what-if"; id: number; changes: ConfigChanges; letLaterChanges: boolean };

export type Reply =
  | { type: "progress"; stage: string; done: number; total: number }
  | { type: "loaded"; data: Loaded }
  | { type: "problem"; message: string }
  | { type: "frames"; id: number; frames: Partial<Record<World, Frame>> }
  | { type: "cause"; id: number; chain: CauseChain | undefined }
  | { type: "what-if"; id: number; result: WhatIf };
