import type { GameConfig } from "../rules/config.ts";
import type { EventOf } from "../rules/events.ts";
import type { ThresholdName, Visibility } from "../rules/live/types.ts";
import { THRESHOLDS } from "../rules/live/types.ts";
import { changedSetting } from "../rules/live/rule-change.ts";
import { ACTION_NAMES, type ActionName } from "../rules/config.ts";
import { actionLabel } from "./actions.ts";
import type { NameOf } from "./reasons.ts";
import { blacklistName, formatDelta, formatScore } from "./score.ts";
import { EFFECT_TEXT, NUMBER_TEXT, THRESHOLD_HEADLINE } from "./settings.ts";
import { nameList, plural } from "./words.ts";

/** One live event as plain data (the synced LiveEventItem's fields; docs/PROTOCOL.md has the table). */
export interface LiveEntry {
  seq: number;
  at: number;
  round: number;
  kind: string;
  scheduled: boolean;
  setting: string;
  before: string;
  after: string;
  topic: string;
  option: string;
  amount: number;
  retroactive: boolean;
  count: number;
  players: string[];
  options: string[];
  tally: number[];
  revealed: string;
}

/** What the words need from the session: its labels, topics, rule menu and the numbers events default to. */
export type LiveRules = Pick<
  GameConfig,
  "scenario" | "topics" | "voteMenu" | "friendWeight" | "actions" | "topicBanPenalty" | "auditShare" | "auditPoints" | "shockBelow" | "voteShare"
> &
  Pick<GameConfig, ThresholdName>;

export type LiveTone = "info" | "warn" | "bad";

export interface LiveText {
  icon: string;
  /** A short name of the kind of event, for a timeline mark. */
  name: string;
  /** The headline: what changed. */
  title: string;
  /** The numbers and who it touched. */
  detail: string;
  tone: LiveTone;
}

const KIND: Record<string, { icon: string; name: string; tone: LiveTone }> = {
  visibility: { icon: "◉", name: "Who sees scores", tone: "info" },
  "rule-change": { icon: "§", name: "Rule change", tone: "warn" },
  "topic-ban": { icon: "⊗", name: "Topic ban", tone: "bad" },
  audit: { icon: "⌕", name: "Audit", tone: "bad" },
  "blacklist-shock": { icon: "⊘", name: "Blacklist shock", tone: "bad" },
  "vote-opened": { icon: "☐", name: "Vote", tone: "info" },
  "vote-closed": { icon: "☑", name: "Vote result", tone: "warn" },
  "final-round": { icon: "⚐", name: "Final round", tone: "info" },
};

export const VISIBILITY: Record<Visibility, { title: string; detail: string; plan: string }> = {
  hidden: { title: "Scores are now hidden", detail: "Nobody sees a score, not even their own. The system keeps counting.", plan: "Scores are hidden" },
  owner: {
    title: "Scores are now visible to their owners (voluntary)",
    detail: "You see your own score, and you may choose to show it to everyone.",
    plan: "Scores become visible to their owners (voluntary)",
  },
  public: {
    title: "Scores are now public (mandatory)",
    detail: "Everyone sees every score, and the leaderboard is on.",
    plan: "Scores go public, with a leaderboard (mandatory)",
  },
};

