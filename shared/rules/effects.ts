import type { Cause, Draft, GameEvent } from "./events.ts";
import type { GameState, PlayerId } from "./state.ts";
import { friendKey } from "./state.ts";
import { nextRandom } from "./rng.ts";

/** What one command is doing: the state it changes and the events it has caused so far. */
export interface Turn {
  s: GameState;
  at: number;
  events: GameEvent[];
}

/** Stamps an event with its number and time. Every caller passes a fresh literal, so it is stamped in place, not copied. */
export function emit(t: Turn, draft: Draft): void {
  const e = draft as GameEvent;
  e.seq = t.s.nextEvent++;
  e.at = t.at;
  t.events.push(e);
}

/** Moves a score within the configured range and records why; returns the change applied. */
export function changeScore(t: Turn, player: PlayerId, delta: number, cause: Cause): number {
  const p = t.s.players[player];
  if (!p || delta === 0) return 0;
  const { scoreMin, scoreMax } = t.s.config;
  const next = Math.min(scoreMax, Math.max(scoreMin, p.score + delta));
  const applied = next - p.score;
  if (applied === 0) return 0;
  p.score = next;
  const seq = t.s.nextEvent;
  emit(t, { type: "score", player, delta: applied, score: next, cause });
  if (applied < 0) p.deductions.push({ id: seq, amount: -applied, rule: cause.rule, appealed: false });
  return applied;
}

export function setBlacklisted(t: Turn, player: PlayerId, on: boolean, cause: Cause): void {
  const p = t.s.players[player];
  if (!p || p.blacklisted === on) return;
  p.blacklisted = on;
  emit(t, { type: "blacklisted", player, on, cause });
}

export function random(t: Turn): number {
  const r = nextRandom(t.s.rng);
  t.s.rng = r.state;
  return r.value;
}

export function link(t: Turn, a: PlayerId, b: PlayerId): void {
  t.s.friendships[friendKey(a, b)] = t.at;
  (t.s.friends[a] ??= []).push(b);
  (t.s.friends[b] ??= []).push(a);
}

export function unlink(s: GameState, a: PlayerId, b: PlayerId): void {
  delete s.friendships[friendKey(a, b)];
  s.friends[a] = (s.friends[a] ?? []).filter((x) => x !== b);
  s.friends[b] = (s.friends[b] ?? []).filter((x) => x !== a);
}
