import { schema, t, type SchemaType } from "@colyseus/schema";

/** What one player sees of another: everything but the `.view()` fields, which only the owner gets. */
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
    incomingRequests: t.array("string").view(),
    lookedUpBy: t.array("string").view(),
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
  },
  "FeedItem",
);
export type FeedItem = SchemaType<typeof FeedItem>;

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
  },
  "ClassroomState",
);
export type ClassroomState = SchemaType<typeof ClassroomState>;
