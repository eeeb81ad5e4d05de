import type { GameEvent } from "../../rules/events.ts";
import type { PlayerId } from "../../rules/state.ts";

/**
 * Who is in the game, their scores and friendships, kept up to date from the events alone.
 * It decides nothing: every number in it was set by the rules and carried by an event, so the
 * debrief can read the game at any event without copying the full state.
 */
export class Mirror {
  readonly scores = new Map<PlayerId, number>();
  readonly friends = new Map<PlayerId, Set<PlayerId>>();
  readonly blacklisted = new Set<PlayerId>();

  constructor(private readonly startScore: (player: PlayerId) => number) {}

  score(player: PlayerId): number {
    return this.scores.get(player) ?? 0;
  }

  friendsOf(player: PlayerId): ReadonlySet<PlayerId> {
    return this.friends.get(player) ?? new Set();
  }

  /** Each friendship once, as [a, b] with a < b. */
  edges(): [PlayerId, PlayerId][] {
    const out: [PlayerId, PlayerId][] = [];
    for (const [a, set] of this.friends) for (const b of set) if (a < b) out.push([a, b]);
    return out;
  }

  apply(e: GameEvent): void {
    switch (e.type) {
      case "player-joined":
        this.scores.set(e.player, this.startScore(e.player));
        this.friends.set(e.player, new Set());
        return;
      case "player-removed":
        for (const f of this.friendsOf(e.player)) this.friends.get(f)?.delete(e.player);
        this.scores.delete(e.player);
        this.friends.delete(e.player);
        this.blacklisted.delete(e.player);
        return;
      case "score":
        this.scores.set(e.player, e.score);
        return;
      case "blacklisted":
        if (e.on) this.blacklisted.add(e.player);
        else this.blacklisted.delete(e.player);
        return;
      case "friends":
        this.friends.get(e.a)?.add(e.b);
        this.friends.get(e.b)?.add(e.a);
        return;
      case "unfriended":
        this.friends.get(e.by)?.delete(e.other);
        this.friends.get(e.other)?.delete(e.by);
        return;
    }
  }
}

/** One debrief metric, fed the events in order; it sees the mirror as it was before each event. */
export interface Collector {
  event?(e: GameEvent, m: Mirror, round: number): void;
  roundStart?(m: Mirror, round: number): void;
  /** At a round's end (after the round-end pull), or where the log stops in an unfinished round. */
  roundEnd?(m: Mirror, round: number): void;
}

/** Feeds every event to the collectors, with the round it happened in (0 in the lobby). */
export function runCollectors(events: readonly GameEvent[], m: Mirror, collectors: Collector[]): void {
  let round = 0;
  let open = false;
  for (const e of events) {
    for (const c of collectors) c.event?.(e, m, round);
    m.apply(e);
    if (e.type !== "phase") continue;
    if (e.change === "round-started") {
      round = e.round;
      open = true;
      for (const c of collectors) c.roundStart?.(m, round);
    } else if (e.change === "round-ended") {
      open = false;
      for (const c of collectors) c.roundEnd?.(m, round);
    }
  }
  if (open) for (const c of collectors) c.roundEnd?.(m, round);
}
