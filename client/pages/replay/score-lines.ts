import { formatNumber, t } from "../../../shared/i18n/index.ts";
import { ACTION_NAMES } from "../../../shared/rules/config.ts";
import { didPhrase, ownLabel } from "../../../shared/text/actions.ts";
import { formatScore } from "../../../shared/text/score.ts";
import type { Line, Loaded } from "./worker-protocol.ts";
import { LINE_RULES } from "./worker-protocol.ts";

/** One change of a player's score, ready to list. */
export interface Change {
  event: number;
  at: number;
  score: number;
  delta: number;
  reason: string;
}

/** The last point of a line at or before time `at`, or -1 before the player joined. */
function pointAt(line: Line, at: number): number {
  let lo = 0;
  let hi = line.at.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (line.at[mid] <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Why a score moved, told about the player in the third person, for a facilitator's list. */
function changeReason(data: Loaded, line: Line, i: number): string {
  const rule = LINE_RULES[line.rule[i]];
  const actor = line.actor[i] >= 0 ? data.players[line.actor[i]].nickname : "";
  const action = line.action[i] >= 0 ? ACTION_NAMES[line.action[i]] : undefined;
  const did = action ? didPhrase(action, data.config) : t("replay.change.acted");
  switch (rule) {
    case "joined":
      return t("replay.change.joined");
    case "action":
      return did;
    case "friend-spillover":
      return t("replay.change.spillover", { friend: actor, did });
    case "vouch":
      return actor && actor !== playerName(data, line)
        ? t("replay.change.by-other", { actor, did: didPhrase("vouch", data.config, "them") })
        : didPhrase("vouch", data.config);
    case "vouch-risk":
      return t("replay.change.vouch-risk");
    case "reported":
      return ownLabel("report", data.config)
        ? t("replay.change.by-other", { actor, did: didPhrase("report", data.config, "them") })
        : t("replay.change.reported", { actor });
    case "guilt-by-association":
      return t("replay.change.guilt");
    case "appeal-upheld":
      return t("replay.change.appeal");
    case "topic-ban":
      return t("replay.change.topic-ban");
    case "audit":
      return t("replay.change.audit");
    case "blacklist-shock":
      return t("replay.change.shock");
    default:
      return t("replay.change.other");
  }
}

/** A player's score at time `at` (null before they joined or after they were removed), as the chart draws it. */
export function scoreAt(data: Loaded, line: Line, at: number): number | null {
  const i = pointAt(line, at);
  const gone = data.players.find((p) => p.id === line.id)?.removedAt ?? Infinity;
  return i < 0 || at >= gone ? null : line.score[i];
}

/** A score as the scenario shows it (formatScore: 480 reads 4.80), written the way the page's language writes numbers. */
export function localScore(score: number, c: Loaded["config"]): string {
  const shown = formatScore(score, c);
  const places = shown.split(".")[1]?.length ?? 0;
  return formatNumber(Number(shown), { minimumFractionDigits: places, maximumFractionDigits: places });
}

function playerName(data: Loaded, line: Line): string {
  return data.players.find((p) => p.id === line.id)?.nickname ?? line.id;
}

/** A player's score changes up to time `at`, newest first. */
export function changesUpTo(data: Loaded, line: Line, at: number, limit = 60): Change[] {
  const out: Change[] = [];
  for (let i = pointAt(line, at); i >= 0 && out.length < limit; i--) {
    out.push({
      event: line.event[i],
      at: line.at[i],
      score: line.score[i],
      delta: i > 0 ? line.score[i] - line.score[i - 1] : 0,
      reason: changeReason(data, line, i),
    });
  }
  return out;
}

/** "3:07" from the timeline's start. */
export function clockText(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${sec}` : `${m}:${sec}`;
}

/**
 * Every line sampled on one time grid, as the chart wants it: the score in force at each
 * grid time, null before the player joined and after they were removed.
 */
export function sampleLines(data: Loaded, points: number): { xs: number[]; ys: (number | null)[][] } {
  const xs: number[] = [];
  const step = (data.to - data.from) / (points - 1);
  for (let i = 0; i < points; i++) xs.push(data.from + i * step);
  const removed = new Map(data.players.map((p) => [p.id, p.removedAt ?? Infinity]));
  const ys = data.lines.map((line) => {
    const out: (number | null)[] = new Array(points);
    let j = -1;
    const gone = removed.get(line.id) ?? Infinity;
    for (let i = 0; i < points; i++) {
      while (j + 1 < line.at.length && line.at[j + 1] <= xs[i]) j++;
      out[i] = j < 0 || xs[i] >= gone ? null : line.score[j];
    }
    return out;
  });
  return { xs, ys };
}
