import type { ArraySchema } from "@colyseus/schema";
import { ballotRecord, openBallot } from "../../shared/rules/ballot.ts";
import type { EventOf } from "../../shared/rules/events.ts";
import type { RuleChange } from "../../shared/rules/live/types.ts";
import type { GameState } from "../../shared/rules/state.ts";
import { ClassroomState, LiveEventItem } from "../../shared/schema/classroom-state.ts";

/** The name a client shows for the number a rule change moved: "friendWeight", "visaAt", "actions.report.self". */
function settingOf(change: RuleChange): string {
  if (change.rule === "friend-weight") return "friendWeight";
  if (change.rule === "threshold") return change.threshold;
  return `actions.${change.action}.${change.field}`;
}

function liveItem(e: EventOf<"live">): LiveEventItem {
  const item = new LiveEventItem({
    seq: e.seq,
    at: e.at,
    round: e.round,
    kind: e.detail.kind,
    scheduled: e.scheduled,
    setting: "",
    before: "",
    after: "",
    topic: "",
    option: "",
    amount: 0,
    retroactive: false,
    count: 0,
    revealed: "",
  });
  const d = e.detail;
  switch (d.kind) {
    case "visibility":
      Object.assign(item, { setting: "visibility", before: d.before, after: d.mode });
      break;
    case "rule-change":
      Object.assign(item, { setting: settingOf(d.change), before: String(d.before), after: String(d.change.value) });
      break;
    case "topic-ban":
      Object.assign(item, { topic: d.topic, amount: d.penalty, retroactive: d.retroactive, count: d.posts.length });
      item.players.push(...d.players);
      break;
    case "audit":
      Object.assign(item, { amount: d.points, count: d.players.length });
      item.players.push(...d.players);
      break;
    case "blacklist-shock":
      Object.assign(item, { amount: d.below, count: d.players.length });
      item.players.push(...d.players);
      break;
    case "vote-opened":
      item.count = d.eligible.length;
      item.options.push(...d.options);
      break;
    case "vote-closed":
      item.option = d.option ?? "";
      item.options.push(...Object.keys(d.tally));
      item.tally.push(...Object.values(d.tally));
      item.count = Object.values(d.tally).reduce((a, b) => a + b, 0);
      if (d.change) Object.assign(item, { setting: settingOf(d.change), before: String(d.before), after: String(d.change.value) });
      break;
    case "final-round":
      item.amount = d.round;
      break;
  }
  return item;
}

function setNumbers(target: ArraySchema<number>, source: readonly number[]): void {
  if (target.length === source.length && source.every((v, i) => target[i] === v)) return;
  target.clear();
  target.push(...source);
}

/** After the game: whose deduction each audit got wrong, for the debrief. */
function revealAudits(g: GameState, state: ClassroomState): void {
  g.live.forEach((e, i) => {
    const item = state.liveEvents[i];
    if (e.detail.kind !== "audit" || !item || item.revealed !== "" || e.detail.wrong === 0) return;
    const wrong = e.detail.wrong;
    item.revealed = e.detail.players.find((p) => g.players[p]?.deductions.some((d) => d.id === wrong)) ?? "";
  });
}

function projectBallot(g: GameState, state: ClassroomState): void {
  const b = state.ballot;
  const open = openBallot(g) ?? "";
  if (b.open !== open) b.open = open;
  if (b.startAnswers !== g.ballots.start.voters.length) b.startAnswers = g.ballots.start.voters.length;
  if (b.endAnswers !== g.ballots.end.voters.length) b.endAnswers = g.ballots.end.voters.length;
  if (g.phase !== "ended") return;
  const record = ballotRecord(g);
  setNumbers(b.startResults, record.startResults);
  setNumbers(b.endResults, record.endResults);
  setNumbers(b.approvedPosts, record.approvedPosts);
  setNumbers(b.opinionPosts, record.opinionPosts);
}

/**
 * Projects the live-event side of the rules' state: visibility, banned topics, the live events
 * (banners and timeline marks), the open vote, the secret ballot's progress and, after the
 * game, its aggregate next to the public posting record.
 */
export function projectLive(g: GameState, state: ClassroomState): void {
  if (state.visibility !== g.visibility) state.visibility = g.visibility;
  if (state.scenario !== g.config.scenario.id) state.scenario = g.config.scenario.id;
  const banned = Object.keys(g.bannedTopics);
  if (state.bannedTopics.length !== banned.length) {
    state.bannedTopics.clear();
    state.bannedTopics.push(...banned);
  }
  for (let i = state.liveEvents.length; i < g.live.length; i++) state.liveEvents.push(liveItem(g.live[i]));
  const v = g.vote;
  const vote = state.vote;
  if (vote.open !== (v !== null)) vote.open = v !== null;
  if (vote.seq !== (v?.seq ?? 0)) {
    vote.seq = v?.seq ?? 0;
    vote.options.clear();
    vote.options.push(...(v?.options ?? []));
    vote.eligible = v?.eligible.length ?? 0;
  }
  const cast = v ? Object.keys(v.choices).length : 0;
  if (vote.cast !== cast) vote.cast = cast;
  projectBallot(g, state);
  if (g.phase === "ended") revealAudits(g, state);
}
