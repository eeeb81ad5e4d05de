import { FACTS } from "../content/real-vs-myth.ts";
import type { Arg, Said } from "../debrief/types.ts";
import type { Wording } from "../debrief/polls.ts";
import { formatList, isMessageKey, type Params, t } from "../i18n/index.ts";
import type { BallotRecord } from "../rules/ballot.ts";
import type { GameConfig } from "../rules/config.ts";
import type { BallotConfig } from "../rules/live/types.ts";
import { optionNow, topicLabel } from "./live.ts";
import { scoreSentence, scoreSentenceAbout } from "./reasons.ts";
import { formatDelta, formatScore } from "./score.ts";

export type { BallotRecord };

/** What a screen words a debrief sentence with: its session's config (the scenario's labels, topics, vote menu and ballot), or the part of it it has. */
export type DebriefWords = Partial<GameConfig>;

/** A catalog message of the debrief, in the device's language. */
export const sayKey: Wording = (key, params) => (isMessageKey(key) ? t(key, params) : key);

function arg(a: Arg, c: DebriefWords): string | number {
  if (typeof a === "string" || typeof a === "number") return a;
  if ("score" in a) return c.scenario ? formatScore(a.score, { scenario: c.scenario }) : String(a.score);
  if ("delta" in a) return c.scenario ? formatDelta(a.delta, { scenario: c.scenario }) : String(a.delta);
  if ("list" in a)
    return formatList(
      a.list.map((x) => String(arg(x, c))),
      a.or ? "disjunction" : "conjunction",
    );
  if ("topic" in a) return c.topics ? topicLabel(a.topic, { topics: c.topics }) : a.topic;
  if ("option" in a) return c.voteMenu && c.actions ? optionNow(a.option, c as GameConfig).label : a.option;
  if ("ballot" in a) return c.ballot?.options[a.ballot] ?? "?";
  return say(a, c);
}

/** The first sentence of a text, where a class can read it from the back of the room. */
function firstSentence(text: string): string {
  return text.split(/(?<=\.)\s+(?=[A-Z])|(?<=。)/u)[0];
}

/** A debrief sentence in the device's language, worded from its codes with this screen's own config. */
export function say(s: Said, c: DebriefWords): string {
  if ("key" in s) {
    const params: Params = {};
    for (const [k, v] of Object.entries(s.params ?? {})) params[k] = arg(v, c);
    return sayKey(s.key, params as Record<string, string | number>);
  }
  if ("prompt" in s) return c.scenario?.debriefPrompts[s.prompt] ?? "";
  if ("change" in s) {
    const nameOf = (id: string) => s.names[id] ?? id;
    const fmt = (n: number) => String(arg({ delta: n }, c));
    const labelled = c.scenario ? { scenario: c.scenario } : undefined;
    return s.about ? scoreSentenceAbout(s.player, s.change, nameOf, fmt, labelled) : scoreSentence(s.change, s.player, nameOf, fmt, labelled);
  }
  if ("fact" in s) {
    const fact = FACTS.find((f) => f.id === s.fact);
    if (!fact) return "";
    return s.part === "claim" ? fact.claim : firstSentence(fact.finding);
  }
  return s.all.map((x) => say(x, c)).reduce((first, next) => sayKey("debrief.then", { first, next }));
}

function sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

/** The answers counted as "against": the first half of the options, which run from most against by convention. */
function againstCount(ballot: BallotConfig): number {
  return Math.max(1, Math.floor(ballot.options.length / 2));
}

/** Share of answers "against", or null when the stage's totals were withheld (too few answers to keep them secret). */
function againstShare(ballot: BallotConfig, results: readonly number[]): number | null {
  const whole = sum(results);
  if (results.length === 0 || whole === 0) return null;
  return sum(results.slice(0, againstCount(ballot))) / whole;
}

/**
 * The "public vs private" gap in two sentences, as codes: what players answered in private, and
 * what they posted in public.
 */
export function gapSaid(ballot: BallotConfig, r: BallotRecord): { private: Said; public: Said } {
  const words: Arg = {
    list: Array.from({ length: againstCount(ballot) }, (_, i) => ({ key: "debrief.gap.quoted", params: { option: { ballot: i } } })),
    or: true,
  };
  const start = againstShare(ballot, r.startResults);
  const end = againstShare(ballot, r.endResults);
  let priv: Said = { key: "debrief.gap.too-few" };
  if (end !== null && start !== null) priv = { key: "debrief.gap.private-both", params: { end, start, words } };
  else if (end !== null) priv = { key: "debrief.gap.private-end", params: { end, words } };
  else if (start !== null) priv = { key: "debrief.gap.private-start", params: { start, words } };
  const opinions = sum(r.opinionPosts);
  const posts = opinions + sum(r.approvedPosts);
  if (posts === 0) return { private: priv, public: { key: "debrief.gap.no-posts" } };
  const rounds = r.opinionPosts.map((o, i) => ({ round: i + 1, o, n: o + (r.approvedPosts[i] ?? 0) })).filter((x) => x.n > 0);
  const first = rounds[0];
  const last = rounds[rounds.length - 1];
  const share = opinions / posts;
  return {
    private: priv,
    public:
      rounds.length > 1
        ? {
            key: "debrief.gap.public-trend",
            params: { share, opinions, posts, firstShare: first.o / first.n, firstRound: first.round, lastShare: last.o / last.n, lastRound: last.round },
          }
        : { key: "debrief.gap.public", params: { share, opinions, posts } },
  };
}

/** The gap's two sentences in the device's language. */
export function gapSentences(ballot: BallotConfig, r: BallotRecord): { private: string; public: string } {
  const gap = gapSaid(ballot, r);
  return { private: say(gap.private, { ballot }), public: say(gap.public, { ballot }) };
}

/** Who set a live event going, and when: "planned by the scenario, round 4 at 6:10". */
export function liveCauseText(scheduled: boolean, round: number, clock: string): string {
  return t("debrief.live-cause", { scheduled: String(scheduled), round, clock });
}

/** The audit's deliberate mistake and what came of it, as codes; `when` says when the appeal was. */
export function mistakeSaid(nickname: string, appeal: { reversed: boolean } | null, when: Arg): Said {
  if (!appeal) return { key: "debrief.mistake.never", params: { name: nickname } };
  return { key: appeal.reversed ? "debrief.mistake.won" : "debrief.mistake.lost", params: { name: nickname, when } };
}

/** The audit's deliberate mistake and what came of it, in words; `clock` says when the appeal was. */
export function mistakeSentence(nickname: string, appeal: { at: number; reversed: boolean } | null, clock: (at: number) => string): string {
  return say(mistakeSaid(nickname, appeal, appeal ? clock(appeal.at) : ""), {});
}
