import type { Cause, Draft, GameEvent } from "./events.ts";
import type { Deduction, GameState, PlayerId } from "./state.ts";
import { friendKey, since } from "./state.ts";
import { nextRandom } from "./rng.ts";
import { keyedDraw } from "./luck.ts";

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
  if (applied < 0) {
    const d: Deduction = { id: seq, amount: -applied, rule: cause.rule, appealed: false };
    if (since(t.s, 3)) d.luck = deductionLuck(p.nickname, cause.rule, t.at, p.deductions);
    p.deductions.push(d);
  }
  return applied;
}

/**
 * A deduction named by what it was, the same in every world where it happens: whose, by which
 * rule, at what time, and how many of theirs by that rule came at that same time before it.
 */
function deductionLuck(nickname: string, rule: string, at: number, earlier: readonly Deduction[]): string {
  const prefix = `${nickname}:${rule}:${at}:`;
  let k = 0;
  for (const d of earlier) if (d.luck?.startsWith(prefix)) k++;
  return `${prefix}${k}`;
}

export function setBlacklisted(t: Turn, player: PlayerId, on: boolean, cause: Cause): void {
  const p = t.s.players[player];
  if (!p || p.blacklisted === on || (on && t.s.config.noBlacklist)) return;
  p.blacklisted = on;
  emit(t, { type: "blacklisted", player, on, cause });
}

/** Version 2's luck: the next number of the one stream kept in the state, whatever it decides. */
export function random(t: Turn): number {
  const r = nextRandom(t.s.rng);
  t.s.rng = r.state;
  return r.value;
}

/** Version 3's luck: a draw keyed by what it decides (luck.ts), untouched by every other draw. */
export function luck(t: Turn, key: string): number {
  return keyedDraw(t.s.seed, key);
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
