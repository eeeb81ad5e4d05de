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
import { nameList, sentences } from "./words.ts";
import { currentLocale, formatNumber, type MessageKey, t } from "../i18n/index.ts";

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

const KIND: Record<string, { icon: string; name: MessageKey; tone: LiveTone }> = {
  visibility: { icon: "◉", name: "feed.live.kind.visibility", tone: "info" },
  "rule-change": { icon: "§", name: "feed.live.kind.rule-change", tone: "warn" },
  "topic-ban": { icon: "⊗", name: "feed.live.kind.topic-ban", tone: "bad" },
  audit: { icon: "⌕", name: "feed.live.kind.audit", tone: "bad" },
  "blacklist-shock": { icon: "⊘", name: "feed.live.kind.blacklist-shock", tone: "bad" },
  "vote-opened": { icon: "☐", name: "feed.live.kind.vote-opened", tone: "info" },
  "vote-closed": { icon: "☑", name: "feed.live.kind.vote-closed", tone: "warn" },
  "final-round": { icon: "⚐", name: "feed.live.kind.final-round", tone: "info" },
};

const VISIBILITY: Record<Visibility, { title: MessageKey; detail: MessageKey; plan: MessageKey }> = {
  hidden: { title: "feed.visibility.hidden.title", detail: "feed.visibility.hidden.detail", plan: "feed.visibility.hidden.plan" },
  owner: { title: "feed.visibility.owner.title", detail: "feed.visibility.owner.detail", plan: "feed.visibility.owner.plan" },
  public: { title: "feed.visibility.public.title", detail: "feed.visibility.public.detail", plan: "feed.visibility.public.plan" },
};

/** Who sees scores under a mode, as the banner's headline and detail and as a plan says it ahead; undefined for a mode the rules do not know. */
export function visibilityText(mode: string): { title: string; detail: string; plan: string } | undefined {
  const keys = VISIBILITY[mode as Visibility];
  return keys && { title: t(keys.title), detail: t(keys.detail), plan: t(keys.plan) };
}

