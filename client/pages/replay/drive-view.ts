import type { ClassroomModel } from "../../view/classroom-model.ts";
import type { PlayerInfo, SessionInfo } from "../../view/classroom-view.ts";
import { feedEntry, feedRecord } from "../../../shared/text/feed-record.ts";
import type { Frame } from "./worker-protocol.ts";

function samePlayer(a: PlayerInfo, b: PlayerInfo): boolean {
  return (
    a.score === b.score &&
    a.tier === b.tier &&
    a.blacklisted === b.blacklisted &&
    a.friendCount === b.friendCount &&
    a.actionPoints === b.actionPoints &&
    a.nickname === b.nickname &&
    a.last.delta === b.last.delta &&
    a.last.rule === b.last.rule
  );
}

function sameSession(a: SessionInfo, b: SessionInfo): boolean {
  return a.phase === b.phase && a.paused === b.paused && a.round === b.round && a.rounds === b.rounds && a.roundSeconds === b.roundSeconds;
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/**
 * Drives the live view interface from replay frames: the first frame fills the model, every
 * later one is told as the differences from what the model holds, so the graph keeps its
 * layout and the leaderboard its rows. A scrub is quiet; playing forward animates like live.
 */
export class FrameDriver {
  private fedSeq = 0;

  constructor(private model: ClassroomModel) {}

  show(f: Frame, animate: boolean): void {
    const m = this.model;
    m.quiet = !animate;
    try {
      if (f.config) m.rules(f.config);
      if (m.isReady) this.diff(f);
      else this.fill(f);
      this.feed(f, animate);
    } finally {
      m.quiet = false;
    }
  }

  private fill(f: Frame): void {
    const m = this.model;
    m.session(f.session);
    m.clock(f.secondsLeft);
    for (const p of f.players) m.playerJoined(p);
    for (const [a, b] of f.friendships) m.friendship(a, b, true);
    m.leaderboard(f.leaderboard);
    m.ready();
  }

  private diff(f: Frame): void {
    const m = this.model;
    if (!sameSession(m.info, f.session)) m.session(f.session);
    if (m.secondsLeft !== f.secondsLeft) m.clock(f.secondsLeft);
    const edges = new Map(f.friendships.map(([a, b]) => [pairKey(a, b), [a, b] as const]));
    for (const [key, [a, b]] of [...m.friendships]) if (!edges.has(key)) m.friendship(a, b, false);
    const present = new Set(f.players.map((p) => p.id));
    for (const id of [...m.players.keys()]) if (!present.has(id)) m.playerLeft(id);
    for (const p of f.players) {
      const before = m.players.get(p.id);
      if (!before) m.playerJoined(p);
      else if (!samePlayer(before, p)) m.playerChanged(p, before);
    }
    for (const [key, [a, b]] of edges) if (!m.friendships.has(key)) m.friendship(a, b, true);
    const order = m.order;
    if (order.length !== f.leaderboard.length || f.leaderboard.some((id, i) => order[i] !== id)) m.leaderboard(f.leaderboard);
  }

  /** Playing forward, new events pulse and ripple on the graph; after a jump the feed starts afresh. */
  private feed(f: Frame, animate: boolean): void {
    const last = f.recent[f.recent.length - 1]?.seq ?? 0;
    if (!animate || last < this.fedSeq) {
      this.model.feedItems.length = 0;
      this.fedSeq = last;
      return;
    }
    for (const e of f.recent) {
      if (e.seq <= this.fedSeq) continue;
      const record = feedRecord(e, 0, true);
      if (record) this.model.feed(feedEntry(record));
    }
    this.fedSeq = last;
  }
}
