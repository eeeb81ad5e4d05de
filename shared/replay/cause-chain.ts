import type { Command } from "../rules/commands.ts";
import type { ActionConfig, ActionName, GameConfig } from "../rules/config.ts";
import type { EventOf, ScoreRule } from "../rules/events.ts";
import { friendsOf, type PlayerId } from "../rules/state.ts";
import { appealOf, liveCauseOf, type AppealRecord, type LiveCause } from "./debrief-answers.ts";
import type { Replay } from "./replay-index.ts";
import { commandOfEvent, eventBySeq, eventIndex, roundOfEvent, rulesAfterCount, stateAfter } from "./seek.ts";

export type ScoreEvent = EventOf<"score">;

export interface Pull {
  friend: PlayerId;
  nickname: string;
  /** The friend's score when the round ended, before anyone moved. */
  score: number;
  /** This friend's part of the change: weight × (score − pivot) / number of friends. */
  part: number;
}

/** Why a score moved, from the change back to the command, whose it was and which rule applied. */
export interface CauseChain {
  event: ScoreEvent;
  player: { id: PlayerId; nickname: string };
  round: number;
  /** The command behind it: its place in the log and what it was (a player's action, the facilitator, the clock). */
  command: { index: number; seq: number; command: Command };
  rule: ScoreRule;
  actor?: { id: PlayerId; nickname: string };
  action?: ActionName;
  truth?: ActionConfig["truth"];
  /** Guilt by association: the friends who pulled, most negative first, and the formula's numbers. */
  pull?: { weight: number; pivot: number; friends: Pull[] };
  /** An upheld appeal: the deduction it reversed, with its own chain. */
  reverses?: CauseChain;
  /** The rules in force as it happened (thresholds a vote may have moved since the start). */
  rules: GameConfig;
  /** A change made by a live event (audit, topic ban, blacklist shock): that event, planned or the facilitator's. */
  live?: LiveCause;
  /** The audit's deliberate mistake: this deduction, and its appeal if there was one. */
  mistake?: { appeal: AppealRecord | null };
}

function nicknameOf(r: Replay, id: PlayerId): string {
  return r.players[id]?.nickname ?? id;
}

/** The cause chain of one score change, or undefined when `seq` is not a score event. */
export function causeChain(r: Replay, seq: number): CauseChain | undefined {
  const event = eventBySeq(r, seq);
  if (event?.type !== "score") return undefined;
  const index = commandOfEvent(r, seq);
  const { actor, action, rule } = event.cause;
  const chain: CauseChain = {
    event,
    player: { id: event.player, nickname: nicknameOf(r, event.player) },
    round: roundOfEvent(r, seq),
    command: { index, seq: r.log.commands[index].seq, command: r.log.commands[index].command },
    rule,
    rules: rulesAfterCount(r, eventIndex(r, seq)).config,
  };
  if (actor !== undefined) chain.actor = { id: actor, nickname: nicknameOf(r, actor) };
  if (action !== undefined) {
    chain.action = action;
    chain.truth = r.config.actions[action].truth;
  }
  if (rule === "guilt-by-association") chain.pull = pullBehind(r, index, seq);
  if (rule === "audit" || rule === "topic-ban" || rule === "blacklist-shock") chain.live = liveCauseOf(r, index, eventIndex(r, seq));
  if (chain.live?.detail.kind === "audit" && chain.live.detail.wrong === seq) chain.mistake = { appeal: appealOf(r, seq) };
  if (rule === "appeal-upheld") {
    const appeal = r.events.slice(r.commandEvents[index], eventIndex(r, seq)).find((e) => e.type === "appeal");
    if (appeal?.type === "appeal") chain.reverses = causeChain(r, appeal.deduction);
  }
  return chain;
}

/**
 * The friends behind a round-end pull. The rules move everyone at once from the scores as the
 * round ended, so those are the scores before the command plus whatever the same command
 * changed before the pull began.
 */
function pullBehind(r: Replay, index: number, seq: number): CauseChain["pull"] {
  const s = stateAfter(r, index);
  const at = eventIndex(r, seq);
  let start = at;
  const isPull = (i: number) => {
    const e = r.events[i];
    return e.type === "score" && e.cause.rule === "guilt-by-association";
  };
  while (start > r.commandEvents[index] && isPull(start - 1)) start--;
  const scores = new Map<PlayerId, number>();
  for (let i = r.commandEvents[index]; i < start; i++) {
    const e = r.events[i];
    if (e.type === "score") scores.set(e.player, e.score);
  }
  const player = (r.events[at] as ScoreEvent).player;
  const friends = friendsOf(s, player);
  // The rules in force as the pull began: a planned change earlier in the same tick counts.
  const { friendWeight: weight, friendPivot: pivot } = rulesAfterCount(r, start).config;
  const pulls = friends.map((f): Pull => {
    const score = scores.get(f) ?? s.players[f].score;
    return { friend: f, nickname: nicknameOf(r, f), score, part: (weight * (score - pivot)) / friends.length };
  });
  return { weight, pivot, friends: pulls.sort((a, b) => a.part - b.part || a.friend.localeCompare(b.friend)) };
}