/** "Ana", "Ana and Bo", "Ana, Bo and Cy", "Ana, Bo, Cy and 4 others". */
export function listNames(ids: readonly string[], nameOf: NameOf, shown = 3): string {
  return nameList(ids.map(nameOf), shown + 1);
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A label lower-cased to stand inside a sentence; German keeps its nouns' capitals. */
export function lower(s: string): string {
  return currentLocale() === "de" ? s : s.charAt(0).toLowerCase() + s.slice(1);
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
  return { label: option.label, note: now === option.change.value ? t("feed.change.nothing-now", { label: lower(label), value }) : "" };
}

function friendWeightHeadline(before: number, after: number): string {
  if (after === 0) return t("feed.change.friends.none");
  if (before > 0 && after === before * 2) return t("feed.change.friends.double");
  if (before > 0 && after * 2 === before) return t("feed.change.friends.half");
  return t(after > before ? "feed.change.friends.more" : "feed.change.friends.less");
}

/** "Friend weight 0.1 → 0.2": a number's label and its move. */
function moved(label: string, before: string, after: string): string {
  return t("feed.change.moved", { label, before, after });
}

/**
 * A changed number ("friendWeight", "visaAt", "actions.report.self") as a headline and its
 * numbers: "Friends now count double" / "Friend weight 0.1 → 0.2".
 */
export function settingChange(setting: string, before: number, after: number, c: LiveRules): { headline: string; detail: string } {
  if (before === after) {
    const { label, value } = settingNow(setting, after, c);
    return { headline: t("feed.change.stays", { label: lower(label), value }), detail: t("feed.change.was-already", { label, value }) };
  }
  if (setting === "friendWeight")
    return { headline: friendWeightHeadline(before, after), detail: moved(NUMBER_TEXT.friendWeight.label, formatNumber(before), formatNumber(after)) };
  if (isThreshold(setting)) {
    const at = (n: number) => formatScore(n, c);
    return { headline: THRESHOLD_HEADLINE[setting](at(after)), detail: moved(NUMBER_TEXT[setting].label, at(before), at(after)) };
  }
  const [, action, field] = setting.split(".");
  if (!isAction(action) || !(field in EFFECT_TEXT))
    return {
      headline: t("feed.line.live.rule-change"),
      detail: t("feed.change.moved-colon", { label: setting, before: String(before), after: String(after) }),
    };
  const label = actionLabel(action, c);
  if (field === "cost") {
    return {
      headline: after === 0 ? t("feed.change.cost.free", { action: label }) : t("feed.change.cost.now", { action: label, count: after }),
      detail: t("feed.change.moved-colon", { label: t("feed.change.action-points"), before: formatNumber(before), after: formatNumber(after) }),
    };
  }
  const pts = (n: number) => formatDelta(n, c);
  const detail = t("feed.change.moved-colon", { label: capital(EFFECT_TEXT[field as "self"]), before: pts(before), after: pts(after) });
  if (field === "self") {
    const headline =
      after < 0
        ? t("feed.change.self.costs", { action: label, amount: formatScore(-after, c) })
        : after > 0
          ? t("feed.change.self.gives", { action: label, delta: pts(after) })
          : t("feed.change.self.none", { action: label });
    return { headline, detail };
  }
  const friends = field === "friends";
  if (after === 0) return { headline: t(friends ? "feed.change.friends-field.none" : "feed.change.target-field.none", { action: label }), detail };
  return { headline: t(friends ? "feed.change.friends-field.moves" : "feed.change.target-field.moves", { action: label, delta: pts(after) }), detail };
}

/** A rule's number in words as it stands: "Friend weight" 0.2, "Visa fast-track from" 800, "“Report”: points to you" +30. */
export function settingNow(setting: string, value: number, c: LiveRules): { label: string; value: string } {
  if (setting === "friendWeight") return { label: NUMBER_TEXT.friendWeight.label, value: formatNumber(value) };
  if (isThreshold(setting)) return { label: NUMBER_TEXT[setting].label, value: formatScore(value, c) };
  const [, action, field] = setting.split(".");
  if (!isAction(action) || !(field in EFFECT_TEXT)) return { label: setting, value: String(value) };
  if (field === "cost") return { label: t("feed.setting.cost", { action: actionLabel(action, c) }), value: formatNumber(value) };
  return { label: t("feed.setting.field", { action: actionLabel(action, c), field: EFFECT_TEXT[field as "self"] }), value: formatDelta(value, c) };
}

function topicBanDetail(e: LiveEntry, c: LiveRules): string {
  const amount = formatScore(e.amount, c);
  const next = e.amount === 0 ? t("feed.live.topic-ban.next-free") : t("feed.live.topic-ban.next", { amount });
  if (!e.retroactive) return next;
  if (e.count === 0) return sentences([t("feed.live.topic-ban.none-yet"), next]);
  const earlier = e.amount === 0 ? t("feed.live.topic-ban.on-record", { count: e.count }) : t("feed.live.topic-ban.cost", { count: e.count, amount });
  return sentences([earlier, next]);
}

function describe(e: LiveEntry, c: LiveRules, nameOf: NameOf): { title: string; detail: string } {
  const n = (v: string) => Number(v);
  switch (e.kind) {
    case "visibility": {
      const v = visibilityText(e.after);
      return v ? { title: v.title, detail: v.detail } : { title: t("feed.line.live.visibility"), detail: "" };
    }
    case "rule-change": {
      const { headline, detail } = settingChange(e.setting, n(e.before), n(e.after), c);
      return { title: headline, detail };
    }
    case "topic-ban":
      return { title: t("feed.live.topic-ban.title", { topic: topicLabel(e.topic, c) }), detail: topicBanDetail(e, c) };
    case "audit": {
      const title = t("feed.live.audit.title", { who: listNames(e.players, nameOf), count: e.players.length, amount: formatScore(e.amount, c) });
      const detail = e.revealed ? t("feed.live.audit.revealed", { name: nameOf(e.revealed) }) : t("feed.live.audit.appeal");
      return { title, detail };
    }
    case "blacklist-shock": {
      const title = t("feed.live.shock.title", { amount: formatScore(e.amount, c), name: lower(blacklistName(c)) });
      return {
        title,
        detail: e.count === 0 ? t("feed.live.shock.nobody") : t("feed.live.shock.players", { count: e.count, names: listNames(e.players, nameOf) }),
      };
    }
    case "vote-opened":
      return {
        title: t("feed.live.vote-opened.title", { count: e.count }),
        detail: t("feed.live.vote-opened.detail", { count: e.count, options: e.options.length }),
      };
    case "vote-closed": {
      if (!e.option) return { title: t("feed.live.vote-closed.nobody"), detail: "" };
      const said = e.setting ? settingChange(e.setting, n(e.before), n(e.after), c) : undefined;
      const detail = !said
        ? t("feed.live.vote-closed.votes", { count: e.count })
        : e.before === e.after
          ? t("feed.live.vote-closed.nothing", { count: e.count, detail: lower(said.detail) })
          : t("feed.live.vote-closed.change", { count: e.count, detail: said.detail });
      return { title: t("feed.live.vote-closed.title", { option: optionLabel(e.option, c) }), detail };
    }
    case "final-round":
      return { title: t("feed.line.live.final-round"), detail: t("feed.live.final-round.detail", { round: e.amount }) };
    default:
      return { title: t("feed.line.live.other"), detail: "" };
  }
}

/** A live event as every screen's banner tells it, and as the replay marks it. */
export function liveText(e: LiveEntry, c: LiveRules, nameOf: NameOf): LiveText {
  const kind = KIND[e.kind];
  const head = kind ? { icon: kind.icon, name: t(kind.name), tone: kind.tone } : { icon: "●", name: t("feed.live.kind.other"), tone: "info" as const };
  return { ...head, ...describe(e, c, nameOf) };
}

/** The banner's words in one line, for the replay's timeline and a score's cause. */
export function liveSentence(e: LiveEntry, c: LiveRules, nameOf: NameOf): string {
  const text = liveText(e, c, nameOf);
  return text.detail ? t("feed.live.sentence", { title: text.title, detail: text.detail }) : text.title;
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
