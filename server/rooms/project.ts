import { ArraySchema } from "@colyseus/schema";
import type { GameEvent } from "../../shared/rules/events.ts";
import type { GameState, PlayerData } from "../../shared/rules/state.ts";
import { friendKey, secondsLeft, tierOf } from "../../shared/rules/state.ts";
import { ownerSeesScore, publicDeltas, publicLeaderboard, scoreIsPublic } from "../../shared/rules/view.ts";
import { ClassroomState, FeedItem, FriendshipState, PlayerState } from "../../shared/schema/classroom-state.ts";
import { projectLive, syncPrivate } from "./project-live.ts";

export const FEED_SIZE = 30;
const LOOKED_UP_SHOWN = 20;

type FeedFields = { actor?: string; target?: string; action?: string; rule?: string; delta?: number; round?: number; topic?: string };

function item(e: GameEvent, round: number, f: FeedFields): FeedItem {
  return new FeedItem({ seq: e.seq, at: e.at, type: e.type, actor: "", target: "", action: "", rule: "", delta: 0, round, topic: "", ...f });
}

/**
 * Feed lines: what a classroom should see happen. Lookups and the round-end pull of everyone
 * stay out, and amounts only show while scores are public.
 */
function feedItem(e: GameEvent, g: GameState): FeedItem | undefined {
  const round = g.round;
  switch (e.type) {
    case "acted":
      if (e.action === "lookup") return undefined;
      return item(e, round, { actor: e.player, target: e.target ?? "", action: e.action, topic: e.topic ?? "" });
    case "score":
      if (e.cause.rule === "action" || e.cause.rule === "guilt-by-association") return undefined;
      return item(e, round, { actor: e.cause.actor ?? "", target: e.player, action: e.cause.action ?? "", rule: e.cause.rule, delta: publicDeltas(g) ? e.delta : 0 });
    case "friends":
      return item(e, round, { actor: e.a, target: e.b });
    case "unfriended":
      return item(e, round, { actor: e.by, target: e.other });
    case "blacklisted":
      return item(e, round, { actor: e.cause.actor ?? "", target: e.player, delta: e.on ? 1 : 0 });
    case "appeal":
      return item(e, round, { actor: e.player, delta: e.reversed ? 1 : 0 });
    case "player-joined":
    case "player-removed":
      return item(e, round, { actor: e.player });
    case "phase":
      return item(e, round, { action: e.change, round: e.round });
    case "live":
      return item(e, round, { action: e.detail.kind });
    default:
      return undefined;
  }
}

export function syncStrings(target: ArraySchema<string>, source: readonly string[]): void {
  if (target.length === source.length && source.every((v, i) => target[i] === v)) return;
  for (let i = 0; i < source.length; i++) if (target[i] !== source[i]) target[i] = source[i];
  while (target.length > source.length) target.pop();
}

function syncPlayer(ps: PlayerState, p: PlayerData, g: GameState): void {
  // The same answers as publicSight/ownSight, without allocating for every player on every command.
  const tier = tierOf(p.score, g.config);
  const shown = scoreIsPublic(g, p);
  const own = ownerSeesScore(g);
  if (ps.score !== (shown ? p.score : 0)) ps.score = shown ? p.score : 0;
  if (ps.tier !== (shown ? tier : "")) ps.tier = shown ? tier : "";
  if (ps.ownScore !== (own ? p.score : 0)) ps.ownScore = own ? p.score : 0;
  if (ps.ownTier !== (own ? tier : "")) ps.ownTier = own ? tier : "";
  if (ps.hostScore !== p.score) ps.hostScore = p.score;
  if (ps.showsScore !== p.showsScore) ps.showsScore = p.showsScore;
  if (ps.blacklisted !== p.blacklisted) ps.blacklisted = p.blacklisted;
  if (ps.actionPoints !== p.actionPoints) ps.actionPoints = p.actionPoints;
  const friendCount = g.friends[p.id]?.length ?? 0;
  if (ps.friendCount !== friendCount) ps.friendCount = friendCount;
  syncStrings(ps.incomingRequests, p.incomingRequests);
  if (ps.lookedUpBy.length !== Math.min(p.lookedUpBy.length, LOOKED_UP_SHOWN) || p.lookedUpBy.length > LOOKED_UP_SHOWN) {
    syncStrings(ps.lookedUpBy, p.lookedUpBy.slice(-LOOKED_UP_SHOWN).map((l) => l.by));
  }
}

