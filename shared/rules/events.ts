import type { ActionName } from "./config.ts";
import type { LiveDetail } from "./live/types.ts";
import type { BallotStage, Phase, PlayerId } from "./state.ts";

/** Why a score moved: the rule that moved it and, where there is one, whose action. */
export interface Cause {
  rule: ScoreRule;
  actor?: PlayerId;
  action?: ActionName;
}

export type ScoreRule =
  | "action"
  | "friend-spillover"
  | "vouch"
  | "vouch-risk"
  | "reported"
  | "guilt-by-association"
  | "appeal-upheld"
  | "topic-ban"
  | "audit"
  | "blacklist-shock";

interface Base {
  /** Sequence number of the event within its session, from 1. */
  seq: number;
  at: number;
}

export type GameEvent = Base &
  (
    | { type: "player-joined"; player: PlayerId; nickname: string }
    | { type: "player-removed"; player: PlayerId; banned: boolean }
    | { type: "acted"; player: PlayerId; action: ActionName; target?: PlayerId; topic?: string }
    | { type: "score"; player: PlayerId; delta: number; score: number; cause: Cause }
    | { type: "blacklisted"; player: PlayerId; on: boolean; cause: Cause }
    | { type: "friend-requested"; from: PlayerId; to: PlayerId }
    | { type: "friend-declined"; from: PlayerId; to: PlayerId }
    | { type: "friends"; a: PlayerId; b: PlayerId }
    | { type: "unfriended"; by: PlayerId; other: PlayerId }
    | { type: "looked-up"; by: PlayerId; target: PlayerId; score: number }
    | { type: "appeal"; player: PlayerId; deduction: number; reversed: boolean }
    | { type: "phase"; phase: Phase; round: number; paused: boolean; change: PhaseChange }
    | { type: "settings"; changed: Record<string, number | boolean> }
    | { type: "live"; round: number; scheduled: boolean; detail: LiveDetail }
    | { type: "voted"; player: PlayerId; option: string }
    | { type: "ballot-answered"; player: PlayerId; stage: BallotStage }
    | { type: "score-shown"; player: PlayerId; on: boolean }
    | { type: "locked"; on: boolean }
  );

export type PhaseChange = "started" | "paused" | "resumed" | "round-started" | "round-ended" | "ended";

export type EventOf<T extends GameEvent["type"]> = Extract<GameEvent, { type: T }>;

/** An event as produced by a rule, before the session stamps its sequence number and time. */
export type Draft<E extends GameEvent = GameEvent> = E extends GameEvent ? Omit<E, "seq" | "at"> : never;
