import type { GameEvent } from "../../shared/rules/events.ts";
import type { GameState, PlayerData } from "../../shared/rules/state.ts";
import { friendKey, secondsLeft, tierOf } from "../../shared/rules/state.ts";
import { scoreIsPublic } from "../../shared/rules/view.ts";
import { ClassroomState, PlayerState } from "../../shared/schema/classroom-state.ts";
import { projectLive } from "./project-live.ts";
import { touchedByAll } from "./touched.ts";

function syncPlayer(ps: PlayerState, p: PlayerData, g: GameState): void {
  // The same answers as publicSight, without allocating for every touched player on every command.
  const shown = scoreIsPublic(g, p);
  const score = shown ? p.score : 0;
  const tier = shown ? tierOf(p.score, g.config) : "";
  if (ps.score !== score) ps.score = score;
  if (ps.tier !== tier) ps.tier = tier;
  if (ps.showsScore !== p.showsScore) ps.showsScore = p.showsScore;
  if (ps.blacklisted !== p.blacklisted) ps.blacklisted = p.blacklisted;
}

/**
 * Projects the rules' plain state onto the synced schema state. Only the players the events
 * touched are compared, field by field (only real changes are encoded), and friendships follow
 * the events, so the cost of a command does not grow with the room. The feed, the private
 * data and the facilitators' true scores are messages, not state (feed.ts, private-data.ts).
 */
export function project(g: GameState, state: ClassroomState, events: readonly GameEvent[], at: number): void {
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
      Object.assign(ps, { id: p.id, nickname: p.nickname, joinedAt: p.joinedAt, connected: true });
      state.players.set(p.id, ps);
    } else if (e.type === "player-removed") {
      state.players.delete(e.player);
      for (const key of [...state.friendships.keys()]) if (key.split("|").includes(e.player)) state.friendships.delete(key);
    } else if (e.type === "friends") {
      state.friendships.set(friendKey(e.a, e.b), true);
    } else if (e.type === "unfriended") {
      state.friendships.delete(friendKey(e.by, e.other));
    }
  }

  const touched = state.players.size === 0 ? true : touchedByAll(events);
  for (const p of touched === true ? Object.values(g.players) : [...touched].map((id) => g.players[id])) {
    const ps = p && state.players.get(p.id);
    if (ps) syncPlayer(ps, p, g);
  }
  projectLive(g, state);
}

/**
 * After a restart: every seat (all offline until their players return) and every friendship,
 * rebuilt from the restored rules state so the room looks as it did.
 */
export function projectRestored(g: GameState, state: ClassroomState, at: number): void {
  for (const p of Object.values(g.players)) {
    const ps = new PlayerState();
    Object.assign(ps, { id: p.id, nickname: p.nickname, joinedAt: p.joinedAt, connected: false });
    syncPlayer(ps, p, g);
    state.players.set(p.id, ps);
  }
  for (const key of Object.keys(g.friendships)) state.friendships.set(key, true);
  project(g, state, [], at);
}

export function projectClock(g: GameState, state: ClassroomState, at: number): void {
  const left = secondsLeft(g, at);
  if (state.secondsLeft !== left) state.secondsLeft = left;
}