/**
 * Projects the rules' plain state onto the synced schema state. Players and the leaderboard
 * are compared field by field (only real changes are encoded); friendships and the feed
 * follow the events, so the cost per command does not grow with the number of friendships.
 */
export function project(g: GameState, state: ClassroomState, events: readonly GameEvent[], at: number, onNewPlayer?: (ps: PlayerState) => void): void {
  if (state.phase !== g.phase) state.phase = g.phase;
  if (state.paused !== g.paused) state.paused = g.paused;
  if (state.locked !== g.locked) state.locked = g.locked;
  if (state.round !== g.round) state.round = g.round;
  if (state.rounds !== g.config.rounds) state.rounds = g.config.rounds;
  if (state.roundSeconds !== g.config.roundSeconds) state.roundSeconds = g.config.roundSeconds;
  projectClock(g, state, at);

  for (const e of events) {
    if (e.type === "player-joined") {
      const p = g.players[e.player];
      const ps = new PlayerState();
      Object.assign(ps, { id: p.id, nickname: p.nickname, connected: true });
      syncPlayer(ps, p, g);
      syncPrivate(ps, p, g);
      state.players.set(p.id, ps);
      onNewPlayer?.(ps);
    } else if (e.type === "player-removed") {
      state.players.delete(e.player);
      for (const [key, f] of state.friendships) if (f.a === e.player || f.b === e.player) state.friendships.delete(key);
    } else if (e.type === "friends") {
      state.friendships.set(friendKey(e.a, e.b), new FriendshipState({ a: e.a, b: e.b, since: e.at }));
    } else if (e.type === "unfriended") {
      state.friendships.delete(friendKey(e.by, e.other));
    } else if (e.type === "score") {
      const ps = state.players.get(e.player);
      if (ps) {
        ps.lastDelta = scoreIsPublic(g, g.players[e.player]) ? e.delta : 0;
        ps.lastRule = e.cause.rule;
        ps.lastActor = e.cause.actor ?? "";
        ps.lastAction = e.cause.action ?? "";
      }
    }
    const item = feedItem(e, g);
    if (item) {
      state.feed.push(item);
      if (state.feed.length > FEED_SIZE) state.feed.shift();
    }
  }

  for (const p of Object.values(g.players)) {
    const ps = state.players.get(p.id);
    if (ps) syncPlayer(ps, p, g);
  }
  const order = publicLeaderboard(g);
  syncStrings(state.leaderboard, order);
  if (order.length === 0) {
    for (const ps of state.players.values()) if (ps.rank !== 0) ps.rank = 0;
  }
  order.forEach((id, i) => {
    const ps = state.players.get(id);
    if (ps && ps.rank !== i + 1) ps.rank = i + 1;
  });
  projectLive(g, state, events);
}

/**
 * After a restart: every seat (all offline until their players return), every friendship and
 * the recent feed, rebuilt from the restored rules state so the room looks as it did.
 */
export function projectRestored(g: GameState, state: ClassroomState, recent: readonly { event: GameEvent; round: number }[], at: number): void {
  for (const p of Object.values(g.players)) {
    const ps = new PlayerState();
    Object.assign(ps, { id: p.id, nickname: p.nickname, score: p.score, tier: tierOf(p.score, g.config), connected: false });
    state.players.set(p.id, ps);
  }
  for (const [key, since] of Object.entries(g.friendships)) {
    const [a, b] = key.split("|");
    state.friendships.set(key, new FriendshipState({ a, b, since }));
  }
  for (const { event: e, round } of recent) {
    const ps = e.type === "score" ? state.players.get(e.player) : undefined;
    if (ps && e.type === "score") Object.assign(ps, { lastDelta: e.delta, lastRule: e.cause.rule, lastActor: e.cause.actor ?? "", lastAction: e.cause.action ?? "" });
    const line = feedItem(e, g);
    if (line) {
      if (e.type !== "phase") line.round = round;
      state.feed.push(line);
    }
  }
  while (state.feed.length > FEED_SIZE) state.feed.shift();
  project(g, state, [], at);
}

export function projectClock(g: GameState, state: ClassroomState, at: number): void {
  const left = secondsLeft(g, at);
  if (state.secondsLeft !== left) state.secondsLeft = left;
}
