import { schema, t, type SchemaType } from "@colyseus/schema";

/**
 * What every screen sees of a player. Nothing here is filtered per screen: what only the owner
 * may see (requests, who looked, the own score while scores are private, the vote, ballot,
 * deductions, the cause of the last change) travels in the `inbox` message, and facilitators'
 * true scores in `host-scores`. One filtered field would make the server encode every patch
 * once per screen instead of once. Action points are the owner's too: nobody else's screen
 * shows them, and as shared state they were one change in five of every action.
 * A change of a score is its new value alone: a screen takes the amount from the scores it was
 * shown, and the feed tells the room the causes worth telling. Synced, amount and cause were
 * half of every patch, decoded by every screen for every action in the room.
 * `score` and `tier` are filled only while that score is public (see shared/rules/view.ts);
 * otherwise they are 0 and "" on every screen. Places are not synced: a screen ranks the
 * public scores itself (byStanding in shared/rules/state.ts), so one +10 does not rewrite the
 * place of everyone it passes on every screen.
 */
export const PlayerState = schema(
  {
    id: t.string(),
    nickname: t.string(),
    score: t.uint16(),
    tier: t.string(),
    blacklisted: t.boolean(),
    connected: t.boolean(),
    /** When the player joined (ms): breaks ties between equal scores. */
    joinedAt: t.number(),
    /** Opted in to show the score while scores are visible to their owners only. */
    showsScore: t.boolean(),
  },
  "PlayerState",
);
export type PlayerState = SchemaType<typeof PlayerState>;

/**
 * One live event (a facilitator's or a planned one), structured; clients turn it into the
 * banner's words. Which fields are filled depends on `kind` (docs/PROTOCOL.md has the table).
 */
export const LiveEventItem = schema(
  {
    seq: t.uint32(),
    at: t.number(),
    round: t.uint16(),
    kind: t.string(),
    scheduled: t.boolean(),
    setting: t.string(),
    before: t.string(),
    after: t.string(),
    topic: t.string(),
    option: t.string(),
    amount: t.int32(),
    retroactive: t.boolean(),
    count: t.uint16(),
    players: t.array("string"),
    options: t.array("string"),
    tally: t.array("uint16"),
    revealed: t.string(),
  },
  "LiveEventItem",
);
export type LiveEventItem = SchemaType<typeof LiveEventItem>;

/** The "top players propose a rule" vote while it is open. */
export const VoteState = schema({ open: t.boolean(), seq: t.uint32(), options: t.array("string"), eligible: t.uint16(), cast: t.uint16() }, "VoteState");
export type VoteState = SchemaType<typeof VoteState>;

/**
 * The secret ballot: which question is open and how many answered. Results (counts per
 * answer, aligned with the scenario's options) and the public posting record appear only once
 * the game has ended, for the debrief; a stage with fewer than 3 answers stays empty.
 */
export const BallotState = schema(
  {
    open: t.string(),
    startAnswers: t.uint16(),
    endAnswers: t.uint16(),
    startResults: t.array("uint16"),
    endResults: t.array("uint16"),
    approvedPosts: t.array("uint16"),
    opinionPosts: t.array("uint16"),
  },
  "BallotState",
);
export type BallotState = SchemaType<typeof BallotState>;

export const ClassroomState = schema(
  {
    code: t.string(),
    phase: t.string(),
    paused: t.boolean(),
    round: t.uint16(),
    rounds: t.uint16(),
    roundSeconds: t.uint16(),
    secondsLeft: t.uint16(),
    hostConnected: t.boolean(),
    /** The facilitator closed the session to new players. */
    locked: t.boolean(),
    players: t.map(PlayerState),
    /**
     * Every friendship, keyed "pA|pB" (the smaller id first; friendKey in shared/rules/state.ts).
     * The key says it all: a screen counts friends from it, and a friendship costs every screen
     * one key, not an object of three fields.
     */
    friendships: t.map("boolean"),
    scenario: t.string(),
    /** "hidden", "owner" or "public": who sees scores now. */
    visibility: t.string(),
    bannedTopics: t.array("string"),
    /** Every live event so far, oldest first; the last one is the banner. */
    liveEvents: t.array(LiveEventItem),
    vote: t.ref(VoteState),
    ballot: t.ref(BallotState),
  },
  "ClassroomState",
);
export type ClassroomState = SchemaType<typeof ClassroomState>;
