import { z } from "zod";
import { ACTION_NAMES } from "../rules/config.ts";
import type { FacilitatorCommand, RejectionCode } from "../rules/commands.ts";
import type { ActionName } from "../rules/config.ts";

/** The room's name for `create` and the message types both sides use. */
export const ROOM_NAME = "classroom";

const playerId = z.string().regex(/^p\d{1,6}$/, "a player id such as p3");

export const actMessage = z.strictObject({
  action: z.enum(ACTION_NAMES),
  target: playerId.optional(),
  deduction: z.number().int().positive().max(2 ** 31).optional(),
});
export type ActMessage = { action: ActionName; target?: string; deduction?: number };

const settingsMessage = z.strictObject({
  type: z.literal("settings"),
  rounds: z.number().int().min(1).max(50).optional(),
  roundSeconds: z.number().int().min(10).max(3600).optional(),
  actionPoints: z.number().int().min(1).max(20).optional(),
  friendWeight: z.number().min(0).max(1).optional(),
  allowLateJoin: z.boolean().optional(),
});

export const facilitateMessage = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("start") }),
  z.strictObject({ type: z.literal("pause") }),
  z.strictObject({ type: z.literal("resume") }),
  z.strictObject({ type: z.literal("next-round") }),
  z.strictObject({ type: z.literal("end") }),
  z.strictObject({ type: z.literal("remove"), player: playerId, ban: z.boolean().optional() }),
  z.strictObject({ type: z.literal("lock") }),
  z.strictObject({ type: z.literal("unlock") }),
  settingsMessage,
]);
export type FacilitateMessage = FacilitatorCommand;

/** Options of `create` (the host) and `joinById` (players, or a returning host with its key). */
export const createOptions = z.strictObject({
  seed: z.number().int().min(0).max(2 ** 32 - 1).optional(),
  rounds: z.number().int().min(1).max(50).optional(),
  roundSeconds: z.number().int().min(10).max(3600).optional(),
  actionPoints: z.number().int().min(1).max(20).optional(),
  friendWeight: z.number().min(0).max(1).optional(),
  allowLateJoin: z.boolean().optional(),
});
export type CreateOptions = z.infer<typeof createOptions>;

export const joinOptions = z.union([
  z.strictObject({ name: z.string().max(200) }),
  z.strictObject({ hostKey: z.string().min(1).max(200) }),
]);
export type JoinOptions = { name: string } | { hostKey: string };

export type ProtocolErrorCode = "bad-message" | "unknown-message" | "not-host" | "not-a-player" | "rate-limited";
export type ErrorCode = ProtocolErrorCode | RejectionCode;

/** Server → client messages. */
export interface ServerMessages {
  welcome: { role: "host" | "player"; code: string; playerId?: string; hostKey?: string };
  error: { code: ErrorCode; message: string; about: string };
  "lookup-result": { target: string; nickname: string; score: number; tier: string; blacklisted: boolean };
}

const ECHO_LIMIT = 120;

/** Echoes part of what a client sent without letting a junk key make the answer as big as the junk. */
function clip(text: string): string {
  return text.length > ECHO_LIMIT ? `${text.slice(0, ECHO_LIMIT)}…` : text;
}

/** The first problem zod found, as one sentence a person can act on. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "The message was not understood.";
  const where = issue.path.length ? `"${clip(issue.path.join("."))}"` : "the message";
  return `Problem with ${where}: ${clip(issue.message)}.`;
}

/**
 * Joining fails before a seat exists, so these travel as the numeric code of a matchmaking
 * error; the message carries the sentence.
 */
export const JOIN_ERRORS = {
  "bad-options": 4400,
  "nickname-invalid": 4401,
  "nickname-taken": 4402,
  "nickname-banned": 4403,
  "join-closed": 4404,
  "game-ended": 4405,
  "bad-host-key": 4406,
  "unknown-session": 4407,
  "session-live": 4408,
  "cannot-replay": 4409,
  "room-locked": 4410,
  "nickname-lookalike": 4411,
  "nickname-offensive": 4412,
} as const;
export type JoinErrorCode = keyof typeof JOIN_ERRORS;

export const resumeOptions = z.strictObject({
  resume: z.string().length(5),
  hostKey: z.string().min(1).max(200),
});
