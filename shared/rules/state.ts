import type { GameConfig } from "./config.ts";
import type { EventOf } from "./events.ts";
import type { Visibility } from "./live/types.ts";

import { RULES_VERSION } from "./version.ts";

export { RULES_VERSION, since } from "./version.ts";

export type PlayerId = string;
export type Tier = "visa" | "travel" | "standard" | "restricted";
export type Phase = "lobby" | "round" | "ended";

/** A score loss that its owner may appeal once. */
export interface Deduction {
  id: number;
  amount: number;
  rule: string;
  appealed: boolean;
  /** The audit's deliberate mistake: an appeal of it is always upheld. */
  wrong?: boolean;
  /** Since version 3: what this deduction was, the key its appeal's luck is drawn with (luck.ts). */
  luck?: string;
}

/** A public post, kept so that a topic banned later can reach back to it. */
export interface Post {
  seq: number;
  player: PlayerId;
  action: "share-approved" | "post-opinion";
  topic?: string;
  round: number;
  penalised: boolean;
}

/** A "top players propose a rule" vote while it is open. */
export interface OpenVote {
  seq: number;
  options: string[];
  eligible: PlayerId[];
  choices: Record<PlayerId, string>;
  /** Since version 3: whether the plan opened it (a vote opened by hand closes as the facilitator's, not as planned). */
  scheduled?: boolean;
}

/** One stage of the secret ballot: who answered (to refuse a second answer) and the counts, never who chose what. */
export interface BallotBox {
  voters: PlayerId[];
  counts: number[];
}

export type BallotStage = "start" | "end";

/** What a removed player gets back on returning: their id, and the score unless it was reset. */
export interface Departed {
  id: PlayerId;
  score: number;
  blacklisted: boolean;
}

export interface PlayerData {
  id: PlayerId;
  nickname: string;
  score: number;
  blacklisted: boolean;
  actionPoints: number;
  joinedAt: number;
  /** Players who sent this player a friend request still unanswered, oldest first. */
  incomingRequests: PlayerId[];
  /** Who looked this player up, newest last. */
  lookedUpBy: { by: PlayerId; at: number }[];
  deductions: Deduction[];
  /** Opted in to show the score to everyone while scores are visible to their owners only. */
  showsScore: boolean;
}

/** Plain game state: everything the rules need, nothing the network needs. */
export interface GameState {
  rulesVersion: number;
  config: GameConfig;
  seed: number;
  rng: number;
  phase: Phase;
  paused: boolean;
  round: number;
  /** While a round runs unpaused: when it ends. While paused: how much of it was left. */
  roundEndsAt: number;
  remainingMs: number;
  now: number;
  players: Record<PlayerId, PlayerData>;
  /** Friendships keyed by friendKey(a, b), valued by the time they formed. */
  friendships: Record<string, number>;
  /** Adjacency, kept beside the keyed set so friend lookups stay O(degree). */
  friends: Record<PlayerId, PlayerId[]>;
  bannedNicknames: string[];
  /**
   * Version 3: players removed without a ban, by nickname key, so that a return under the same
   * name is the same player (one id in the replay, the tables and the sessions list).
   */
  departed: Record<string, Departed>;
  /** The facilitator closed the session to new players (returning ones still get their seat). */
  locked: boolean;
  nextPlayer: number;
  nextEvent: number;
  visibility: Visibility;
  /** Banned topics and the penalty a post on each costs. */
  bannedTopics: Record<string, number>;
  posts: Post[];
  vote: OpenVote | null;
  ballots: Record<BallotStage, BallotBox>;
  /** Index of the next scheduled event in config.schedule. */
  scheduleNext: number;
  /** Every live event so far, for banners and the replay timeline. */
  live: EventOf<"live">[];
}

/** A new game under the current rules, or under an older version to replay a log recorded with it. */
export function initialState(config: GameConfig, seed: number, rulesVersion = RULES_VERSION): GameState {
  return {
    rulesVersion,
    config,
    seed: seed >>> 0,
    rng: seed >>> 0,
    phase: "lobby",
    paused: false,
    round: 0,
    roundEndsAt: 0,
    remainingMs: 0,
    now: 0,
    players: {},
    friendships: {},
    friends: {},
    bannedNicknames: [],
    departed: {},
    locked: false,
    nextPlayer: 1,
    nextEvent: 1,
    visibility: config.visibility,
    bannedTopics: {},
    posts: [],
    vote: null,
    ballots: { start: emptyBox(config), end: emptyBox(config) },
    scheduleNext: 0,
    live: [],
  };
}

function emptyBox(config: GameConfig): BallotBox {
  return { voters: [], counts: (config.ballot?.options ?? []).map(() => 0) };
}

export function friendKey(a: PlayerId, b: PlayerId): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

export function areFriends(s: GameState, a: PlayerId, b: PlayerId): boolean {
  return friendKey(a, b) in s.friendships;
}

export function friendsOf(s: GameState, p: PlayerId): readonly PlayerId[] {
  return s.friends[p] ?? [];
}

export function tierOf(score: number, c: GameConfig): Tier {
  if (score >= c.visaAt) return "visa";
  if (score >= c.travelAt) return "travel";
  if (score < c.restrictedBelow) return "restricted";
  return "standard";
}

/** What places a player on the leaderboard: screens rank the synced scores with the same order. */
export interface Standing {
  id: PlayerId;
  score: number;
  joinedAt: number;
}

/** Highest score first; ties by earlier join, then id, so the order is stable. */
export function byStanding(a: Standing, b: Standing): number {
  return b.score - a.score || a.joinedAt - b.joinedAt || a.id.localeCompare(b.id);
}

/** Player ids, best first (see byStanding). */
export function leaderboard(s: GameState): PlayerId[] {
  return Object.values(s.players)
    .sort(byStanding)
    .map((p) => p.id);
}

/** Seconds left in the current round at time `at`, as a clock on the wall would show it. */
export function secondsLeft(s: GameState, at: number): number {
  if (s.phase !== "round") return 0;
  const ms = s.paused ? s.remainingMs : s.roundEndsAt - at;
  return Math.max(0, Math.ceil(ms / 1000));
}
