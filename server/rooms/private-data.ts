import { dequal } from "dequal";
import type { Inbox, InboxUpdate, LastChange } from "../../shared/messages/messages.ts";
import type { GameEvent } from "../../shared/rules/events.ts";
import { tierOf, type GameState, type PlayerData, type PlayerId } from "../../shared/rules/state.ts";
import { ownerSeesScore } from "../../shared/rules/view.ts";
import { touchedBy } from "./touched.ts";

const LOOKED_UP_SHOWN = 20;
const DEDUCTIONS_SHOWN = 5;

/** What only the player may see of their own data; `lastChange` is the room's memory of events, not state. */
export function inboxOf(g: GameState, p: PlayerData, lastChange: LastChange | null = null): Inbox {
  const own = ownerSeesScore(g);
  const v = g.vote;
  return {
    actionPoints: p.actionPoints,
    incomingRequests: [...p.incomingRequests],
    lookedUpBy: p.lookedUpBy.slice(-LOOKED_UP_SHOWN).map((l) => l.by),
    ownScore: own ? p.score : 0,
    ownTier: own ? tierOf(p.score, g.config) : "",
    voteStatus: v?.eligible.includes(p.id) ? (p.id in v.choices ? "voted" : "eligible") : "",
    ballotsAnswered: (["start", "end"] as const).filter((stage) => g.ballots[stage].voters.includes(p.id)),
    deductions: p.deductions
      .filter((d) => !d.appealed)
      .slice(-DEDUCTIONS_SHOWN)
      .map((d) => ({ id: d.id, amount: d.amount, rule: d.rule })),
    lastChange,
  };
}

/** A score event as its owner's inbox tells it. */
function lastChangeOf(g: GameState, e: Extract<GameEvent, { type: "score" }>): LastChange {
  return { seq: e.seq, delta: ownerSeesScore(g) ? e.delta : 0, rule: e.cause.rule, actor: e.cause.actor ?? "", action: e.cause.action ?? "" };
}

/** The fields of `now` that differ from `before`; undefined when none do. */
function changedFields(before: Inbox, now: Inbox): InboxUpdate | undefined {
  let out: Record<string, unknown> | undefined;
  for (const key of Object.keys(now) as (keyof Inbox)[]) if (!dequal(before[key], now[key])) (out ??= {})[key] = now[key];
  return out as InboxUpdate | undefined;
}

/**
 * The private side of the room: each player's inbox and the facilitators' true scores, sent
 * as messages only when they changed, and an inbox only in the fields that did. Events name
 * the players worth looking at; what was last sent decides whether anything goes out, so a
 * missed kind of change costs a comparison, not a stale screen.
 */
export class PrivateData {
  private touched = new Set<PlayerId>();
  private everyone = true;
  private sentInbox = new Map<PlayerId, Inbox>();
  private sentHostScore = new Map<PlayerId, number>();
  private lastChanges = new Map<PlayerId, LastChange>();

  /** `g` is the state right after the events. */
  note(g: GameState, events: readonly GameEvent[]): void {
    for (const e of events) {
      if (touchedBy(e, this.touched)) this.everyone = true;
      if (e.type === "score") this.lastChanges.set(e.player, lastChangeOf(g, e));
      else if (e.type === "player-removed") this.lastChanges.delete(e.player);
    }
  }

  /** After a restart: each player's last score change, from the events replayed last. */
  restore(g: GameState, recent: readonly GameEvent[]): void {
    for (const e of recent) if (e.type === "score" && g.players[e.player]) this.lastChanges.set(e.player, lastChangeOf(g, e));
  }

  /** The inbox as it stands, without marking it sent. */
  inboxOf(g: GameState, player: PlayerId): Inbox | undefined {
    const p = g.players[player];
    return p && inboxOf(g, p, this.lastChanges.get(player) ?? null);
  }

  /** The inbox to send to `player` now, whatever was sent before (a join, a reconnect). */
  inboxNow(g: GameState, player: PlayerId): Inbox | undefined {
    const inbox = this.inboxOf(g, player);
    if (!inbox) return undefined;
    this.sentInbox.set(player, inbox);
    return inbox;
  }

  /** Every true score, for a facilitator's screen that has just joined. */
  allHostScores(g: GameState): Record<string, number> {
    const out: Record<string, number> = {};
    for (const p of Object.values(g.players)) out[p.id] = p.score;
    return out;
  }

  /**
   * What changed since the last call: the inboxes of seated players (`seated` says who has a
   * screen) and the true scores facilitators have not seen yet.
   */
  changes(g: GameState, seated: (p: PlayerId) => boolean): { inboxes: [PlayerId, InboxUpdate][]; hostScores: Record<string, number> | undefined } {
    const ids = this.everyone ? Object.keys(g.players) : [...this.touched];
    this.everyone = false;
    this.touched.clear();
    const inboxes: [PlayerId, InboxUpdate][] = [];
    let hostScores: Record<string, number> | undefined;
    for (const id of ids) {
      const p = g.players[id];
      if (!p) {
        this.sentInbox.delete(id);
        this.sentHostScore.delete(id);
        continue;
      }
      if (this.sentHostScore.get(id) !== p.score) {
        this.sentHostScore.set(id, p.score);
        (hostScores ??= {})[id] = p.score;
      }
      if (!seated(id)) continue;
      const inbox = inboxOf(g, p, this.lastChanges.get(id) ?? null);
      const before = this.sentInbox.get(id);
      const update = before ? changedFields(before, inbox) : inbox;
      if (!update) continue;
      this.sentInbox.set(id, inbox);
      inboxes.push([id, update]);
    }
    return { inboxes, hostScores };
  }
}
