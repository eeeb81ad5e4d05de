import { formatList, t, useLanguage } from "../../../shared/i18n/index.ts";
import {
  buildReplay,
  causeChain,
  debriefMetrics,
  eventBySeq,
  isReplayProblem,
  keyMoments,
  runCounterfactual,
  timeRange,
  type Replay,
  type ReplayLog,
  type ReplayPlayer,
} from "../../../shared/replay/index.ts";
import type { ReplayProblem } from "../../../shared/replay/log.ts";
import { whatIfText, worldLabel } from "../../../shared/text/what-if.ts";
import { debriefAnswers } from "../../../shared/replay/debrief-answers.ts";
import { ACTION_NAMES } from "../../../shared/rules/config.ts";
import type { WorldSummary } from "../../../shared/replay/compare.ts";
import { Cursor } from "./frames.ts";
import { LINE_RULES, type Frame, type Line, type Loaded, type Reply, type Request, type World, type WorldNumbers } from "./worker-protocol.ts";

/** The page's folding and seeking, off the main thread: every rule applied here is `apply` from shared/rules. */
const port = self as unknown as { postMessage(m: Reply, transfer?: Transferable[]): void; onmessage: ((e: MessageEvent<Request>) => void) | null };

let recorded: Replay | undefined;
const cursors: Partial<Record<World, Cursor>> = {};

const say = (m: Reply, transfer: Transferable[] = []) => port.postMessage(m, transfer);
const progress = (stage: string) => (done: number, total: number) => say({ type: "progress", stage, done, total });

/** A refused log in the page's language. */
function problemText(p: ReplayProblem): string {
  return p.code === "rules-version"
    ? t("replay.problem.rules-version", { version: p.version, playable: formatList(p.playable.map(String)), newest: p.newest })
    : t("replay.problem.log-order", { entry: p.entry, seq: p.seq });
}

function isLog(x: unknown): x is ReplayLog {
  const log = x as ReplayLog;
  return typeof log === "object" && log !== null && typeof log.meta === "object" && Array.isArray(log.commands);
}

function lines(r: Replay, players: ReplayPlayer[]): Line[] {
  const index = new Map(players.map((p, i) => [p.id, i]));
  return Object.entries(r.trajectories).map(([id, points]) => {
    const causes = points.map((p) => {
      const e = p.rule === "joined" ? undefined : eventBySeq(r, p.event);
      return e?.type === "score" ? e.cause : undefined;
    });
    return {
      id,
      at: Float64Array.from(points, (p) => p.at),
      score: Float64Array.from(points, (p) => p.score),
      event: Int32Array.from(points, (p) => p.event),
      rule: Uint8Array.from(points, (p) => Math.max(0, LINE_RULES.indexOf(p.rule))),
      actor: Int32Array.from(causes, (c) => (c?.actor === undefined ? -1 : (index.get(c.actor) ?? -1))),
      action: Int8Array.from(causes, (c) => (c?.action === undefined ? -1 : ACTION_NAMES.indexOf(c.action))),
    };
  });
}

function load(bytes: ArrayBuffer): void {
  let log: unknown;
  try {
    log = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return say({ type: "problem", message: t("replay.problem.json") });
  }
  if (!isLog(log)) return say({ type: "problem", message: t("replay.problem.not-a-log") });
  const built = buildReplay(log, { onProgress: progress(t("replay.progress.fold")) });
  if (isReplayProblem(built)) return say({ type: "problem", message: problemText(built) });
  recorded = built;
  cursors.recorded = new Cursor(built);
  say({ type: "progress", stage: t("replay.progress.metrics"), done: 0, total: 1 });
  const range = timeRange(built);
  const firstRound = built.rounds[0]?.startAt;
  const from = firstRound === undefined ? range.from : Math.max(range.from, firstRound - 5000);
  const players = Object.values(built.players);
  const answers = debriefAnswers(built);
  const data: Loaded = {
    code: log.meta.code ?? "",
    createdAt: log.meta.createdAt,
    config: built.config,
    rules: built.rules.map((x) => ({ at: x.from === 0 ? 0 : built.events[x.from - 1].at, config: x.rules.config })),
    players,
    rounds: built.rounds,
    from,
    to: Math.max(range.to, from + 1000),
    moments: keyMoments(built).map((m) => {
      const e = m.kind === "rule-change" || m.kind === "live" ? eventBySeq(built, m.event) : undefined;
      if (e?.type !== "live") return m;
      const audit = answers.audits.find((a) => a.event === e.seq);
      return { ...m, ...(m.kind === "rule-change" ? { live: e.detail } : {}), scheduled: e.scheduled, ...(audit ? { audit } : {}) };
    }),
    metrics: debriefMetrics(built),
    answers,
    lines: lines(built, players),
    commands: log.commands.length,
    events: built.events.length,
  };
  say(
    { type: "loaded", data },
    data.lines.flatMap((l) => [l.at.buffer, l.score.buffer, l.event.buffer, l.rule.buffer, l.actor.buffer, l.action.buffer]),
  );
}

function numbers({ nodes: _nodes, edges: _edges, ...rest }: WorldSummary): WorldNumbers {
  return rest;
}

/** Every message after the first waits for the page's language: nothing is worded before it is in use. */
let ready: Promise<void> = Promise.resolve();

port.onmessage = ({ data: m }) => {
  if (m.type === "load") ready = useLanguage(m.locale);
  void ready.then(() => answer(m));
};

function answer(m: Request): void {
  switch (m.type) {
    case "load":
      return load(m.bytes);
    case "seek": {
      const frames: Partial<Record<World, Frame>> = {};
      for (const w of m.worlds) {
        const frame = cursors[w]?.frameAt(m.at);
        if (frame) frames[w] = frame;
      }
      return say({ type: "frames", id: m.id, frames });
    }
    case "cause":
      return say({ type: "cause", id: m.id, chain: recorded && causeChain(recorded, m.seq) });
    case "what-if": {
      if (!recorded) return;
      const cf = runCounterfactual(recorded, m.changes, {
        letLaterChanges: m.letLaterChanges,
        onProgress: progress(t("replay.progress.rerun")),
      });
      const other = buildReplay(cf.log, { onProgress: progress(t("replay.progress.index-other")) });
      if (isReplayProblem(other)) return say({ type: "problem", message: problemText(other) });
      cursors.other = new Cursor(other);
      const { log: _log, recorded: rec, counterfactual, ...rest } = cf;
      const label = worldLabel(m.changes);
      const result = { ...rest, recorded: numbers(rec), counterfactual: numbers(counterfactual), label, said: whatIfText(cf, label) };
      return say({ type: "what-if", id: m.id, result });
    }
  }
}
