import { inEnglish, type MessageKey } from "../i18n/index.ts";
import type { ActionName } from "./config.ts";
import type { LiveCommand } from "./live/types.ts";
import type { BallotStage, PlayerId } from "./state.ts";

export type FacilitatorCommand =
  | { type: "start" }
  | { type: "pause" }
  | { type: "resume" }
  | { type: "next-round" }
  | { type: "end" }
  | { type: "remove"; player: PlayerId; ban?: boolean; resetScore?: boolean }
  | { type: "lock" }
  | { type: "unlock" }
  | { type: "settings"; rounds?: number; roundSeconds?: number; actionPoints?: number; friendWeight?: number; allowLateJoin?: boolean }
  /** Seconds per round from now on, the round under way included, paused or not. */
  | { type: "round-length"; seconds: number }
  | LiveCommand;

/** Everything that can change a game. `at` is the time in ms; the rules never read a clock. */
export type Command =
  /**
   * `admitted`: the facilitator let in a name the word or look-alike check refused (version 3).
   * `pin`: the seat's rejoin PIN, salted and hashed by the server so the seat can be claimed
   * back after a restart; the rules ignore it.
   */
  | { kind: "join"; at: number; nickname: string; admitted?: boolean; pin?: string }
  | { kind: "act"; at: number; player: PlayerId; action: ActionName; target?: PlayerId; deduction?: number; topic?: string }
  | { kind: "facilitate"; at: number; command: FacilitatorCommand }
  | { kind: "tick"; at: number }
  | { kind: "vote"; at: number; player: PlayerId; option: string }
  | { kind: "ballot"; at: number; player: PlayerId; stage: BallotStage; answer: number }
  | { kind: "show-score"; at: number; player: PlayerId; on: boolean }
  | DebriefCommand;

/**
 * The guided debrief after the game (shared/debrief): the facilitator moving the projector to a
 * step ("" is the end screen), and a player's answer to a step's poll. They are logged with the
 * game but the game ignores them: `apply` returns no event, so no fold or score changes.
 */
export type DebriefCommand =
  | { kind: "debrief"; at: number; step: string }
  | { kind: "poll"; at: number; player: PlayerId; step: string; answer: number }
  /** The scenario's questions before round 1 or after the debrief: one answer (choice, confidence 1-5) per question, in order. */
  | { kind: "survey"; at: number; player: PlayerId; stage: "before" | "after"; answers: { choice: number; confidence: number }[] };

export function isDebriefCommand(c: Command): c is DebriefCommand {
  return c.kind === "debrief" || c.kind === "poll" || c.kind === "survey";
}

/**
 * A refusal: its code, which sentence says why (`reason`, a key of the `errors` catalog under
 * "rule.") with the names and numbers it needs, and that sentence in English for logs and
 * older screens. Each screen words it again in its own language (shared/text/errors.ts).
 */
export interface Rejection {
  code: RejectionCode;
  message: string;
  reason: RejectionReason;
  params?: ErrorParams;
}

/** The sentences a rule can refuse with: "not-paused" is "errors.rule.not-paused". */
export type RejectionReason = MessageKey extends infer K ? (K extends `errors.rule.${infer R}` ? R : never) : never;

/** Names and numbers a refusal's sentence needs. */
export type ErrorParams = Record<string, string | number>;

export type RejectionCode =
  | "nickname-invalid"
  | "nickname-taken"
  | "nickname-banned"
  | "nickname-lookalike"
  | "nickname-offensive"
  | "join-closed"
  | "room-locked"
  | "not-in-round"
  | "paused"
  | "round-over"
  | "game-ended"
  | "no-action-points"
  | "blacklisted"
  | "unknown-player"
  | "bad-target"
  | "already-friends"
  | "already-requested"
  | "no-request"
  | "not-friends"
  | "not-eligible"
  | "nothing-to-appeal"
  | "bad-phase"
  | "bad-settings"
  | "action-unavailable"
  | "bad-topic"
  | "scores-hidden"
  | "bad-change"
  | "no-vote"
  | "already-voted"
  | "bad-option"
  | "ballot-closed"
  | "already-answered";

export function reject(code: RejectionCode, reason: RejectionReason, params?: ErrorParams): Rejection {
  const rejection: Rejection = { code, reason, message: inEnglish(`errors.rule.${reason}`, params) };
  if (params) rejection.params = params;
  return rejection;
}
