import type { FeedLine } from "../../shared/messages/messages.ts";
import type { GameEvent } from "../../shared/rules/events.ts";
import type { GameState } from "../../shared/rules/state.ts";
import { publicDeltas } from "../../shared/rules/view.ts";
import { feedRecord } from "../../shared/text/feed-record.ts";

/** How many recent lines a screen is given when it joins. */
export const FEED_SIZE = 30;
/**
 * Lines go out this often, batched: soon enough to read as it happens (a line twice a second
 * reads as live on a projector), and each screen handles one feed message every ten patches
 * rather than one per patch (per message, the server's socket work and a screen's decoding
 * cost about as much as a small patch).
 */
export const FEED_EVERY_MS = 500;
/**
 * At most this many lines per batch, the newest: 6 a second, more than anyone reads, while
 * 300 players act 150 times a second, each with spillovers. Measured at 300x1, a cap of 20 a
 * second made the feed 60% of the bytes every screen received.
 */
export const FEED_BATCH = 3;

/** An event as the live feed's line: amounts only while scores are public. */
export function feedLine(e: GameEvent, g: GameState, round = g.round): FeedLine | undefined {
  return feedRecord(e, round, publicDeltas(g));
}

/** The lines a busy room makes by the hundred; the rest (rounds, friendships, reports...) are kept first. */
const COMMON: ReadonlySet<string> = new Set(["acted", "score"]);

/**
 * What a player's phone is sent of the feed: the game's phases (a round starting or ending, a
 * pause), which it announces. The rest is for the projector; a phone never showed it, and at
 * 300 players it was a fifth of the bytes every phone received.
 */
export function isForPlayers(l: FeedLine): boolean {
  return l.type === "phase";
}

/**
 * Lines a batch never drops: the game's phases, and who came and went, which the projector
 * counts ("26 players joined"); a class arriving at once is a few hundred lines, once.
 */
const kept = (l: FeedLine) => isForPlayers(l) || l.type === "player-joined" || l.type === "player-removed";

/**
 * The newest FEED_BATCH lines, the rarer kinds first, in their order; a kept line is always
 * kept. Joins and removals take no room from the others: the projector folds a class's joins
 * into one ticker line, so they must not crowd out the friendship that came in the same batch.
 */
function trim(lines: FeedLine[]): FeedLine[] {
  const always = lines.filter(kept);
  const room = FEED_BATCH - always.filter(isForPlayers).length;
  const rare = newest(
    lines.filter((l) => !COMMON.has(l.type) && !kept(l)),
    room,
  );
  const common = newest(
    lines.filter((l) => COMMON.has(l.type)),
    room - rare.length,
  );
  return [...always, ...rare, ...common].sort((a, b) => a.seq - b.seq);
}

const newest = (lines: FeedLine[], n: number) => (n > 0 ? lines.slice(-n) : []);

/**
 * The public feed, batched: the lines of every command applied since the last batch go out
 * together, once, right after a patch that shows their effects. As synced state, each line
 * was a tracked object of ten fields that every screen decoded field by field, plus an array
 * shift; at a lecture hall's pace that was most of every patch.
 */
export class Feed {
  private recent: FeedLine[] = [];
  private pending: FeedLine[] = [];

  add(events: readonly GameEvent[], g: GameState): void {
    for (const e of events) {
      const l = feedLine(e, g);
      if (l) this.push(l);
    }
  }

  /** A line rebuilt after a restart: shown to screens that join, not sent again as news. */
  restore(l: FeedLine): void {
    this.recent.push(l);
    if (this.recent.length > FEED_SIZE) this.recent.shift();
  }

  private push(l: FeedLine): void {
    this.recent.push(l);
    this.pending.push(l);
    // The scores and the state carry everything; the feed is what a person can follow.
    if (this.recent.length > FEED_SIZE * 2) this.recent.splice(0, this.recent.length - FEED_SIZE);
    if (this.pending.length > FEED_BATCH * 4) this.pending = trim(this.pending);
  }

  /** The lines since the last batch, oldest first, at most FEED_BATCH; undefined when there are none. */
  takeBatch(): FeedLine[] | undefined {
    if (this.pending.length === 0) return undefined;
    const batch = this.pending.length > FEED_BATCH ? trim(this.pending) : this.pending;
    this.pending = [];
    return batch;
  }

  /** The last lines already sent, for a screen that has just joined; the next batch follows. */
  get last(): FeedLine[] {
    const next = this.pending[0]?.seq ?? Infinity;
    return this.recent.filter((l) => l.seq < next).slice(-FEED_SIZE);
  }
}
