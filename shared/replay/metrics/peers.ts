import type { GameEvent } from "../../rules/events.ts";
import type { Collector } from "./mirror.ts";
import { share } from "./stats.ts";

export interface Lookups {
  lookups: number;
  unfriendings: number;
  /** Unfriendings whose unfriender had looked up the unfriended player earlier in the session. */
  afterLookup: number;
  afterLookupShare: number | null;
}

export interface Reports {
  reports: number;
  /** Reports that answered an earlier, not yet answered report by the player now reported. */
  retaliations: number;
  retaliationShare: number | null;
}

/**
 * Metrics 5 and 6: lookups and whether they come before unfriending, reports and retaliation.
 * Each report can be answered once: A reports B, then B reports A is a retaliation; a third
 * report, A on B again, is a fresh report that B may answer in turn.
 */
export class PeerWatch implements Collector {
  private lookups = new Map<number, Lookups>();
  private reports = new Map<number, Reports>();
  private looked = new Set<string>();
  private unanswered = new Map<string, number>();

  event(e: GameEvent, _m: unknown, round: number): void {
    if (e.type === "looked-up") {
      this.lookupRound(round).lookups++;
      this.looked.add(`${e.by}>${e.target}`);
    } else if (e.type === "unfriended") {
      const l = this.lookupRound(round);
      l.unfriendings++;
      if (this.looked.has(`${e.by}>${e.other}`)) l.afterLookup++;
    } else if (e.type === "acted" && e.action === "report" && e.target !== undefined) {
      const r = this.reportRound(round);
      r.reports++;
      const answers = `${e.target}>${e.player}`;
      const pending = this.unanswered.get(answers) ?? 0;
      if (pending > 0) {
        r.retaliations++;
        this.unanswered.set(answers, pending - 1);
      } else {
        const key = `${e.player}>${e.target}`;
        this.unanswered.set(key, (this.unanswered.get(key) ?? 0) + 1);
      }
    }
  }

  lookupsIn(round: number): Lookups {
    const l = this.lookups.get(round) ?? { lookups: 0, unfriendings: 0, afterLookup: 0, afterLookupShare: null };
    return { ...l, afterLookupShare: share(l.afterLookup, l.unfriendings) };
  }

  reportsIn(round: number): Reports {
    const r = this.reports.get(round) ?? { reports: 0, retaliations: 0, retaliationShare: null };
    return { ...r, retaliationShare: share(r.retaliations, r.reports) };
  }

  private lookupRound(round: number): Lookups {
    let l = this.lookups.get(round);
    if (!l) this.lookups.set(round, (l = { lookups: 0, unfriendings: 0, afterLookup: 0, afterLookupShare: null }));
    return l;
  }

  private reportRound(round: number): Reports {
    let r = this.reports.get(round);
    if (!r) this.reports.set(round, (r = { reports: 0, retaliations: 0, retaliationShare: null }));
    return r;
  }
}
