import type { RulesInForce } from "../rules/rules-at.ts";
import { apply } from "../rules/apply.ts";
import type { GameEvent } from "../rules/events.ts";
import type { GameState, PlayerId } from "../rules/state.ts";
import { copyState } from "./copy-state.ts";
import type { Replay, ScorePoint } from "./replay-index.ts";

/** The first index in [0, n) whose value exceeds x, for a non-decreasing sequence. */
function upperBound(n: number, x: number, at: (i: number) => number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (at(mid) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The state after the first `count` commands of the log, as a fresh copy the caller owns:
 * one snapshot copied, then fewer than `snapshotEvery` commands applied by the rules.
 */
export function stateAfter(r: Replay, count: number): GameState {
  const k = Math.max(0, Math.min(r.log.commands.length, Math.floor(count)));
  const snap = Math.min(Math.floor(k / r.snapshotEvery), r.snapshots.length - 1);
  const s = copyState(r.snapshots[snap]);
  for (let i = snap * r.snapshotEvery; i < k; i++) apply(s, r.log.commands[i].command);
  return s;
}

/** How many commands have log sequence numbers up to and including `seq`. */
function countThroughSeq(r: Replay, seq: number): number {
  return upperBound(r.log.commands.length, seq, (i) => r.log.commands[i].seq);
}

/** How many commands had taken effect by time `at` (ms, the clock the commands carry). */
export function countThroughTime(r: Replay, at: number): number {
  return upperBound(r.times.length, at, (i) => r.times[i]);
}

/** The game right after the command with log sequence number `seq` (or the last one before it). */
export function stateAtSeq(r: Replay, seq: number): GameState {
  return stateAfter(r, countThroughSeq(r, seq));
}

/** The game as it stood at time `at`: every command up to that moment applied. */
export function stateAtTime(r: Replay, at: number): GameState {
  return stateAfter(r, countThroughTime(r, at));
}

/** The span of time a scrubber covers: from the first command to the last. */
export function timeRange(r: Replay): { from: number; to: number } {
  const n = r.times.length;
  return n === 0 ? { from: 0, to: 0 } : { from: r.log.commands[0].command.at, to: r.times[n - 1] };
}

/** The round an event happened in (0 in the lobby); a round-end pull belongs to the round it ends. */
export function roundOfEvent(r: Replay, seq: number): number {
  const i = upperBound(r.rounds.length, seq, (j) => r.rounds[j].startEvent) - 1;
  return i < 0 ? 0 : r.rounds[i].round;
}

/** How many events the session had produced by time `at` (the page's feed up to that moment). */
function eventCountAtTime(r: Replay, at: number): number {
  return r.commandEvents[countThroughTime(r, at)];
}

export function eventIndex(r: Replay, seq: number): number {
  const guess = seq - 1;
  if (r.events[guess]?.seq === seq) return guess;
  const i = upperBound(r.events.length, seq, (j) => r.events[j].seq) - 1;
  return i >= 0 && r.events[i].seq === seq ? i : -1;
}

export function eventBySeq(r: Replay, seq: number): GameEvent | undefined {
  const i = eventIndex(r, seq);
  return i < 0 ? undefined : r.events[i];
}

/** The index in log.commands of the command that caused the event, or -1 for no such event. */
export function commandOfEvent(r: Replay, seq: number): number {
  const i = eventIndex(r, seq);
  return i < 0 ? -1 : r.eventCommand[i];
}

export function eventsOfCommand(r: Replay, index: number): GameEvent[] {
  return r.events.slice(r.commandEvents[index], r.commandEvents[index + 1]);
}

/** A player's score line point in force just after event `seq` (undefined before they joined). */
export function scorePointAt(r: Replay, player: PlayerId, seq: number): ScorePoint | undefined {
  const line = r.trajectories[player];
  if (!line) return undefined;
  const i = upperBound(line.length, seq, (j) => line[j].event) - 1;
  return i >= 0 ? line[i] : undefined;
}

/** The rules in force once the first `eventCount` events had happened: every number, label and who saw scores. */
export function rulesAfterCount(r: Replay, eventCount: number): RulesInForce {
  let lo = 0;
  let hi = r.rules.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (r.rules[mid].from <= eventCount) lo = mid;
    else hi = mid - 1;
  }
  return r.rules[lo].rules;
}

/** The rules in force at time `at`, after every event up to and including that moment. */
export function rulesAtTime(r: Replay, at: number): RulesInForce {
  return rulesAfterCount(r, eventCountAtTime(r, at));
}
