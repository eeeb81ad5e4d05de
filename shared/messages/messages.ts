import { z } from "zod";
import type { PhoneLinkRequest } from "./phone-link.ts";
import { playerJoinOptions, type SeatRequest, type SeatRequestKind } from "./seat-messages.ts";
import { JOIN_CODE_LENGTH } from "./join-code.ts";
import { settingNumber } from "./setting-number.ts";
import { ACTION_NAMES } from "../rules/config.ts";
import type { ErrorParams, FacilitatorCommand, RejectionCode, RejectionReason } from "../rules/commands.ts";
import type { ActionName } from "../rules/config.ts";
import { liveCommand, topicId } from "./live-messages.ts";
import type { GameConfig } from "../rules/config.ts";
import type { FieldIssue } from "../scenarios/load.ts";
import { ISSUE_PREFIX, zodWording } from "../scenarios/issues.ts";
import { FIELD_PROBLEM, type Worded } from "./worded.ts";
import type { DebriefErrorCode } from "../debrief/session.ts";
import type { DebriefMine, DebriefShow } from "../debrief/types.ts";

/** The room's name for `create` and the message types both sides use. */
export const ROOM_NAME = "classroom";

const playerId = z.string().regex(/^p\d{1,6}$/, "a player id such as p3");

export const actMessage = z.strictObject({
  action: z.enum(ACTION_NAMES),
  target: playerId.optional(),
  deduction: z
    .number()
    .int()
    .positive()
    .max(2 ** 31)
    .optional(),
  topic: topicId.optional(),
});
export type ActMessage = { action: ActionName; target?: string; deduction?: number; topic?: string };

/** The settings a facilitator may change while a session runs; `create` takes them too. */
const settingsFields = {
  rounds: settingNumber("rounds").optional(),
  roundSeconds: settingNumber("roundSeconds").optional(),
  actionPoints: settingNumber("actionPoints").optional(),
  friendWeight: settingNumber("friendWeight").optional(),
  allowLateJoin: z.boolean().optional(),
};

const settingsMessage = z.strictObject({ type: z.literal("settings"), ...settingsFields });

export const facilitateMessage = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("start") }),
  z.strictObject({ type: z.literal("pause") }),
  z.strictObject({ type: z.literal("resume") }),
  z.strictObject({ type: z.literal("next-round") }),
  z.strictObject({ type: z.literal("end") }),
  z.strictObject({ type: z.literal("remove"), player: playerId, ban: z.boolean().optional(), resetScore: z.boolean().optional() }),
  z.strictObject({ type: z.literal("lock") }),
  z.strictObject({ type: z.literal("unlock") }),
  settingsMessage,
  z.strictObject({ type: z.literal("round-length"), seconds: settingNumber("roundSeconds") }),
  ...liveCommand.options,
]);
/**
 * What a facilitator's screen sends: a command of the rules, or `clear-offline`, which the room
 * turns into one `remove` for each seat with no live connection (the rules do not know who is
 * connected; the log holds the removals).
 */
export type FacilitateMessage = FacilitatorCommand | { type: "clear-offline" };

/**
 * Options of `create` (the host) and `joinById` (players, or a returning host with its key).
 * `scenario` is a preset id or a whole scenario file; `overrides` are the host's numbers on
 * top of it (the shape of a scenario's "rules"). The flat number options are kept for older
 * hosts and count as overrides.
 */
export const createOptions = z.strictObject({
  scenario: z.union([z.string().max(40), z.record(z.string(), z.unknown())]).optional(),
  overrides: z.record(z.string(), z.unknown()).optional(),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1)
    .optional(),
  ...settingsFields,
});
export type CreateOptions = z.infer<typeof createOptions>;

/** A screen that only watches: the watch view, or an observer's phone with the name the lobby lists (checked like a nickname). */
const watchJoinOptions = z.strictObject({ watch: z.literal(true), name: z.string().optional() });

export const joinOptions = z.union([playerJoinOptions, z.strictObject({ hostKey: z.string().min(1).max(200) }), watchJoinOptions]);

/** Who watches without playing: how many screens, and the observers' names. */
export interface WatcherList {
  count: number;
  names: string[];
}

export type ProtocolErrorCode =
  | "bad-message"
  | "unknown-message"
  | "not-host"
  | "not-a-player"
  | "rate-limited"
  | "unknown-request"
  | "request-denied"
  | "link-expired"
  | "host-key-changed"
  | "storage-failed";

export { ballotMessage, showScoreMessage, voteMessage } from "./live-messages.ts";
export { EMPTY_INBOX, mergeInbox, type Deduction, type Inbox, type InboxUpdate, type LastChange } from "./inbox.ts";
import type { InboxUpdate } from "./inbox.ts";
export type ErrorCode = ProtocolErrorCode | RejectionCode | DebriefErrorCode;

