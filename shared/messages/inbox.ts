import type { ActionName } from "../rules/config.ts";
import type { ScoreRule } from "../rules/events.ts";
import type { BallotStage, Tier } from "../rules/state.ts";

/*
 * The `inbox` message: a player's private data. Plain types and no validators, so screens
 * import it without the message schemas.
 */

/**
 * What an `inbox` message carries: the whole inbox on joining and reconnecting, then only the
 * fields a patch changed (a score change need not resend the lists).
 */
export type InboxUpdate = Partial<Inbox>;

/** The inbox after an `inbox` message. */
export function mergeInbox(before: Inbox, update: InboxUpdate): Inbox {
  return { ...before, ...update };
}

/** A deduction its owner may still appeal. */
export interface Deduction {
  id: number;
  amount: number;
  rule: string;
}

/** What only the owner of a seat may see. */
export interface Inbox {
  /** Action points left this round. */
  actionPoints: number;
  /** Players asking to be friends, oldest first. */
  incomingRequests: string[];
  /** The last players who looked this one up, newest last. */
  lookedUpBy: string[];
  /** The own score and tier; 0 and "" while scores are hidden. */
  ownScore: number;
  ownTier: Tier | "";
  /** "" (no vote open, or not among those who may vote), "eligible" or "voted". */
  voteStatus: "" | "eligible" | "voted";
  /** Ballot stages this player has answered. */
  ballotsAnswered: BallotStage[];
  /** The latest deductions still open to appeal, oldest first (at most 5). */
  deductions: Deduction[];
  /** The last change of the own score and its cause; null before the first. */
  lastChange: LastChange | null;
}

/** The inbox before the server's first one arrives. */
export const EMPTY_INBOX: Inbox = {
  actionPoints: 0,
  incomingRequests: [],
  lookedUpBy: [],
  ownScore: 0,
  ownTier: "",
  voteStatus: "",
  ballotsAnswered: [],
  deductions: [],
  lastChange: null,
};

/**
 * Why the own score last moved: what a phone tells its owner. Other screens see only the new
 * score (and take the amount from the one before); the public feed tells the room the causes
 * worth telling.
 */
export interface LastChange {
  /** The event's number in the session: a new number is a new change. */
  seq: number;
  /** 0 while the owner may not see their own score. */
  delta: number;
  rule: ScoreRule;
  /** Who caused it; "" for the round-end pull of friends' scores. */
  actor: string;
  action: ActionName | "";
}
