import type { ArraySchema } from "@colyseus/schema";
import { ballotResults, openBallot } from "../../shared/rules/ballot.ts";
import type { EventOf, GameEvent } from "../../shared/rules/events.ts";
import type { RuleChange } from "../../shared/rules/live/types.ts";
import type { GameState, PlayerData } from "../../shared/rules/state.ts";
import { ClassroomState, DeductionState, LiveEventItem, type PlayerState } from "../../shared/schema/classroom-state.ts";

const DEDUCTIONS_SHOWN = 5;

/** The name a client shows for the number a rule change moved: "friendWeight", "visaAt", "actions.report.self". */
export function settingOf(change: RuleChange): string {
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

function syncDeductions(ps: PlayerState, p: PlayerData): void {
  const open = p.deductions.filter((d) => !d.appealed).slice(-DEDUCTIONS_SHOWN);
  if (ps.deductions.length === open.length && open.every((d, i) => ps.deductions[i].id === d.id)) return;
  ps.deductions.clear();
  for (const d of open) ps.deductions.push(new DeductionState({ id: d.id, amount: d.amount, rule: d.rule }));
}

function syncBallots(ps: PlayerState, p: PlayerData, g: GameState): void {
  const answered = (["start", "end"] as const).filter((stage) => g.ballots[stage].voters.includes(p.id));
  if (ps.ballotsAnswered.length !== answered.length) {
    ps.ballotsAnswered.clear();
    ps.ballotsAnswered.push(...answered);
  }
}

/** The per-player private fields that follow events rather than every command; all of them, for a seat that is new to the schema. */
export function syncPrivate(ps: PlayerState, p: PlayerData, g: GameState): void {
  syncDeductions(ps, p);
  syncBallots(ps, p, g);
  const v = g.vote;
  ps.voteStatus = v && v.eligible.includes(p.id) ? (p.id in v.choices ? "voted" : "eligible") : "";
}

function followEvents(g: GameState, state: ClassroomState, events: readonly GameEvent[]): void {
  for (const e of events) {
    const player = e.type === "score" || e.type === "appeal" || e.type === "ballot-answered" || e.type === "voted" ? e.player : undefined;
    const ps = player === undefined ? undefined : state.players.get(player);
    const p = player === undefined ? undefined : g.players[player];
    if (ps && p && (e.type === "appeal" || (e.type === "score" && e.delta < 0))) syncDeductions(ps, p);
    if (ps && p && e.type === "ballot-answered") syncBallots(ps, p, g);
    if (ps && e.type === "voted") ps.voteStatus = "voted";
    if (e.type !== "live") continue;
    if (e.detail.kind === "vote-opened") {
      for (const id of e.detail.eligible) {
        const eligible = state.players.get(id);
        if (eligible) eligible.voteStatus = "eligible";
      }
    } else if (e.detail.kind === "vote-closed") {
      for (const x of state.players.values()) if (x.voteStatus !== "") x.voteStatus = "";
    }
  }
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
  setNumbers(b.startResults, ballotResults(g, "start") ?? []);
  setNumbers(b.endResults, ballotResults(g, "end") ?? []);
  const approved = Array.from({ length: g.round }, () => 0);
  const opinion = Array.from({ length: g.round }, () => 0);
  for (const post of g.posts) (post.action === "share-approved" ? approved : opinion)[post.round - 1] += 1;
  setNumbers(b.approvedPosts, approved);
  setNumbers(b.opinionPosts, opinion);
}

/**
 * Projects the live-event side of the rules' state: visibility, banned topics, the live events
 * (banners and timeline marks), the open vote, the secret ballot's progress and, after the
 * game, its aggregate next to the public posting record.
 */
export function projectLive(g: GameState, state: ClassroomState, events: readonly GameEvent[]): void {
  if (state.visibility !== g.visibility) state.visibility = g.visibility;
  if (state.scenario !== g.config.scenario.id) state.scenario = g.config.scenario.id;
  const banned = Object.keys(g.bannedTopics);
  if (state.bannedTopics.length !== banned.length) {
    state.bannedTopics.clear();
    state.bannedTopics.push(...banned);
  }
  for (let i = state.liveEvents.length; i < g.live.length; i++) state.liveEvents.push(liveItem(g.live[i]));
  followEvents(g, state, events);
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
