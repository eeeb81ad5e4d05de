import { stringify } from "csv-stringify/sync";
import { apply } from "../rules/apply.ts";
import type { Command } from "../rules/commands.ts";
import type { GameConfig } from "../rules/config.ts";
import type { GameEvent } from "../rules/events.ts";
import { friendKey, initialState, leaderboard, tierOf, type GameState, type PlayerId } from "../rules/state.ts";
import { openLog, type ReplayProblem } from "./log.ts";
import { eventRow, type EventRow } from "./table-events.ts";
import { inEnglish, inEnglishDuring, isMessageKey } from "../i18n/index.ts";
import type { FeedLine as FeedRecord } from "../messages/messages.ts";
import { feedLine } from "../text/feed.ts";
import { feedEntry, feedRecord } from "../text/feed-record.ts";
import { answerLabel, POLLS, pollQuestion, surveyScore, type Wording } from "../debrief/polls.ts";
import type { StepId } from "../debrief/types.ts";

/** The export's words for a poll: English, whatever the device speaks, beside the answer's index. */
const english: Wording = (key, params) => (isMessageKey(key) ? inEnglish(key, params) : key);

/** What the tables need of a recorded session: the shape the log API and the store hand out. */
export interface TableLog {
  meta: { code?: string; createdAt: number; seed: number; rulesVersion: number; config: GameConfig };
  commands: readonly { seq: number; command: Command }[];
}

export interface TableOptions {
  /** Replace every nickname with "Player NN", numbered by join order, the same in every table. */
  pseudonymize?: boolean;
}

export interface ScoreRow {
  session: string;
  round: number;
  complete: boolean;
  player: PlayerId;
  name: string;
  score: number;
  change: number;
  tier: string;
  blacklisted: boolean;
  friends: number;
  rank: number;
  actions: number;
}

export interface FriendshipRow {
  session: string;
  a: PlayerId;
  a_name: string;
  b: PlayerId;
  b_name: string;
  started_at: string;
  started_t: number;
  started_round: number;
  ended_at: string | null;
  ended_t: number | null;
  ended_round: number | null;
  ended_by: PlayerId | null;
  ended_by_name: string | null;
  reason: "unfriended" | "player-removed" | null;
  duration_s: number | null;
}

/** One answer to a debrief poll (shared/debrief/polls.ts): a player may answer again, and each answer is a row. */
export interface AnswerRow {
  session: string;
  seq: number;
  at: string;
  t: number;
  player: PlayerId;
  name: string;
  step: string;
  question: string;
  answer: number;
  answer_label: string;
}

/** One answer to one of the scenario's questions before round 1 or after the debrief, with the player's score on that stage. */
export interface SurveyRow {
  session: string;
  seq: number;
  at: string;
  t: number;
  player: PlayerId;
  name: string;
  stage: "before" | "after";
  question_id: string;
  question: string;
  answer: number;
  answer_label: string;
  correct: boolean | null;
  confidence: number;
  stage_score: number;
  stage_scored: number;
}

export interface Tables {
  events: EventRow[];
  scores: ScoreRow[];
  friendships: FriendshipRow[];
  answers: AnswerRow[];
  survey: SurveyRow[];
}
export type TableName = keyof Tables;
export const TABLE_NAMES: readonly TableName[] = ["events", "scores", "friendships", "answers", "survey"];

export type TableProblem = ReplayProblem;

/** Column order of each CSV: identifiers first, then what happened, then the numbers. */
export const COLUMNS: { [K in TableName]: (keyof Tables[K][number])[] } = {
  events: [
    "session",
    "seq",
    "at",
    "t",
    "round",
    "type",
    "player",
    "player_name",
    "actor",
    "actor_name",
    "target",
    "target_name",
    "action",
    "truth",
    "rule",
    "delta",
    "score_after",
    "ref",
    "detail",
    "text",
  ],
  scores: ["session", "round", "complete", "player", "name", "score", "change", "tier", "blacklisted", "friends", "rank", "actions"],
  friendships: [
    "session",
    "a",
    "a_name",
    "b",
    "b_name",
    "started_at",
    "started_t",
    "started_round",
    "ended_at",
    "ended_t",
    "ended_round",
    "ended_by",
    "ended_by_name",
    "reason",
    "duration_s",
  ],
  answers: ["session", "seq", "at", "t", "player", "name", "step", "question", "answer", "answer_label"],
  survey: [
    "session",
    "seq",
    "at",
    "t",
    "player",
    "name",
    "stage",
    "question_id",
    "question",
    "answer",
    "answer_label",
    "correct",
    "confidence",
    "stage_score",
    "stage_scored",
  ],
};

