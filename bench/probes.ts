/**
 * Latency probes of one room. A probe opens when a player sends a message that may change
 * their own score, and closes when every other client in the room has decoded that change:
 * its latency is the time from the send to the last of those decodes, on the one monotonic
 * clock of this process. A player has at most one probe open, so a change is never matched
 * to the wrong send.
 *
 * Only the actor learns that a change was its own (the cause is private); every screen sees
 * the new score. So screens report each new score of a player with an open probe, and the
 * actor confirms which score its action produced: the screens' reports of that score close
 * the probe, whether they came before the confirmation or after it.
 */
interface Probe {
  sentAt: number;
  actorIndex: number;
  seen: Uint8Array;
  count: number;
  lastAt: number;
  /** The score the action produced, once the actor has confirmed it. */
  score: number | undefined;
  /** Screens' reports before the confirmation, oldest first. */
  heard: { observer: number; score: number; at: number }[];
}

export interface Sample {
  sentAt: number;
  latency: number;
}

/** How long a probe may wait for every screen before the missing ones count as failures. */
export const PROBE_LIMIT_MS = 10_000;

export class RoomProbes {
  private open = new Map<string, Probe>();
  readonly samples: Sample[] = [];
  /** Clients that never showed a change some other client showed, within PROBE_LIMIT_MS. */
  missed = 0;

  /** `clients`: every client in the room, the actor included. */
  constructor(public clients: number) {}

  has(actor: string): boolean {
    return this.open.has(actor);
  }

  start(actor: string, actorIndex: number, at: number): void {
    this.open.set(actor, { sentAt: at, actorIndex, seen: new Uint8Array(this.clients), count: 0, lastAt: at, score: undefined, heard: [] });
  }

  /** The action turned out not to move the actor's score (refused, or nothing to change). */
  cancel(actor: string): void {
    this.open.delete(actor);
  }

  /** Client `observer` decoded a new score of `actor`, whatever caused it. */
  observed(actor: string, observer: number, score: number, at: number): void {
    const p = this.open.get(actor);
    if (!p || observer === p.actorIndex || p.seen[observer]) return;
    if (p.score === undefined) p.heard.push({ observer, score, at });
    else if (score === p.score) this.mark(actor, p, observer, at);
  }

  /** The actor's own screen learned that its action set its score to `score`. */
  confirm(actor: string, score: number): void {
    const p = this.open.get(actor);
    if (!p || p.score !== undefined) return;
    p.score = score;
    // An observer's latest report of that score is the one from the action's patch.
    for (let i = p.heard.length - 1; i >= 0 && this.open.has(actor); i--) {
      const h = p.heard[i];
      if (h.score === score && !p.seen[h.observer]) this.mark(actor, p, h.observer, h.at);
    }
    p.heard = [];
  }

  private mark(actor: string, p: Probe, observer: number, at: number): void {
    p.seen[observer] = 1;
    p.count++;
    p.lastAt = Math.max(p.lastAt, at);
    if (p.count === this.clients - 1) {
      this.samples.push({ sentAt: p.sentAt, latency: p.lastAt - p.sentAt });
      this.open.delete(actor);
    }
  }

  /** Closes probes older than the limit; a probe its actor never confirmed is an action without a visible change. */
  sweep(now: number): void {
    for (const [actor, p] of this.open) {
      if (now - p.sentAt < PROBE_LIMIT_MS) continue;
      if (p.score !== undefined) this.missed += this.clients - 1 - p.count;
      this.open.delete(actor);
    }
  }

  get pending(): number {
    return this.open.size;
  }
}

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentiles of the latencies of probes sent within [from, to]. */
export function summarize(rooms: readonly RoomProbes[], from: number, to: number): LatencySummary {
  const values: number[] = [];
  for (const r of rooms) for (const s of r.samples) if (s.sentAt >= from && s.sentAt <= to) values.push(s.latency);
  values.sort((a, b) => a - b);
  const at = (q: number) => (values.length === 0 ? NaN : values[Math.min(values.length - 1, Math.ceil(q * values.length) - 1)]);
  return { count: values.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: values.length ? values[values.length - 1] : NaN };
}
