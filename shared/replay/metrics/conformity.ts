import type { GameEvent } from "../../rules/events.ts";
import type { Collector } from "./mirror.ts";
import { share } from "./stats.ts";
import { rulesChangedBy } from "../rule-changes.ts";

export interface PostCounts {
  approved: number;
  opinions: number;
  /** Approved posts among all posts; null when nobody posted. */
  approvedShare: number | null;
}

export interface RuleChange {
  event: number;
  at: number;
  round: number;
  changed: Record<string, number | boolean>;
  /** Posts over the whole session before and after this change. */
  before: PostCounts;
  after: PostCounts;
}

function counts(approved: number, opinions: number): PostCounts {
  return { approved, opinions, approvedShare: share(approved, approved + opinions) };
}

/** Metric 3, conformity: the share of approved posts per round, and around each rule change. */
export class Conformity implements Collector {
  private perRound = new Map<number, [number, number]>();
  private changes: { event: number; at: number; round: number; changed: Record<string, number | boolean>; approved: number; opinions: number }[] = [];
  private approved = 0;
  private opinions = 0;

  event(e: GameEvent, _m: unknown, round: number): void {
    const changed = rulesChangedBy(e);
    if (changed) {
      this.changes.push({ event: e.seq, at: e.at, round, changed, approved: this.approved, opinions: this.opinions });
      return;
    }
    if (e.type !== "acted" || (e.action !== "share-approved" && e.action !== "post-opinion")) return;
    const c = this.perRound.get(round) ?? [0, 0];
    if (e.action === "share-approved") {
      c[0]++;
      this.approved++;
    } else {
      c[1]++;
      this.opinions++;
    }
    this.perRound.set(round, c);
  }

  round(round: number): PostCounts {
    const [approved, opinions] = this.perRound.get(round) ?? [0, 0];
    return counts(approved, opinions);
  }

  ruleChanges(): RuleChange[] {
    return this.changes.map(({ approved, opinions, ...c }) => ({
      ...c,
      before: counts(approved, opinions),
      after: counts(this.approved - approved, this.opinions - opinions),
    }));
  }

  /** Rule changes made during the round itself (mid-game; changes in the lobby are the setup). */
  changesIn(round: number): number {
    return this.changes.filter((c) => c.round === round).length;
  }

  /** Whether a rule had changed mid-game before this round began. */
  after(round: number): boolean {
    return this.changes.some((c) => c.round >= 1 && c.round < round);
  }
}
