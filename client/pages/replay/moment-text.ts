import type { GameConfig } from "../../../shared/rules/config.ts";
import type { LiveDetail } from "../../../shared/rules/live/types.ts";
import { ACTION_TEXT, isActionName } from "../../../shared/text/actions.ts";
import { mistakeSentence } from "../../../shared/text/debrief.ts";
import { signed } from "../../../shared/text/reasons.ts";
import { clockText } from "./score-lines.ts";
import type { Moment } from "./worker-protocol.ts";

const SETTING_NAMES: Record<string, string> = {
  rounds: "rounds",
  roundSeconds: "round length (s)",
  actionPoints: "action points per round",
  friendWeight: "friend weight",
  allowLateJoin: "late joining",
  visaAt: "visa threshold",
  travelAt: "travel threshold",
  restrictedBelow: "restriction threshold",
  bragMinScore: "score needed to brag",
  vouchBothAt: "vouching threshold",
  vouchRiskBelow: "vouching risk threshold",
  shockBelow: "blacklist shock threshold",
};

const FIELD_TEXT: Record<string, (v: string) => string> = {
  self: (v) => `gives its actor ${v} points`,
  friends: (v) => `gives each of the actor's friends ${v} points`,
  target: (v) => `gives its target ${v} points`,
  cost: (v) => `costs ${v} action points`,
};

function topicLabel(id: string, c: GameConfig): string {
  return c.topics.find((t) => t.id === id)?.label ?? id;
}

/** "friend weight 0.2", "“Report”: points for the actor 30", "topic banned: Air pollution". */
export function changedText(changed: Record<string, number | boolean>, c: GameConfig): string {
  return Object.entries(changed)
    .map(([key, value]) => {
      if (key.startsWith("banned:")) return `topic banned: ${topicLabel(key.slice(7), c)}`;
      const [action, field] = key.split(".");
      if (field && isActionName(action)) {
        const v = field === "cost" ? String(value) : signed(Number(value));
        return `“${ACTION_TEXT[action].label}” now ${FIELD_TEXT[field]?.(v) ?? `${field} ${v}`}`;
      }
      const v = typeof value === "boolean" ? (value ? "on" : "off") : value;
      return `${SETTING_NAMES[key] ?? key} ${v}`;
    })
    .join(" · ");
}

const VISIBILITY_TEXT = {
  hidden: "Scores are hidden from everyone",
  owner: "Scores are visible to their owners only (voluntary phase)",
  public: "Scores are public, with the leaderboard (mandatory phase)",
};

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** What a live event did, in one sentence for the timeline and the feed. */
export function liveText(d: LiveDetail, c: GameConfig): string {
  switch (d.kind) {
    case "visibility":
      return VISIBILITY_TEXT[d.mode];
    case "rule-change":
      return `Rule change: ${changedText(ruleChangeEntry(d.change), c)} (was ${d.before})`;
    case "topic-ban":
      return `Topic banned: ${topicLabel(d.topic, c)}${d.retroactive ? `, retroactively: ${plural(d.players.length, "player")} lost ${d.penalty} points for ${plural(d.posts.length, "earlier post")}` : ""}`;
    case "audit":
      return `Audit: ${plural(d.players.length, "player")} lost ${d.points} points${d.wrong ? ", one of them by a deliberate mistake" : ""}`;
    case "blacklist-shock":
      return `Blacklist shock: ${plural(d.players.length, "player")} below ${d.below} blacklisted`;
    case "vote-opened":
      return `The top ${plural(d.eligible.length, "player")} vote on a new rule`;
    case "vote-closed": {
      const option = c.voteMenu.find((o) => o.id === d.option);
      if (!option) return "The vote closed without a result";
      return d.change && d.before === d.change.value ? `The vote chose: ${option.label}. It changed nothing: the rule already stood there` : `The vote chose: ${option.label}`;
    }
    case "final-round":
      return `Announced: round ${d.round} is the final round`;
  }
}

function ruleChangeEntry(change: Extract<LiveDetail, { kind: "rule-change" }>["change"]): Record<string, number> {
  if (change.rule === "friend-weight") return { friendWeight: change.value };
  if (change.rule === "threshold") return { [change.threshold]: change.value };
  return { [`${change.action}.${change.field}`]: change.value };
}

export interface MomentText {
  icon: string;
  text: string;
  /** A class for its colour on the timeline. */
  tone: "rule" | "live" | "drop" | "wave" | "pace" | "person";
}

/** Who set a live moment going, and for an audit whom its mistake hit and what came of it. */
function liveCause(m: Moment, from: number): string {
  const who = m.scheduled === undefined ? "" : ` (${m.scheduled ? "planned by the scenario" : "run by the facilitator"})`;
  const mistake = m.audit?.mistake;
  return mistake ? `${who}. ${mistakeSentence(mistake.nickname, mistake.appeal, (at) => clockText(at - from))}` : who;
}

/** A key moment as the timeline's marker and caption tell it; `from` is the timeline's start, for the clock. */
export function momentText(m: Moment, c: GameConfig, from = 0): MomentText {
  switch (m.kind) {
    case "rule-change":
      return { icon: "⚙", text: m.live ? `${liveText(m.live, c)}${liveCause(m, from)}` : `The facilitator changed the settings: ${changedText(m.changed, c)}`, tone: "rule" };
    case "live":
      return { icon: "✦", text: `${liveText(m.detail, c)}${liveCause(m, from)}`, tone: "live" };
    case "pause":
      return { icon: "❚❚", text: "The facilitator paused the game", tone: "pace" };
    case "resume":
      return { icon: "▶", text: "The game resumed", tone: "pace" };
    case "removal":
      return { icon: "✕", text: `${m.nickname} was removed${m.banned ? " and the name banned" : ""}`, tone: "person" };
    case "blacklisted":
      return { icon: "⊘", text: `${m.nickname} was blacklisted`, tone: "person" };
    case "drop":
      return { icon: "▼", text: `${m.nickname} fell from ${m.from} to ${m.to} in round ${m.round}`, tone: "drop" };
    case "unfriending-wave":
      return { icon: "✂", text: `A wave of unfriending: ${m.count} friendships cut in ${Math.max(1, Math.round((m.at - m.fromAt) / 1000))} s`, tone: "wave" };
  }
}
