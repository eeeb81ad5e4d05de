import type { ArraySchema } from "@colyseus/schema";
import { ballotRecord, openBallot } from "../../shared/rules/ballot.ts";
import type { EventOf } from "../../shared/rules/events.ts";
import type { GameState } from "../../shared/rules/state.ts";
import { ClassroomState, LiveEventItem } from "../../shared/schema/classroom-state.ts";
import { liveEntryOf } from "../../shared/text/live.ts";

/** The synced item of a live event: the same entry a replay makes of the folded log (liveEntryOf), so both tell it alike. */
function liveItem(e: EventOf<"live">): LiveEventItem {
  const { players, options, tally, ...fields } = liveEntryOf(e);
  const item = new LiveEventItem(fields);
  item.players.push(...players);
  item.options.push(...options);
  item.tally.push(...tally);
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
