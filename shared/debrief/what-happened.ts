import { causeChain } from "../replay/cause-chain.ts";
import type { KeyMoment } from "../replay/key-moments.ts";
import { eventBySeq, scorePointAt } from "../replay/seek.ts";
import type { Visibility } from "../rules/live/types.ts";
import type { PlayerId } from "../rules/state.ts";
import { scoreSentence, scoreSentenceAbout, type ScoreChange } from "../text/reasons.ts";
import type { Ctx } from "./context.ts";
import { stepFrame } from "./kinds.ts";
import type { DebriefStep } from "./types.ts";

type Drop = Extract<KeyMoment, { kind: "drop" }>;

/** The losses inside a drop (peak to trough), largest first, each with the change as the feed tells it. */
function lossesIn(x: Ctx, d: Drop): { seq: number; change: ScoreChange }[] {
  const out: { seq: number; change: ScoreChange }[] = [];
  for (const p of x.r.trajectories[d.player] ?? []) {
    if (p.event <= d.fromEvent || p.event > d.event || p.delta >= 0) continue;
    const e = eventBySeq(x.r, p.event);
    if (e?.type !== "score") continue;
    out.push({ seq: e.seq, change: { delta: e.delta, rule: e.cause.rule, actor: e.cause.actor ?? "", action: e.cause.action ?? "" } });
  }
  return out.sort((a, b) => a.change.delta - b.change.delta || a.seq - b.seq);
}

/** For a round-end pull, the friends who pulled hardest, with their scores as the round ended. */
function pullers(x: Ctx, seq: number): string {
  const friends =
    causeChain(x.r, seq)
      ?.pull?.friends.filter((f) => f.part < 0)
      .slice(0, 2) ?? [];
  return friends.length ? ` (pulled down most by ${friends.map((f) => `${f.nickname} at ${x.score(f.score)}`).join(" and ")})` : "";
}

const SHOWN = 4;

/** The biggest single fall of a score within a round, and the chain of losses behind it. */
export function dropStep(x: Ctx): DebriefStep | null {
  const drops = x.moments().filter((m): m is Drop => m.kind === "drop");
  const size = (d: Drop) => d.from - d.to;
  const mine = new Map<PlayerId, Drop>();
  for (const d of drops) if (!mine.has(d.player) || size(d) > size(mine.get(d.player)!)) mine.set(d.player, d);
  for (const [player, d] of mine) {
    x.tell("drop", player, `Your biggest drop: from ${x.score(d.from)} to ${x.score(d.to)} in round ${d.round}.`);
    for (const l of lossesIn(x, d).slice(0, 3)) x.tell("drop", player, scoreSentence(l.change, player, x.nameOf, x.delta));
  }
  const top = [...mine.values()].sort((a, b) => size(b) - size(a) || a.event - b.event)[0];
  if (!top) return null;
  const losses = lossesIn(x, top);
  const gains = (x.r.trajectories[top.player] ?? [])
    .filter((p) => p.event > top.fromEvent && p.event <= top.event && p.delta > 0)
    .reduce((s, p) => s + p.delta, 0);
  // The same loss told the same way is one line with its count, so four lines reach further down the chain.
  const told = new Map<string, number>();
  for (const l of losses) {
    const line = scoreSentenceAbout(top.player, l.change, x.nameOf, x.delta) + (l.change.rule === "guilt-by-association" ? pullers(x, l.seq) : "");
    told.set(line, (told.get(line) ?? 0) + 1);
  }
  const lines = [...told].slice(0, SHOWN).map(([line, n]) => (n > 1 ? `${line} (${n} times)` : line));
  const rest = [...told.values()].slice(SHOWN).reduce((a, b) => a + b, 0);
  if (rest > 0) lines.push(`…and ${rest} smaller ${rest === 1 ? "loss" : "losses"} in the same fall.`);
  if (gains > 0) lines.push(`Along the way ${top.nickname} also gained ${x.delta(gains)}.`);
  return {
    ...stepFrame(x.r.config, "drop"),
    headline: `${top.nickname}'s ${x.scoreWord} fell from ${x.score(top.from)} to ${x.score(top.to)} in round ${top.round}, the biggest fall within one round (from its highest point to its lowest).`,
    lines,
  };
}

function gapLabel(from: number, to: number | null): string {
  return to === null ? `${from} or more apart` : `${from}–${to - 1} apart`;
}

