import { scorePointAt } from "../replay/seek.ts";
import type { PlayerId } from "../rules/state.ts";
import { gapSentences, mistakeSentence } from "../text/debrief.ts";
import { optionNow, topicLabel } from "../text/live.ts";
import type { Ctx } from "./context.ts";
import { stepFrame } from "./kinds.ts";
import type { DebriefStep } from "./types.ts";

/** The secret ballot's totals beside what was posted in public, as the end screen words them. */
export function ballotStep(x: Ctx): DebriefStep | null {
  const { ballot } = x.answers();
  const config = x.r.config.ballot;
  if (!ballot || !config) return null;
  const posts = ballot.approvedPosts.reduce((a, b) => a + b, 0) + ballot.opinionPosts.reduce((a, b) => a + b, 0);
  if (ballot.startAnswers + ballot.endAnswers === 0 && posts === 0) return null;
  const gap = gapSentences(config, ballot);
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
    x.tell("ballot", c.player, `In secret, ${c.stage === "start" ? "at the start" : "at the end"}, you answered “${config.options[c.answer] ?? "?"}”.`);
  });
  for (const player of Object.keys(x.r.players)) {
    const p = posted.get(player) ?? { approved: 0, opinions: 0 };
    x.tell(
      "ballot",
      player,
      `In public you shared ${p.approved} approved ${p.approved === 1 ? "post" : "posts"} and posted ${p.opinions} ${p.opinions === 1 ? "opinion" : "opinions"} of your own.`,
    );
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
      x.tell(
        "topic-ban",
        p,
        `You lost ${x.score(d.penalty)} points for a post on “${topicLabel(d.topic, x.r.config)}”${d.retroactive ? ", made before it was banned" : ""}.`,
      );
  return {
    ...stepFrame(x.r.config, "topic-ban"),
    headline: bans
      .map(
        ({ d }) =>
          `${d.players.length} ${d.players.length === 1 ? "player" : "players"} lost ${x.score(d.penalty)} points each when “${topicLabel(d.topic, x.r.config)}” was banned${d.retroactive ? ", for posts made before the ban" : ""}.`,
      )
      .join(" "),
    lines: bans.map(
      ({ e, d }) =>
        `Banned ${x.clock(e.seq, e.at)}, hitting ${d.posts.length} ${d.posts.length === 1 ? "post" : "posts"}: ${d.players.map(x.nameOf).join(", ")}.`,
    ),
  };
}

/** Each audit's deliberate mistake, whom it hit, and whether they appealed. */
export function auditStep(x: Ctx): DebriefStep | null {
  const audits = x.answers().audits;
  if (audits.length === 0) return null;
  const when = (at: number) => {
    const a = audits.find((q) => q.mistake?.appeal?.at === at);
    return a?.mistake?.appeal ? x.clock(a.mistake.appeal.event, at) : "";
  };
  for (const a of audits) {
    for (const p of a.players) x.tell("audit", p, `The audit in round ${a.round} took up to ${x.score(a.points)} points from you.`);
    if (a.mistake) x.tell("audit", a.mistake.player, mistakeSentence(a.mistake.nickname, a.mistake.appeal, when));
  }
  const withMistake = audits.filter((a) => a.mistake);
  return {
    ...stepFrame(x.r.config, "audit"),
    headline: withMistake.length
      ? mistakeSentence(withMistake[0].mistake!.nickname, withMistake[0].mistake!.appeal, when)
      : "The audit found nobody whose score it could lower, so it made no mistake.",
    lines: audits
      .map(
        (a) =>
          `Audit in round ${a.round}: ${a.players.length} ${a.players.length === 1 ? "player" : "players"} picked at random, each losing up to ${x.score(a.points)} points.`,
      )
      .concat(withMistake.slice(1).map((a) => mistakeSentence(a.mistake!.nickname, a.mistake!.appeal, when))),
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
  const label = optionNow(c.option, x.r.config).label;
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
    x.tell(
      "vote",
      p,
      `${voters.has(p) ? "You were among the top players who could vote." : "You could not vote."} From the vote to the end your ${x.scoreWord} changed by ${x.delta(d)}.`,
    );
  }
  const avg = (xs: number[]) => x.delta(Math.round(xs.reduce((a, b) => a + b, 0) / xs.length));
  const lines = [
    `From the vote to the end of the game, the ${groups.in.length} who could vote changed by ${groups.in.length ? avg(groups.in) : "nothing"} on average${groups.out.length ? `; the other ${groups.out.length}, by ${avg(groups.out)} on average` : ""}.`,
  ];
  return {
    ...stepFrame(x.r.config, "vote"),
    headline: `The top ${eligible.length} by ${x.scoreWord} voted in round ${c.round}, and “${label}” won with ${c.tally[c.option] ?? 0} of ${votes} ${votes === 1 ? "vote" : "votes"}.`,
    lines,
  };
}

/** The step's rule, said to the class in its own words: the step is there only for a line it holds for. */
export const BUNCHING_RULE = "A line counts as bunched when at least 2 players end 0–20 points above it, more than end 1–20 points below it.";

/** Whether a line is bunched, by BUNCHING_RULE: one player alone just above a line is no bunch. */
const bunched = (b: { justAbove: number; justBelow: number }) => b.justAbove >= 2 && b.justAbove > b.justBelow;

/** Players bunched just above the lines that unlock privileges, at the end of the last round; only the bunched lines. */
export function bunchingStep(x: Ctx): DebriefStep | null {
  const last = x.metrics().rounds.at(-1);
  const lines = last?.scores.bunching.filter(bunched) ?? [];
  if (!last || lines.length === 0) return null;
  for (const [p, pl] of Object.entries(x.r.final.players)) {
    const near = lines.find((b) => pl.score >= b.threshold - 20 && pl.score <= b.threshold + 20);
    if (near)
      x.tell(
        "bunching",
        p,
        `You ended at ${x.score(pl.score)}, ${pl.score >= near.threshold ? `${x.score(pl.score - near.threshold)} above` : `${x.score(near.threshold - pl.score)} below`} the line at ${x.score(near.threshold)}.`,
      );
  }
  const most = Math.max(...lines.flatMap((b) => [b.justAbove, b.justBelow]), 1);
  const pl = (n: number) => `${n} ${n === 1 ? "player" : "players"}`;
  return {
    ...stepFrame(x.r.config, "bunching"),
    headline: lines
      .map(
        (b) => `${pl(b.justAbove)} ended 0–20 points above the line at ${x.score(b.threshold)}, more than the ${b.justBelow} who ended 1–20 points below it.`,
      )
      .join(" "),
    lines: [BUNCHING_RULE, `At the end of round ${last.round}${last.complete ? "" : " (where the game stopped)"}, by the lines in force then.`],
    chart: {
      title: "Players just above and just below each bunched line, at the end",
      bars: lines.flatMap((b) => [
        { label: `${x.score(b.threshold)} to ${x.score(b.threshold + 20)}`, value: b.justAbove / most, text: pl(b.justAbove) },
        { label: `${x.score(b.threshold - 20)} to ${x.score(b.threshold - 1)}`, value: b.justBelow / most, text: pl(b.justBelow) },
      ]),
    },
  };
}
