import { causeChain } from "../replay/cause-chain.ts";
import type { KeyMoment } from "../replay/key-moments.ts";
import { eventBySeq, scorePointAt } from "../replay/seek.ts";
import type { Visibility } from "../rules/live/types.ts";
import type { PlayerId } from "../rules/state.ts";
import type { ScoreChange } from "../text/reasons.ts";
import type { Ctx } from "./context.ts";
import { stepFrame } from "./kinds.ts";
import type { Arg, DebriefStep, Said } from "./types.ts";

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
function pullers(x: Ctx, seq: number): Arg[] {
  const friends =
    causeChain(x.r, seq)
      ?.pull?.friends.filter((f) => f.part < 0)
      .slice(0, 2) ?? [];
  return friends.map((f) => ({ key: "debrief.drop.friend-at", params: { name: f.nickname, score: x.score(f.score) } }));
}

const SHOWN = 4;

/** The biggest single fall of a score within a round, and the chain of losses behind it. */
export function dropStep(x: Ctx): DebriefStep | null {
  const drops = x.moments().filter((m): m is Drop => m.kind === "drop");
  const size = (d: Drop) => d.from - d.to;
  const mine = new Map<PlayerId, Drop>();
  for (const d of drops) if (!mine.has(d.player) || size(d) > size(mine.get(d.player)!)) mine.set(d.player, d);
  for (const [player, d] of mine) {
    x.tell("drop", player, { key: "debrief.drop.mine", params: { from: x.score(d.from), to: x.score(d.to), round: d.round } });
    for (const l of lossesIn(x, d).slice(0, 3)) x.tell("drop", player, { change: l.change, player, about: false, names: x.names });
  }
  const top = [...mine.values()].sort((a, b) => size(b) - size(a) || a.event - b.event)[0];
  if (!top) return null;
  const losses = lossesIn(x, top);
  const gains = (x.r.trajectories[top.player] ?? [])
    .filter((p) => p.event > top.fromEvent && p.event <= top.event && p.delta > 0)
    .reduce((s, p) => s + p.delta, 0);
  // The same loss told the same way is one line with its count, so four lines reach further down the chain.
  const told = new Map<string, { line: Said; n: number }>();
  for (const l of losses) {
    const loss: Said = { change: l.change, player: top.player, about: true, names: x.names };
    const by = l.change.rule === "guilt-by-association" ? pullers(x, l.seq) : [];
    const line: Said = by.length ? { key: "debrief.drop.pulled", params: { loss, friends: { list: by } } } : loss;
    const same = JSON.stringify(line);
    told.set(same, { line, n: (told.get(same)?.n ?? 0) + 1 });
  }
  const lines = [...told.values()].slice(0, SHOWN).map(({ line, n }): Said => (n > 1 ? { key: "debrief.drop.times", params: { line, n } } : line));
  const rest = [...told.values()].slice(SHOWN).reduce((a, b) => a + b.n, 0);
  if (rest > 0) lines.push({ key: "debrief.drop.rest", params: { n: rest } });
  if (gains > 0) lines.push({ key: "debrief.drop.gains", params: { name: top.nickname, delta: x.delta(gains) } });
  return {
    ...stepFrame(x.r.config, "drop"),
    headline: { key: "debrief.drop.headline", params: { name: top.nickname, from: x.score(top.from), to: x.score(top.to), round: top.round } },
    lines,
  };
}

function gapLabel(from: number, to: number | null): Said {
  return to === null ? { key: "debrief.unfriending.gap-open", params: { from } } : { key: "debrief.unfriending.gap", params: { from, to: to - 1 } };
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
    const when = x.clock(e.seq, e.at);
    x.tell("unfriending", e.by, { key: "debrief.unfriending.you-cut", params: { name: x.nameOf(e.other), when, theirs: x.score(theirs), own: x.score(own) } });
    x.tell("unfriending", e.other, { key: "debrief.unfriending.cut-you", params: { name: x.nameOf(e.by), when, theirs: x.score(theirs), own: x.score(own) } });
  }
  const wave = x
    .moments()
    .filter((m) => m.kind === "unfriending-wave")
    .sort((a, b) => (b.kind === "unfriending-wave" ? b.count : 0) - (a.kind === "unfriending-wave" ? a.count : 0))[0];
  const seconds = wave?.kind === "unfriending-wave" ? Math.max(1, Math.round((wave.at - wave.fromAt) / 1000)) : 0;
  const headline: Said =
    wave?.kind === "unfriending-wave"
      ? { key: "debrief.unfriending.wave", params: { n: wave.count, seconds, round: wave.round } }
      : { key: "debrief.unfriending.no-wave", params: { n: cuts.length } };
  const bins = x.metrics().unfriending.filter((b) => b.friendships > 0);
  const most = Math.max(...bins.map((b) => b.rate ?? 0), 0.0001);
  return {
    ...stepFrame(x.r.config, "unfriending"),
    headline,
    lines: [{ key: "debrief.unfriending.all", params: { n: cuts.length } }],
    chart: {
      title: { key: "debrief.unfriending.chart" },
      bars: bins.map((b) => ({
        label: gapLabel(b.from, b.to),
        value: (b.rate ?? 0) / most,
        text: { key: "debrief.share-of", params: { share: b.rate ?? 0, part: b.unfriended, whole: b.friendships } },
      })),
    },
  };
}

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
    const parts = played.map((m): Said => ({ key: `debrief.visibility.while.${m}`, params: { n: tallies.get(m)!.mine.get(player) ?? 0 } }));
    x.tell("visibility", player, { key: "debrief.visibility.mine", params: { parts: { list: parts } } });
  }
  const modeName = (m: Visibility): Said => ({ key: `debrief.visibility.mode.${m}` });
  return {
    ...stepFrame(x.r.config, "visibility"),
    headline: {
      key: "debrief.visibility.headline",
      params: { rates: { list: played.map((m): Said => ({ key: `debrief.visibility.rate.${m}`, params: { rate: rate(m) } })) } },
    },
    lines: played.map((m): Said => {
      const t = tallies.get(m)!;
      const minutes = Math.round(t.ms / 60_000);
      return t.posts
        ? { key: "debrief.visibility.posts", params: { mode: modeName(m), minutes, share: t.opinions / t.posts, opinions: t.opinions, posts: t.posts } }
        : { key: "debrief.visibility.no-posts", params: { mode: modeName(m), minutes } };
    }),
    chart: {
      title: { key: "debrief.visibility.chart" },
      bars: played.map((m) => ({ label: modeName(m), value: rate(m) / top, text: { key: "debrief.visibility.per-minute", params: { rate: rate(m) } } })),
    },
  };
}
