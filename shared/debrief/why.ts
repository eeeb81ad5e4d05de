import { scorePointAt } from "../replay/seek.ts";
import type { PlayerId } from "../rules/state.ts";
import { gapSaid, mistakeSaid } from "../text/debrief.ts";
import type { Ctx } from "./context.ts";
import { stepFrame } from "./kinds.ts";
import type { Arg, DebriefStep, Said } from "./types.ts";

/** The secret ballot's totals beside what was posted in public, as the end screen words them. */
export function ballotStep(x: Ctx): DebriefStep | null {
  const { ballot } = x.answers();
  const config = x.r.config.ballot;
  if (!ballot || !config) return null;
  const posts = ballot.approvedPosts.reduce((a, b) => a + b, 0) + ballot.opinionPosts.reduce((a, b) => a + b, 0);
  if (ballot.startAnswers + ballot.endAnswers === 0 && posts === 0) return null;
  const gap = gapSaid(config, ballot);
  const posted = new Map<PlayerId, { approved: number; opinions: number }>();
  for (const e of x.r.events) {
    if (e.type !== "acted" || (e.action !== "share-approved" && e.action !== "post-opinion")) continue;
    const p = posted.get(e.player) ?? { approved: 0, opinions: 0 };
    if (e.action === "share-approved") p.approved++;
    else p.opinions++;
    posted.set(e.player, p);
  }
  // Each phone sees only its own secret answers, read from its own accepted ballot commands.
  x.r.log.commands.forEach(({ command: c }, i) => {
    if (c.kind !== "ballot" || x.r.refused.has(i)) return;
    x.tell("ballot", c.player, { key: "debrief.ballot.secret", params: { stage: c.stage, answer: { ballot: c.answer } } });
  });
  for (const player of Object.keys(x.r.players)) {
    const p = posted.get(player) ?? { approved: 0, opinions: 0 };
    x.tell("ballot", player, { key: "debrief.ballot.public", params: { approved: p.approved, opinions: p.opinions } });
  }
  return {
    ...stepFrame(x.r.config, "ballot"),
    // The card says the question, the totals and the public side; the headline is its private side.
    headline: gap.private,
    lines: [],
    gap: {
      ballot: config,
      record: { startResults: ballot.startResults, endResults: ballot.endResults, approvedPosts: ballot.approvedPosts, opinionPosts: ballot.opinionPosts },
    },
  };
}

/** A topic banned after people had posted on it: who lost points for posts made before the ban. */
export function topicBanStep(x: Ctx): DebriefStep | null {
  const bans = x.r.events.flatMap((e) => (e.type === "live" && e.detail.kind === "topic-ban" && e.detail.players.length > 0 ? [{ e, d: e.detail }] : []));
  if (bans.length === 0) return null;
  for (const { d } of bans)
    for (const p of d.players)
      x.tell("topic-ban", p, {
        key: "debrief.topic-ban.mine",
        params: { points: x.score(d.penalty), topic: { topic: d.topic }, before: String(d.retroactive) },
      });
  return {
    ...stepFrame(x.r.config, "topic-ban"),
    headline: {
      all: bans.map(
        ({ d }): Said => ({
          key: "debrief.topic-ban.headline",
          params: { n: d.players.length, points: x.score(d.penalty), topic: { topic: d.topic }, before: String(d.retroactive) },
        }),
      ),
    },
    lines: bans.map(
      ({ e, d }): Said => ({
        key: "debrief.topic-ban.line",
        params: { when: x.clock(e.seq, e.at), posts: d.posts.length, names: { list: d.players.map(x.nameOf) } },
      }),
    ),
  };
}

/** Each audit's deliberate mistake, whom it hit, and whether they appealed. */
export function auditStep(x: Ctx): DebriefStep | null {
  const audits = x.answers().audits;
  if (audits.length === 0) return null;
  const mistake = (m: NonNullable<(typeof audits)[number]["mistake"]>): Said =>
    mistakeSaid(m.nickname, m.appeal, m.appeal ? x.clock(m.appeal.event, m.appeal.at) : "");
  for (const a of audits) {
    for (const p of a.players) x.tell("audit", p, { key: "debrief.audit.mine", params: { round: a.round, points: x.score(a.points) } });
    if (a.mistake) x.tell("audit", a.mistake.player, mistake(a.mistake));
  }
  const withMistake = audits.filter((a) => a.mistake);
  return {
    ...stepFrame(x.r.config, "audit"),
    headline: withMistake.length ? mistake(withMistake[0].mistake!) : { key: "debrief.audit.no-mistake" },
    lines: audits
      .map((a): Said => ({ key: "debrief.audit.line", params: { round: a.round, n: a.players.length, points: x.score(a.points) } }))
      .concat(withMistake.slice(1).map((a) => mistake(a.mistake!))),
  };
}

