import type { RulesMessage } from "../../shared/messages/messages.ts";
import { EMPTY_INBOX, type Inbox } from "../../shared/messages/inbox.ts";
import type { Visibility } from "../../shared/rules/live/types.ts";
import type { BallotStage, Phase, Tier } from "../../shared/rules/state.ts";
import type { FeedEntry } from "../../shared/text/feed.ts";
import type { LiveEntry } from "../../shared/text/live.ts";
import type { ScoreChange } from "../../shared/text/reasons.ts";

/**
 * What a screen shows of a session, as plain data. The live binding drives it from the room's
 * state callbacks; a replay can drive it from a folded log without Colyseus.
 */
export interface SessionInfo {
  code: string;
  phase: Phase;
  paused: boolean;
  round: number;
  rounds: number;
  roundSeconds: number;
  hostConnected: boolean;
  /** Who sees scores now (shared/rules/view.ts). */
  visibility: Visibility;
  locked: boolean;
  bannedTopics: readonly string[];
}

export interface PlayerInfo {
  id: string;
  nickname: string;
  /** Meaningful only while isScoreVisible(visibility, showsScore); otherwise 0 and "". */
  score: number;
  tier: Tier | "";
  blacklisted: boolean;
  connected: boolean;
  /** Known on the player's own screen (from the inbox) and in a replay; 0 for everyone else. */
  actionPoints: number;
  /** When the player joined: breaks ties between equal scores on the leaderboard. */
  joinedAt: number;
  friendCount: number;
  /** Opted in to show the score while scores are visible to their owners only. */
  showsScore: boolean;
  /** The last change of the score and its cause. */
  last: ScoreChange;
  /** The true score whatever the mode: only on a facilitator's screen, undefined elsewhere. */
  hostScore?: number;
}

/** Fields only the owner of a seat receives (the `inbox` message). */
export type MyPrivateInfo = Inbox;
export type { Deduction } from "../../shared/messages/messages.ts";

/** The "top players propose a rule" vote; who may vote is each owner's `voteStatus`. */
export interface VoteInfo {
  open: boolean;
  seq: number;
  options: string[];
  eligible: number;
  cast: number;
}

/** The secret ballot: which question is open, how many answered, and after the game the aggregate beside the public record. */
export interface BallotInfo {
  open: "" | BallotStage;
  startAnswers: number;
  endAnswers: number;
  startResults: number[];
  endResults: number[];
  approvedPosts: number[];
  opinionPosts: number[];
}

export interface ClassroomView {
  /** Forget everything: a new state follows from scratch (a rejoin, or a replay's jump back). */
  reset(): void;
  /** The first full state has arrived; later calls are live changes worth animating. */
  ready(): void;
  session(info: SessionInfo): void;
  clock(secondsLeft: number): void;
  playerJoined(p: PlayerInfo): void;
  playerChanged(p: PlayerInfo, before: PlayerInfo): void;
  playerLeft(id: string): void;
  friendship(a: string, b: string, on: boolean): void;
  leaderboard(ids: readonly string[]): void;
  feed(item: FeedEntry): void;
  mine(info: MyPrivateInfo): void;
  /** A live event, new or updated (after the game an audit reveals its mistake); oldest first, by `seq`. */
  liveEvent(e: LiveEntry): void;
  vote(v: VoteInfo): void;
  ballot(b: BallotInfo): void;
  /** The session's rules, words and numbers: on joining and after every change (a replay passes its config). */
  rules(r: RulesMessage): void;
}

export const EMPTY_SESSION: SessionInfo = {
  code: "",
  phase: "lobby",
  paused: false,
  round: 0,
  rounds: 0,
  roundSeconds: 0,
  hostConnected: false,
  visibility: "public",
  locked: false,
  bannedTopics: [],
};
export const EMPTY_PRIVATE: MyPrivateInfo = EMPTY_INBOX;
export const EMPTY_VOTE: VoteInfo = { open: false, seq: 0, options: [], eligible: 0, cast: 0 };
export const EMPTY_BALLOT: BallotInfo = { open: "", startAnswers: 0, endAnswers: 0, startResults: [], endResults: [], approvedPosts: [], opinionPosts: [] };
