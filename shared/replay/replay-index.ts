import { apply } from "../rules/apply.ts";
import { isDebriefCommand, type RejectionCode } from "../rules/commands.ts";
import type { GameConfig } from "../rules/config.ts";
import type { GameEvent, ScoreRule } from "../rules/events.ts";
import { initialState, type GameState, type PlayerId } from "../rules/state.ts";
import { rulesAfter, rulesAtStart, type RulesInForce } from "../rules/rules-at.ts";
import { copyState } from "./copy-state.ts";
import { openLog, type ReplayLog, type ReplayProblem } from "./log.ts";

/** One point of a score line: the score right after the event that set it. */
export interface ScorePoint {
  event: number;
  at: number;
  score: number;
  delta: number;
  rule: ScoreRule | "joined";
}

export interface ReplayPlayer {
  id: PlayerId;
  nickname: string;
  joinedAt: number;
  startScore: number;
  removedAt?: number;
}

export interface RoundSpan {
  round: number;
  startAt: number;
  /** Sequence number of its round-started event, and of its round-ended event once it ended. */
  startEvent: number;
  endAt?: number;
  endEvent?: number;
}

/** A session folded once: every event with the command behind it, snapshots for seeking, score lines. */
export interface Replay {
  log: ReplayLog;
  config: GameConfig;
  events: GameEvent[];
  /** For each position in `events`, the index (in log.commands) of the command that caused it. */
  eventCommand: Int32Array;
  /** Events of command i are events[commandEvents[i]] up to events[commandEvents[i + 1]]. */
  commandEvents: Int32Array;
  /** The game clock after each command: the latest time an accepted command carried. */
  times: Float64Array;
  /** Commands the rules refused (a log may hold them; they changed nothing then either). */
  refused: Map<number, RejectionCode>;
  /** snapshots[k] is the state after the first k * snapshotEvery commands. */
  snapshots: GameState[];
  snapshotEvery: number;
  /** The state at the end of the log. Shared: read it, never change it (seeks return copies). */
  final: GameState;
  players: Record<PlayerId, ReplayPlayer>;
  trajectories: Record<PlayerId, ScorePoint[]>;
  rounds: RoundSpan[];
  /** Each change of the rules: `rules` hold from the first `from` events on (rulesAt reads it). */
  rules: { from: number; rules: RulesInForce }[];
}

export interface BuildOptions {
  /**
   * Commands between snapshots: a seek copies one snapshot and applies fewer than this many.
   * By default about 64 snapshots in all (at least 250 commands apart), which keeps a long
   * session's memory bounded while a seek stays a few milliseconds of folding.
   */
  snapshotEvery?: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Folds the log once with the rules' own `apply`, keeping what a replay needs to seek, draw
 * score lines and explain any score change. The rules update the state in place, so each
 * snapshot is a deep copy.
 */
export function buildReplay(stored: ReplayLog, opts: BuildOptions = {}): Replay | ReplayProblem {
  const log = openLog(stored);
  if ("code" in log) return log;
  const n = log.commands.length;
  const every = Math.max(1, Math.floor(opts.snapshotEvery ?? Math.max(250, Math.ceil(n / 64))));
  const s = initialState(log.meta.config, log.meta.seed, log.meta.rulesVersion);
  const r: Replay = {
    log,
    config: log.meta.config,
    events: [],
    eventCommand: new Int32Array(0),
    commandEvents: new Int32Array(n + 1),
    times: new Float64Array(n),
    refused: new Map(),
    snapshots: [copyState(s)],
    snapshotEvery: every,
    final: s,
    players: {},
    trajectories: {},
    rounds: [],
    rules: [{ from: 0, rules: rulesAtStart(log.meta.config) }],
  };
  let inForce = r.rules[0].rules;
  const eventCommand: number[] = [];
  let time = 0;
  for (let i = 0; i < n; i++) {
    const c = log.commands[i].command;
    const out = apply(s, c);
    if ("code" in out) r.refused.set(i, out.code);
    else {
      // The debrief after the game is not part of its timeline.
      if (!isDebriefCommand(c)) time = Math.max(time, c.at);
      for (const e of out.events) {
        r.events.push(e);
        eventCommand.push(i);
        track(r, s, e);
        const next = rulesAfter(inForce, e);
        if (next !== inForce) r.rules.push({ from: r.events.length, rules: (inForce = next) });
      }
    }
    r.commandEvents[i + 1] = r.events.length;
    r.times[i] = time;
    if ((i + 1) % every === 0) r.snapshots.push(copyState(s));
    if (opts.onProgress && ((i + 1) % 2000 === 0 || i + 1 === n)) opts.onProgress(i + 1, n);
  }
  r.eventCommand = Int32Array.from(eventCommand);
  return r;
}

function track(r: Replay, s: GameState, e: GameEvent): void {
  switch (e.type) {
    case "player-joined": {
      const startScore = s.players[e.player].score;
      r.players[e.player] = { id: e.player, nickname: e.nickname, joinedAt: e.at, startScore };
      r.trajectories[e.player] = [{ event: e.seq, at: e.at, score: startScore, delta: 0, rule: "joined" }];
      return;
    }
    case "score":
      r.trajectories[e.player].push({ event: e.seq, at: e.at, score: e.score, delta: e.delta, rule: e.cause.rule });
      return;
    case "player-removed":
      r.players[e.player].removedAt = e.at;
      return;
    case "phase":
      if (e.change === "round-started") r.rounds.push({ round: e.round, startAt: e.at, startEvent: e.seq });
      if (e.change === "round-ended") {
        const span = r.rounds[r.rounds.length - 1];
        span.endAt = e.at;
        span.endEvent = e.seq;
      }
      return;
  }
}
