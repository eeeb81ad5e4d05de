import type { PlayerId } from "../rules/state.ts";
import type { LiveDetail } from "../rules/live/types.ts";
import { rulesChangedBy } from "./rule-changes.ts";
import type { Replay } from "./replay-index.ts";
import { roundOfEvent } from "./seek.ts";

interface At {
  /** The event a marker points at (for a drop, its lowest point; for a wave, its last unfriending). */
  event: number;
  at: number;
  round: number;
}

export type KeyMoment = At &
  (
    | { kind: "rule-change"; changed: Record<string, number | boolean> }
    | { kind: "live"; detail: LiveDetail }
    | { kind: "pause" | "resume" }
    | { kind: "removal"; player: PlayerId; nickname: string; banned: boolean }
    | { kind: "blacklisted"; player: PlayerId; nickname: string }
    | { kind: "drop"; player: PlayerId; nickname: string; from: number; to: number; fromEvent: number; fromAt: number }
    | { kind: "unfriending-wave"; count: number; fromEvent: number; fromAt: number }
  );

export interface MomentOptions {
  /** How many of the biggest drops to mark. */
  drops?: number;
  /** The window in which many unfriendings make a wave, in ms. */
  waveWindowMs?: number;
}

/**
 * Markers for the timeline: what the facilitator did, who was blacklisted, the biggest falls
 * of a score within a round (peak to trough), and waves of unfriending (a window holding at
 * least twice the session's usual number of unfriendings, and never fewer than 3).
 */
export function keyMoments(r: Replay, opts: MomentOptions = {}): KeyMoment[] {
  const out: KeyMoment[] = [];
  const nick = (id: PlayerId) => r.players[id]?.nickname ?? id;
  for (const e of r.events) {
    if (e.type !== "settings" && e.type !== "live" && e.type !== "phase" && e.type !== "player-removed" && e.type !== "blacklisted") continue;
    const at = { event: e.seq, at: e.at, round: roundOfEvent(r, e.seq) };
    const changed = rulesChangedBy(e);
    if (changed) out.push({ ...at, kind: "rule-change", changed });
    else if (e.type === "live") out.push({ ...at, kind: "live", detail: e.detail });
    else if (e.type === "phase" && (e.change === "paused" || e.change === "resumed")) out.push({ ...at, kind: e.change === "paused" ? "pause" : "resume" });
    else if (e.type === "player-removed") out.push({ ...at, kind: "removal", player: e.player, nickname: nick(e.player), banned: e.banned });
    else if (e.type === "blacklisted" && e.on) out.push({ ...at, kind: "blacklisted", player: e.player, nickname: nick(e.player) });
  }
  out.push(...biggestDrops(r, opts.drops ?? 10), ...unfriendingWaves(r, opts.waveWindowMs ?? 15_000));
  return out.sort((a, b) => a.event - b.event);
}

/** Within each round, each player's deepest fall from a high point to a later low point. */
function biggestDrops(r: Replay, count: number): KeyMoment[] {
  const drops: KeyMoment[] = [];
  for (const [player, line] of Object.entries(r.trajectories)) {
    for (const span of r.rounds) {
      const end = span.endEvent ?? Infinity;
      let peak = -1;
      let best: { peak: number; trough: number } | undefined;
      for (let i = 0; i < line.length; i++) {
        if (line[i].event > end) break;
        if (line[i].event < span.startEvent) {
          peak = i;
          continue;
        }
        if (peak < 0 || line[i].score > line[peak].score) peak = i;
        const fall = line[peak].score - line[i].score;
        if (fall > 0 && (!best || fall > line[best.peak].score - line[best.trough].score)) best = { peak, trough: i };
      }
      if (!best) continue;
      const hi = line[best.peak];
      const lo = line[best.trough];
      drops.push({
        kind: "drop",
        event: lo.event,
        at: lo.at,
        round: span.round,
        player,
        nickname: r.players[player]?.nickname ?? player,
        from: hi.score,
        to: lo.score,
        fromEvent: hi.event,
        fromAt: hi.at,
      });
    }
  }
  const size = (m: KeyMoment) => (m.kind === "drop" ? m.from - m.to : 0);
  return drops.sort((a, b) => size(b) - size(a) || a.event - b.event).slice(0, count);
}

/** Merged windows of unusually many unfriendings. */
function unfriendingWaves(r: Replay, windowMs: number): KeyMoment[] {
  const cuts = r.events.filter((e) => e.type === "unfriended");
  if (cuts.length === 0) return [];
  let playMs = 0;
  for (const span of r.rounds) playMs += (span.endAt ?? r.final.now) - span.startAt;
  const usual = playMs > 0 ? (cuts.length * windowMs) / playMs : cuts.length;
  const threshold = Math.max(3, Math.ceil(2 * usual));
  const spans: [number, number][] = [];
  let j = 0;
  for (let i = 0; i < cuts.length; i++) {
    while (j < cuts.length && cuts[j].at - cuts[i].at <= windowMs) j++;
    if (j - i < threshold) continue;
    const last = spans[spans.length - 1];
    if (last && last[1] > i) last[1] = j;
    else spans.push([i, j]);
  }
  return spans.map(([i, j]) => ({
    kind: "unfriending-wave",
    count: j - i,
    event: cuts[j - 1].seq,
    at: cuts[j - 1].at,
    round: roundOfEvent(r, cuts[i].seq),
    fromEvent: cuts[i].seq,
    fromAt: cuts[i].at,
  }));
}