/** The rule the top players chose, and how everyone's score moved from then to the end. */
export function voteStep(x: Ctx): DebriefStep | null {
  let eligible: PlayerId[] = [];
  let chosen: { option: string; tally: Record<string, number>; seq: number; at: number; round: number } | undefined;
  for (const e of x.r.events) {
    if (e.type !== "live") continue;
    if (e.detail.kind === "vote-opened") eligible = e.detail.eligible;
    if (e.detail.kind === "vote-closed" && e.detail.option) chosen = { option: e.detail.option, tally: e.detail.tally, seq: e.seq, at: e.at, round: e.round };
  }
  if (!chosen) return null;
  const c = chosen;
  const votes = Object.values(c.tally).reduce((a, b) => a + b, 0);
  const final = x.r.final.players;
  const change = (p: PlayerId) => {
    const then = scorePointAt(x.r, p, c.seq)?.score;
    return then === undefined || !final[p] ? undefined : final[p].score - then;
  };
  const voters = new Set(eligible);
  const groups = { in: [] as number[], out: [] as number[] };
  for (const p of Object.keys(final)) {
    const d = change(p);
    if (d === undefined) continue;
    (voters.has(p) ? groups.in : groups.out).push(d);
    x.tell("vote", p, { key: "debrief.vote.mine", params: { voter: String(voters.has(p)), delta: x.delta(d) } });
  }
  const avg = (xs: number[]): Arg => x.delta(Math.round(xs.reduce((a, b) => a + b, 0) / xs.length));
  const line: Said = !groups.out.length
    ? { key: "debrief.vote.change-voters", params: { n: groups.in.length, avg: avg(groups.in) } }
    : !groups.in.length
      ? { key: "debrief.vote.change-others", params: { others: groups.out.length, avgOthers: avg(groups.out) } }
      : { key: "debrief.vote.change-both", params: { n: groups.in.length, avg: avg(groups.in), others: groups.out.length, avgOthers: avg(groups.out) } };
  return {
    ...stepFrame(x.r.config, "vote"),
    headline: {
      key: "debrief.vote.headline",
      params: { top: eligible.length, round: c.round, option: { option: c.option }, votes: c.tally[c.option] ?? 0, total: votes },
    },
    lines: [line],
  };
}

/** The step's rule, said to the class in its own words: the step is there only for a line it holds for. */
export const BUNCHING_RULE: Said = { key: "debrief.bunching.rule" };

/** Whether a line is bunched, by BUNCHING_RULE: one player alone just above a line is no bunch. */
const bunched = (b: { justAbove: number; justBelow: number }) => b.justAbove >= 2 && b.justAbove > b.justBelow;

/** Players bunched just above the lines that unlock privileges, at the end of the last round; only the bunched lines. */
export function bunchingStep(x: Ctx): DebriefStep | null {
  const last = x.metrics().rounds.at(-1);
  const lines = last?.scores.bunching.filter(bunched) ?? [];
  if (!last || lines.length === 0) return null;
  for (const [p, pl] of Object.entries(x.r.final.players)) {
    const near = lines.find((b) => pl.score >= b.threshold - 20 && pl.score <= b.threshold + 20);
    if (near) {
      const above = pl.score >= near.threshold;
      x.tell("bunching", p, {
        key: above ? "debrief.bunching.mine-above" : "debrief.bunching.mine-below",
        params: { score: x.score(pl.score), gap: x.score(Math.abs(pl.score - near.threshold)), line: x.score(near.threshold) },
      });
    }
  }
  const most = Math.max(...lines.flatMap((b) => [b.justAbove, b.justBelow]), 1);
  const players = (n: number): Said => ({ key: "debrief.bunching.players", params: { n } });
  const range = (from: number, to: number): Said => ({ key: "debrief.bunching.range", params: { from: x.score(from), to: x.score(to) } });
  return {
    ...stepFrame(x.r.config, "bunching"),
    headline: {
      all: lines.map((b): Said => ({ key: "debrief.bunching.headline", params: { above: b.justAbove, line: x.score(b.threshold), below: b.justBelow } })),
    },
    lines: [BUNCHING_RULE, { key: last.complete ? "debrief.bunching.when" : "debrief.bunching.when-stopped", params: { round: last.round } }],
    chart: {
      title: { key: "debrief.bunching.chart" },
      bars: lines.flatMap((b) => [
        { label: range(b.threshold, b.threshold + 20), value: b.justAbove / most, text: players(b.justAbove) },
        { label: range(b.threshold - 20, b.threshold - 1), value: b.justBelow / most, text: players(b.justBelow) },
      ]),
    },
  };
}
