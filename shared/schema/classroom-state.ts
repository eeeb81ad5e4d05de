import { schema, t, type SchemaType } from "@colyseus/schema";

/**
 * View tags: a player's own screen adds its seat with OWNER_VIEW and receives the fields so
 * tagged; facilitators' screens add every seat with HOST_VIEW and receive only the true score.
 */
export const HOST_VIEW = 1;
export const OWNER_VIEW = 2;

/** A deduction its owner may still appeal. */
export const DeductionState = schema({ id: t.uint32(), amount: t.uint16(), rule: t.string() }, "DeductionState");
export type DeductionState = SchemaType<typeof DeductionState>;

/**
 * What one player sees of another: everything but the `.view()` fields, which only the owner
 * (OWNER_VIEW) or facilitators (HOST_VIEW) get. `score`, `tier`, `rank` and `lastDelta` are filled only while that
 * score is public (see shared/rules/view.ts); otherwise they are 0 or "" on every screen.
 */
export const PlayerState = schema(
  {
    id: t.string(),
    nickname: t.string(),
    score: t.uint16(),
    tier: t.string(),
    blacklisted: t.boolean(),
    connected: t.boolean(),
    actionPoints: t.uint8(),
    rank: t.uint16(),
    friendCount: t.uint16(),
    /** The last change of this player's score and its cause, so every screen can say why. */
    lastDelta: t.int16(),
    lastRule: t.string(),
    lastActor: t.string(),
    lastAction: t.string(),
    incomingRequests: t.array("string").view(OWNER_VIEW),
    lookedUpBy: t.array("string").view(OWNER_VIEW),
    /** Opted in to show the score while scores are visible to their owners only. */
    showsScore: t.boolean(),
    /** The owner's own score and tier; 0 and "" while scores are hidden. */
    ownScore: t.uint16().view(OWNER_VIEW),
    ownTier: t.string().view(OWNER_VIEW),
    /** "" (no vote open or not among the top players), "eligible" or "voted". */
    voteStatus: t.string().view(OWNER_VIEW),
    /** Ballot stages this player has answered: "start", "end". */
    ballotsAnswered: t.array("string").view(OWNER_VIEW),
    /** The owner's latest deductions still open to appeal, oldest first (at most 5). */
    deductions: t.array(DeductionState).view(OWNER_VIEW),
    /** The true score whatever the mode, for facilitators' screens only. */
    hostScore: t.uint16().view(HOST_VIEW),
  },
  "PlayerState",
);
export type PlayerState = SchemaType<typeof PlayerState>;

export const FriendshipState = schema({ a: t.string(), b: t.string(), since: t.number() }, "FriendshipState");
export type FriendshipState = SchemaType<typeof FriendshipState>;

/** One line of the public feed, structured; clients turn it into words. */
export const FeedItem = schema(
  {
    seq: t.uint32(),
    at: t.number(),
    type: t.string(),
    actor: t.string(),
    target: t.string(),
    action: t.string(),
    rule: t.string(),
    delta: t.int16(),
    round: t.uint16(),
    topic: t.string(),
  },
  "FeedItem",
);
export type FeedItem = SchemaType<typeof FeedItem>;

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
export const VoteState = schema(
  { open: t.boolean(), seq: t.uint32(), options: t.array("string"), eligible: t.uint16(), cast: t.uint16() },
  "VoteState",
);
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
    friendships: t.map(FriendshipState),
    leaderboard: t.array("string"),
    feed: t.array(FeedItem),
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