/**
 * Replays the log through the rules' own `apply` (skipping what it refuses, exactly as `fold`
 * does) and writes down, as it goes, one row per event, one per player per round and one per
 * friendship. Nothing here decides a score: every number is read off the rules' state or events.
 */
export function tidyTables(stored: TableLog, opts: TableOptions = {}): Tables | TableProblem {
  const log = openLog(stored);
  if ("code" in log) return log;
  const { meta } = log;
  const session = meta.code ?? "";
  const time = (at: number) => ({ iso: new Date(at).toISOString(), t: Math.round(at - meta.createdAt) / 1000 });
  const out: Tables = { events: [], scores: [], friendships: [], answers: [], survey: [] };
  const open = new Map<string, { row: FriendshipRow; at: number }>();
  const nicknames = new Map<PlayerId, string>();
  const lastScore = new Map<PlayerId, number>();
  const acts = new Map<PlayerId, number>();
  /** Each event row's feed record, for its English text once the names are known. */
  const records: (FeedRecord | undefined)[] = [];

  const snapshot = (s: GameState, round: number, complete: boolean) => {
    leaderboard(s).forEach((id, i) => {
      const p = s.players[id];
      const before = lastScore.get(id) ?? s.config.startScore;
      lastScore.set(id, p.score);
      out.scores.push({
        session,
        round,
        complete,
        player: id,
        name: id,
        score: p.score,
        change: p.score - before,
        tier: tierOf(p.score, s.config),
        blacklisted: p.blacklisted,
        friends: s.friends[id]?.length ?? 0,
        rank: i + 1,
        actions: acts.get(id) ?? 0,
      });
    });
    acts.clear();
  };

  const closeGone = (s: GameState, events: GameEvent[], at: number, round: number) => {
    for (const [key, { row, at: since }] of open) {
      if (key in s.friendships) continue;
      const cut = events.find((e) => e.type === "unfriended" && [e.by, e.other].includes(row.a) && [e.by, e.other].includes(row.b));
      const { iso, t } = time(at);
      const by = cut?.type === "unfriended" ? cut.by : null;
      Object.assign(row, {
        ended_at: iso,
        ended_t: t,
        ended_round: round,
        ended_by: by,
        ended_by_name: by,
        reason: by ? "unfriended" : "player-removed",
        duration_s: (at - since) / 1000,
      });
      open.delete(key);
    }
  };

  let s = initialState(meta.config, meta.seed, meta.rulesVersion);
  for (const { seq, command } of log.commands) {
    // A debrief poll's answer is kept as it was logged: the room refused, and never logged, one out of place.
    if (command.kind === "poll") {
      const { iso, t } = time(command.at);
      const poll = POLLS[command.step as StepId];
      out.answers.push({
        session,
        seq,
        at: iso,
        t,
        player: command.player,
        name: command.player,
        step: command.step,
        question: poll ? pollQuestion(command.step, english) : "",
        answer: command.answer,
        answer_label: answerLabel(command.step, command.answer, english),
      });
      continue;
    }
    if (command.kind === "survey") {
      const { iso, t } = time(command.at);
      const questions = meta.config.scenario.survey ?? [];
      const { right, of } = surveyScore(command.answers, questions);
      command.answers.forEach((a, i) => {
        const q = questions[i];
        if (!q) return;
        out.survey.push({
          session,
          seq,
          at: iso,
          t,
          player: command.player,
          name: command.player,
          stage: command.stage,
          question_id: q.id,
          question: q.question,
          answer: a.choice,
          answer_label: q.options[a.choice] ?? String(a.choice),
          correct: q.correct === undefined ? null : a.choice === q.correct,
          confidence: a.confidence,
          stage_score: right,
          stage_scored: of,
        });
      });
      continue;
    }
    // apply updates the state in place, so the round an event happened in is read before it.
    let round = s.round;
    const applied = apply(s, command);
    if ("code" in applied) continue;
    s = applied.state;
    const ended: number[] = [];
    for (const e of applied.events) {
      if (e.type === "phase") round = e.round;
      if (e.type === "phase" && e.change === "round-ended") ended.push(e.round);
      if (e.type === "player-joined") nicknames.set(e.player, e.nickname);
      if (e.type === "acted") acts.set(e.player, (acts.get(e.player) ?? 0) + 1);
      if (e.type === "friends") {
        const { iso, t } = time(e.at);
        open.set(friendKey(e.a, e.b), { row: pushFriendship(out, { session, a: e.a, b: e.b, started_at: iso, started_t: t, started_round: round }), at: e.at });
      }
      out.events.push(eventRow(session, e, round, time(e.at), s.config));
      records.push(feedRecord(e, round, true));
    }
    closeGone(s, applied.events, s.now, round);
    for (const r of ended) snapshot(s, r, true);
  }
  if (s.phase === "round") snapshot(s, s.round, false);
  const of = name(out, nicknames, s.nextPlayer - 1, opts.pseudonymize === true);
  // The feed's own words, in English whatever the device speaks: the export keeps codes and adds the text.
  inEnglishDuring(() =>
    out.events.forEach((row, i) => {
      const record = records[i];
      row.text = record ? feedLine(feedEntry(record), (id) => of(id) ?? id, s.config).text : null;
    }),
  );
  return out;
}

