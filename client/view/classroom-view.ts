import type { Phase, Tier } from "../../shared/rules/state.ts";
import type { FeedEntry } from "../../shared/text/feed.ts";
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
}

export interface PlayerInfo {
  id: string;
  nickname: string;
  score: number;
  tier: Tier;
  blacklisted: boolean;
  connected: boolean;
  actionPoints: number;
  rank: number;
  friendCount: number;
  /** The last change of the score and its cause. */
  last: ScoreChange;
}

/** Fields only the owner of a seat receives. */
export interface MyPrivateInfo {
  incomingRequests: string[];
  lookedUpBy: string[];
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
}

export const EMPTY_SESSION: SessionInfo = { code: "", phase: "lobby", paused: false, round: 0, rounds: 0, roundSeconds: 0, hostConnected: false };