/** The wave of unfriending (or, without a wave, every cut) and the score gaps behind the cuts. */
export function unfriendingStep(x: Ctx): DebriefStep | null {
  const cuts = x.r.events.filter((e) => e.type === "unfriended");
  if (cuts.length === 0) return null;
  const scoreOf = (p: PlayerId, seq: number) => scorePointAt(x.r, p, seq)?.score;
  for (const e of cuts) {
    const theirs = scoreOf(e.other, e.seq);
    const own = scoreOf(e.by, e.seq);
    if (theirs === undefined || own === undefined) continue;
    x.tell("unfriending", e.by, `You cut ${x.nameOf(e.other)} (${x.clock(e.seq, e.at)}), when they had ${x.score(theirs)} and you had ${x.score(own)}.`);
    x.tell("unfriending", e.other, `${x.nameOf(e.by)} cut you (${x.clock(e.seq, e.at)}), when you had ${x.score(theirs)} and they had ${x.score(own)}.`);
  }
  const wave = x
    .moments()
    .filter((m) => m.kind === "unfriending-wave")
    .sort((a, b) => (b.kind === "unfriending-wave" ? b.count : 0) - (a.kind === "unfriending-wave" ? a.count : 0))[0];
  const seconds = wave?.kind === "unfriending-wave" ? Math.max(1, Math.round((wave.at - wave.fromAt) / 1000)) : 0;
  const headline =
    wave?.kind === "unfriending-wave"
      ? `A wave of unfriending: ${wave.count} friendships were cut within ${seconds} seconds in round ${wave.round}, at least twice as fast as usual in this game.`
      : `${cuts.length} ${cuts.length === 1 ? "friendship was" : "friendships were"} cut during the game, with no sudden wave.`;
  const bins = x.metrics().unfriending.filter((b) => b.friendships > 0);
  const most = Math.max(...bins.map((b) => b.rate ?? 0), 0.0001);
  return {
    ...stepFrame(x.r.config, "unfriending"),
    headline,
    lines: [
      `${cuts.length} friendships were cut in all. The chart counts each friendship once for every round it lasted, by how far apart the two scores were when it was cut or when that round ended.`,
    ],
    chart: {
      title: "Share of friendships cut, by the gap between the two friends' scores",
      bars: bins.map((b) => ({
        label: gapLabel(b.from, b.to),
        value: (b.rate ?? 0) / most,
        text: `${Math.round(100 * (b.rate ?? 0))}% (${b.unfriended} of ${b.friendships})`,
      })),
    },
  };
}

const MODE_WORDS: Record<Visibility, string> = { hidden: "Scores hidden", owner: "Only your own score", public: "Scores public" };

interface ModeTally {
  ms: number;
  actions: number;
  opinions: number;
  posts: number;
  mine: Map<PlayerId, number>;
}

/** What players did while scores were hidden, seen only by their owner, and public: actions per minute of play. */
export function visibilityStep(x: Ctx): DebriefStep | null {
  const tallies = new Map<Visibility, ModeTally>();
  const of = (m: Visibility) => tallies.get(m) ?? (tallies.set(m, { ms: 0, actions: 0, opinions: 0, posts: 0, mine: new Map() }), tallies.get(m)!);
  let mode: Visibility = x.r.config.visibility ?? "public";
  let playing = false;
  let last = 0;
  for (const e of x.r.events) {
    if (playing) of(mode).ms += e.at - last;
    last = e.at;
    if (e.type === "live" && e.detail.kind === "visibility") mode = e.detail.mode;
    if (e.type === "phase") playing = e.phase === "round" && !e.paused;
    if (e.type !== "acted") continue;
    const t = of(mode);
    t.actions++;
    t.mine.set(e.player, (t.mine.get(e.player) ?? 0) + 1);
    if (e.action === "post-opinion") t.opinions++;
    if (e.action === "post-opinion" || e.action === "share-approved") t.posts++;
  }
  const played = (["hidden", "owner", "public"] as const).filter((m) => (tallies.get(m)?.ms ?? 0) >= 5000);
  if (played.length < 2) return null;
  const rate = (m: Visibility) => tallies.get(m)!.actions / (tallies.get(m)!.ms / 60_000);
  const top = Math.max(...played.map(rate), 0.0001);
  for (const player of Object.keys(x.r.players)) {
    const parts = played.map((m) => `${MODE_WORDS[m].toLowerCase()}: ${tallies.get(m)!.mine.get(player) ?? 0}`);
    x.tell("visibility", player, `Your actions, ${parts.join("; ")}.`);
  }
  return {
    ...stepFrame(x.r.config, "visibility"),
    headline: `Actions a minute, whole class: ${played.map((m) => `${rate(m).toFixed(1)} with ${MODE_WORDS[m].toLowerCase()}`).join("; ")}.`,
    lines: played.map((m) => {
      const t = tallies.get(m)!;
      const share = t.posts
        ? `${Math.round((100 * t.opinions) / t.posts)}% of posts were people's own opinions (${t.opinions} of ${t.posts})`
        : "nobody posted";
      return `${MODE_WORDS[m]} (${Math.round(t.ms / 60_000)} min of play): ${share}.`;
    }),
    chart: {
      title: "Actions per minute of play, whole class",
      bars: played.map((m) => ({ label: MODE_WORDS[m], value: rate(m) / top, text: `${rate(m).toFixed(1)} a minute` })),
    },
  };
}