function pushFriendship(out: Tables, start: Pick<FriendshipRow, "session" | "a" | "b" | "started_at" | "started_t" | "started_round">): FriendshipRow {
  const row: FriendshipRow = {
    ...start,
    a_name: start.a,
    b_name: start.b,
    ended_at: null,
    ended_t: null,
    ended_round: null,
    ended_by: null,
    ended_by_name: null,
    reason: null,
    duration_s: null,
  };
  out.friendships.push(row);
  return row;
}

/** "Player 07" for p7: join order, padded to the widest number in the session. */
function pseudonym(id: PlayerId, players: number): string {
  const width = Math.max(2, String(players).length);
  return `Player ${id.replace(/^p/, "").padStart(width, "0")}`;
}

/** Fills every *_name column last, once every nickname (and the number of players) is known. */
function name(out: Tables, nicknames: Map<PlayerId, string>, total: number, pseudonymize: boolean): (id: PlayerId | null) => string | null {
  const of = (id: PlayerId | null) => (id === null ? null : pseudonymize ? pseudonym(id, total) : (nicknames.get(id) ?? id));
  for (const e of out.events) {
    Object.assign(e, { player_name: of(e.player), actor_name: of(e.actor), target_name: of(e.target) });
  }
  for (const r of out.scores) r.name = of(r.player)!;
  for (const a of out.answers) a.name = of(a.player)!;
  for (const a of out.survey) a.name = of(a.player)!;
  for (const f of out.friendships) Object.assign(f, { a_name: of(f.a), b_name: of(f.b), ended_by_name: of(f.ended_by) });
  return of;
}

/**
 * A table as CSV for R (readr) or pandas: a header row, ISO 8601 times in UTC, true/false,
 * empty cells for missing values. Quoting is csv-stringify's; a cell a spreadsheet would run
 * as a formula (a nickname starting with =, +, - or @) is prefixed with ' as OWASP advises.
 */
export function tableCsv<K extends TableName>(tables: Tables, table: K): string {
  return stringify(tables[table] as unknown as Record<string, unknown>[], {
    header: true,
    columns: COLUMNS[table] as string[],
    cast: { boolean: (v) => (v ? "true" : "false") },
    escape_formulas: true,
  });
}