/** "Ana", "Ana and Bo", "Ana, Bo and Cy", "Ana, Bo, Cy and 4 others". */
export function listNames(ids: readonly string[], nameOf: NameOf, shown = 3): string {
  return nameList(ids.map(nameOf), shown + 1);
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function lower(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function isThreshold(x: string): x is ThresholdName {
  return (THRESHOLDS as readonly string[]).includes(x);
}

function isAction(x: string): x is ActionName {
  return (ACTION_NAMES as readonly string[]).includes(x);
}

export function topicLabel(id: string, c: Pick<GameConfig, "topics">): string {
  return c.topics.find((t) => t.id === id)?.label ?? id;
}

function optionLabel(id: string, c: Pick<GameConfig, "voteMenu">): string {
  return c.voteMenu.find((o) => o.id === id)?.label ?? id;
}

/** A menu option as the rules stand now: its label, and a note when it would set a rule to the value it already has. */
export function optionNow(id: string, c: LiveRules): { label: string; note: string } {
  const option = c.voteMenu.find((o) => o.id === id);
  if (!option) return { label: id, note: "" };
  const setting = changedSetting(option.change);
  const { label, value } = settingNow(setting, option.change.value, c);
  const now =
    option.change.rule === "friend-weight"
      ? c.friendWeight
      : option.change.rule === "threshold"
        ? c[option.change.threshold]
        : c.actions[option.change.action][option.change.field];
  return { label: option.label, note: now === option.change.value ? `Changes nothing now: ${lower(label)} is already ${value}.` : "" };
}

function friendWeightHeadline(before: number, after: number): string {
  if (after === 0) return "Friends' scores no longer count";
  if (before > 0 && after === before * 2) return "Friends now count double";
  if (before > 0 && after * 2 === before) return "Friends now count half as much";
  return after > before ? "Friends' scores now count more" : "Friends' scores now count less";
}

/**
 * A changed number ("friendWeight", "visaAt", "actions.report.self") as a headline and its
 * numbers: "Friends now count double" / "Friend weight 0.1 → 0.2".
 */
export function settingChange(setting: string, before: number, after: number, c: LiveRules): { headline: string; detail: string } {
  if (before === after) {
    const { label, value } = settingNow(setting, after, c);
    return { headline: `No change: ${lower(label)} stays ${value}`, detail: `${label} was already ${value}` };
  }
  if (setting === "friendWeight") return { headline: friendWeightHeadline(before, after), detail: `Friend weight ${before} → ${after}` };
  if (isThreshold(setting)) {
    const at = (n: number) => formatScore(n, c);
    return { headline: THRESHOLD_HEADLINE[setting](at(after)), detail: `${NUMBER_TEXT[setting].label} ${at(before)} → ${at(after)}` };
  }
  const [, action, field] = setting.split(".");
  if (!isAction(action) || !(field in EFFECT_TEXT)) return { headline: "A rule has changed", detail: `${setting}: ${before} → ${after}` };
  const label = `“${actionLabel(action, c)}”`;
  if (field === "cost") {
    return {
      headline: after === 0 ? `${label} is now free` : `${label} now costs ${plural(after, "action point")}`,
      detail: `Action points: ${before} → ${after}`,
    };
  }
  const pts = (n: number) => formatDelta(n, c);
  const detail = `${capital(EFFECT_TEXT[field as "self"])}: ${pts(before)} → ${pts(after)}`;
  if (field === "self") {
    const headline =
      after < 0
        ? `${label} now costs you ${formatScore(-after, c)}`
        : after > 0
          ? `${label} now gives you ${pts(after)}`
          : `${label} no longer changes your score`;
    return { headline, detail };
  }
  const whom = field === "friends" ? "each friend" : "its target";
  return { headline: after === 0 ? `${label} no longer touches ${whom}` : `${label} now moves ${whom} by ${pts(after)}`, detail };
}

/** A rule's number in words as it stands: "Friend weight" 0.2, "Visa fast-track from" 800, "“Report”: points to you" +30. */
export function settingNow(setting: string, value: number, c: LiveRules): { label: string; value: string } {
  if (setting === "friendWeight") return { label: "Friend weight", value: String(value) };
  if (isThreshold(setting)) return { label: NUMBER_TEXT[setting].label, value: formatScore(value, c) };
  const [, action, field] = setting.split(".");
  if (!isAction(action) || !(field in EFFECT_TEXT)) return { label: setting, value: String(value) };
  if (field === "cost") return { label: `“${actionLabel(action, c)}”: action points`, value: String(value) };
  return { label: `“${actionLabel(action, c)}”: ${EFFECT_TEXT[field as "self"]}`, value: formatDelta(value, c) };
}

function topicBanDetail(e: LiveEntry, c: LiveRules): string {
  const amount = formatScore(e.amount, c);
  const next = e.amount === 0 ? "New posts on it are on record." : `A new post on it costs ${amount}.`;
  if (!e.retroactive) return next;
  if (e.count === 0) return `Nobody had posted on it yet. ${next}`;
  return e.amount === 0
    ? `${plural(e.count, "earlier post")} went on record. ${next}`
    : `${plural(e.count, "earlier post")} cost their authors ${amount} each. ${next}`;
}

function describe(e: LiveEntry, c: LiveRules, nameOf: NameOf): { title: string; detail: string } {
  const n = (v: string) => Number(v);
  switch (e.kind) {
    case "visibility": {
      const v = VISIBILITY[e.after as Visibility];
      return v ? { title: v.title, detail: v.detail } : { title: "Who sees scores has changed", detail: "" };
    }
    case "rule-change": {
      const { headline, detail } = settingChange(e.setting, n(e.before), n(e.after), c);
      return { title: headline, detail };
    }
    case "topic-ban":
      return { title: `Posts about ${topicLabel(e.topic, c)} are banned`, detail: topicBanDetail(e, c) };
    case "audit": {
      const who = listNames(e.players, nameOf);
      const title = `Random audit: ${who} ${e.players.length === 1 ? "loses" : "lose"} ${formatScore(e.amount, c)}`;
      const detail = e.revealed ? `The audit's deliberate mistake was ${nameOf(e.revealed)}'s deduction.` : "Audits make mistakes: appeal if yours was wrong.";
      return { title, detail };
    }
    case "blacklist-shock": {
      const title = `Everyone below ${formatScore(e.amount, c)} is now ${lower(blacklistName(c))}`;
      return { title, detail: e.count === 0 ? "Nobody was below the line." : `${plural(e.count, "player")}: ${listNames(e.players, nameOf)}.` };
    }
    case "vote-opened":
      return {
        title: e.count === 1 ? "The top player chooses a new rule" : `The top ${e.count} players choose a new rule`,
        detail: e.count === 1 ? `One change from a menu of ${e.options.length}.` : `One change from a menu of ${e.options.length}. The majority wins.`,
      };
    case "vote-closed": {
      if (!e.option) return { title: "Nobody voted: the rules stay as they were", detail: "" };
      const votes = plural(e.count, "vote");
      const said = e.setting ? settingChange(e.setting, n(e.before), n(e.after), c) : undefined;
      const change = !said ? "" : e.before === e.after ? ` · It changed nothing: ${lower(said.detail)}` : ` · ${said.detail}`;
      return { title: `The top players chose: ${optionLabel(e.option, c)}`, detail: `${votes}${change}` };
    }
    case "final-round":
      return { title: "This is the final round", detail: `Round ${e.amount} is the last. Make it count.` };
    default:
      return { title: "The facilitator changed something", detail: "" };
  }
}

/** A live event as every screen's banner tells it, and as the replay marks it. */
export function liveText(e: LiveEntry, c: LiveRules, nameOf: NameOf): LiveText {
  const kind = KIND[e.kind] ?? { icon: "●", name: "Event", tone: "info" as const };
  return { ...kind, ...describe(e, c, nameOf) };
}

/** The banner's words in one line, for the replay's timeline and a score's cause. */
export function liveSentence(e: LiveEntry, c: LiveRules, nameOf: NameOf): string {
  const t = liveText(e, c, nameOf);
  return t.detail ? `${t.title}. ${t.detail}` : t.title;
}

/**
 * A live event of the rules (a replay's folded log) as the same plain entry the room sends
 * every screen, so a replay tells it in the same words. `revealed` is whose audit deduction was
 * the deliberate mistake, known after the game.
 */
export function liveEntryOf(e: Pick<EventOf<"live">, "seq" | "at" | "round" | "scheduled" | "detail">, revealed = ""): LiveEntry {
  const entry: LiveEntry = {
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
    players: [],
    options: [],
    tally: [],
    revealed,
  };
  const d = e.detail;
  switch (d.kind) {
    case "visibility":
      return { ...entry, setting: "visibility", before: d.before, after: d.mode };
    case "rule-change":
      return { ...entry, setting: changedSetting(d.change), before: String(d.before), after: String(d.change.value) };
    case "topic-ban":
      return { ...entry, topic: d.topic, amount: d.penalty, retroactive: d.retroactive, count: d.posts.length, players: [...d.players] };
    case "audit":
      return { ...entry, amount: d.points, count: d.players.length, players: [...d.players] };
    case "blacklist-shock":
      return { ...entry, amount: d.below, count: d.players.length, players: [...d.players] };
    case "vote-opened":
      return { ...entry, count: d.eligible.length, options: [...d.options] };
    case "vote-closed": {
      const tally = Object.values(d.tally);
      const change = d.change ? { setting: changedSetting(d.change), before: String(d.before), after: String(d.change.value) } : {};
      return { ...entry, option: d.option ?? "", options: Object.keys(d.tally), tally, count: tally.reduce((a, b) => a + b, 0), ...change };
    }
    case "final-round":
      return { ...entry, amount: d.round };
  }
}