/** Server → client messages. */
export interface ServerMessages {
  /**
   * `role: "watch"` for a screen that only watches (the watch view, an observer): it is sent
   * what the projector shows and nothing only a facilitator may see.
   * `role: "waiting"` while the facilitator decides on this screen's request; a second welcome
   * follows when they let it in. `pin`: the seat's rejoin PIN, to the phone that took the seat.
   */
  welcome: {
    role: "host" | "player" | "waiting" | "watch";
    code: string;
    playerId?: string;
    hostKey?: string;
    pin?: string;
    request?: SeatRequestKind | "controls";
  };
  /** Facilitators only: the requests waiting for an answer, all of them, whenever the list changes. */
  "seat-requests": SeatRequest[];
  /** To the facilitator's screen that asked for it: the new host key after a rotation. */
  "host-key": { hostKey: string };
  /** To the facilitator's screen that asked: a one-use link's token for its own phone, and how long it lives. */
  "phone-link": { token: string; seconds: number };
  /** To every facilitator screen: a phone waits on the link for Allow / Refuse (on joining too), or its wait ended and why. */
  "phone-link-request": PhoneLinkRequest;
  /** Facilitators only, on joining and after a change: seconds after a server restart the session resumes by itself (null: never). */
  "auto-resume": { seconds: number | null };
  /**
   * `message` is the English sentence; `reason` (a rule's refusal: a key of the errors catalog
   * under "rule.") or `key` (any other worded sentence: a malformed message's field and problem)
   * and `params` let each screen word it in its own language (shared/text/errors.ts).
   */
  error: { code: ErrorCode; message: string; about: string; reason?: RejectionReason; key?: string; params?: ErrorParams };
  "lookup-result": { target: string; nickname: string; score: number; tier: string; blacklisted: boolean };
  /** The session's rules as they stand: on joining, and again after any change. Hosts also get the schedule. */
  rules: RulesMessage;
  /** A player's private data, to that player only: whole on joining and reconnecting, then the fields a patch changed, right after it. */
  inbox: InboxUpdate;
  /** Facilitators only: true scores by player id. All of them on joining; then the ones a patch changed. */
  "host-scores": Record<string, number>;
  /** Facilitators and watching screens: who watches without playing, whenever it changes. */
  watchers: WatcherList;
  /** Public feed lines, oldest first: the recent ones on joining, then batches right after patches. */
  feed: FeedLine[];
  /** Facilitators (after the game): the guided debrief's steps, the one on screen and the poll answers so far. */
  debrief: DebriefShow;
  /** Facilitators and watching screens, in the lobby of a scenario with questions before and after: who has answered those before the game. */
  "survey-before": { players: string[] };
  /** A player (after the game): the step on the projector, their own side of it and their answer. */
  "debrief-mine": DebriefMine;
}

/** One line of the public feed, structured; clients turn it into words. Empty fields are left out. */
export interface FeedLine {
  /** The event's number in the session: lines come in its order, and a line seen twice has the same. */
  seq: number;
  type: string;
  round: number;
  actor?: string;
  target?: string;
  action?: string;
  rule?: string;
  delta?: number;
  topic?: string;
}

/** The rules a screen needs to label and explain the game; players get everything but the planned schedule. */
export type RulesMessage = Omit<GameConfig, "schedule"> & { schedule?: GameConfig["schedule"] };

/** What the scenario endpoints return for a file that does not validate. */
export interface ScenarioProblems {
  ok: false;
  message: string;
  issues: FieldIssue[];
}

const ECHO_LIMIT = 120;

/** Echoes part of what a client sent without letting a junk key make the answer as big as the junk. */
function clip(text: string): string {
  return text.length > ECHO_LIMIT ? `${text.slice(0, ECHO_LIMIT)}…` : text;
}

/**
 * The first problem zod found, as one sentence a person can act on: zod's English, and for
 * other screens the field and zod's finding as params (`errors.field-problem`, worded with the
 * scenario checker's `scenario.issue.*` sentence for the finding).
 */
export function describeIssue(error: z.ZodError): Worded {
  const issue = error.issues[0];
  if (!issue) return { message: "The message was not understood." };
  const field = clip(issue.path.join("."));
  const message = `Problem with ${field ? `"${field}"` : "the message"}: ${clip(issue.message)}.`;
  const finding = zodWording(issue);
  if (!finding) return { message };
  return {
    message,
    key: FIELD_PROBLEM,
    params: { where: field ? "field" : "message", field, issue: finding.key.slice(ISSUE_PREFIX.length), ...finding.params },
  };
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
  "room-locked": 4410,
  "nickname-lookalike": 4411,
  "nickname-offensive": 4412,
  "too-many-seats": 4413,
} as const;
export type JoinErrorCode = keyof typeof JOIN_ERRORS;

/**
 * `create` runs over HTTP before any socket exists, so its failures arrive as an HTTP status
 * (the SDK's error `code`), with the same sentence as `message`.
 */
export const CREATE_ERRORS = {
  "bad-options": 400,
  "unknown-session": 404,
  "session-live": 409,
  "cannot-replay": 422,
} as const;

export const resumeOptions = z.strictObject({
  resume: z.string().length(JOIN_CODE_LENGTH),
  hostKey: z.string().min(1).max(200),
});
