import type { ActionName, GameConfig, Truth } from "../rules/config.ts";
import type { GameEvent } from "../rules/events.ts";
import type { PlayerId } from "../rules/state.ts";

/**
 * One event as a tidy row. `player` is whose state the event is about, `actor` whose command
 * caused it, `target` whom it was aimed at; missing values are null (empty in CSV).
 */
export interface EventRow {
  session: string;
  seq: number;
  at: string;
  /** Seconds since the session was created. */
  t: number;
  round: number;
  type: GameEvent["type"];
  player: PlayerId | null;
  player_name: string | null;
  actor: PlayerId | null;
  actor_name: string | null;
  target: PlayerId | null;
  target_name: string | null;
  action: ActionName | null;
  /** How the debrief grades the action: real, partly, disputed, myth, or a game mechanic. */
  truth: Truth | null;
  rule: string | null;
  delta: number | null;
  score_after: number | null;
  /** The event this one refers to: the deduction an appeal was about. */
  ref: number | null;
  detail: string | null;
  /** The feed's sentence for the event, in English ("Ana reported Bo"); null for one the feed does not tell (a lookup, a request). */
  text: string | null;
}

type Who = Pick<EventRow, "player" | "actor" | "target" | "action" | "rule" | "delta" | "score_after" | "ref" | "detail">;

function who(e: GameEvent): Partial<Who> {
  switch (e.type) {
    case "player-joined":
      return { player: e.player };
    case "player-removed":
      return { player: e.player, detail: e.banned ? "banned" : null };
    case "acted":
      return { player: e.player, actor: e.player, target: e.target ?? null, action: e.action };
    case "score":
      return { player: e.player, actor: e.cause.actor ?? null, action: e.cause.action ?? null, rule: e.cause.rule, delta: e.delta, score_after: e.score };
    case "blacklisted":
      return { player: e.player, actor: e.cause.actor ?? null, action: e.cause.action ?? null, rule: e.cause.rule, detail: e.on ? "on" : "off" };
    case "friend-requested":
      return { player: e.from, actor: e.from, target: e.to };
    case "friend-declined":
      return { player: e.to, actor: e.to, target: e.from };
    case "friends":
      // a asked, b completed it (accepted, or asked back).
      return { player: e.a, actor: e.b, target: e.b };
    case "unfriended":
      return { player: e.by, actor: e.by, target: e.other };
    case "looked-up":
      return { player: e.by, actor: e.by, target: e.target, detail: String(e.score) };
    case "appeal":
      return { player: e.player, actor: e.player, action: "appeal", ref: e.deduction, detail: e.reversed ? "reversed" : "denied" };
    case "phase":
      return { detail: e.change };
    case "settings":
      return { detail: JSON.stringify(e.changed) };
    case "live":
      return { action: null, detail: JSON.stringify(e.detail) };
    case "voted":
      return { player: e.player, actor: e.player, detail: e.option };
    case "ballot-answered":
      // The answer itself stays out of the events table: only the aggregate is ever shown.
      return { player: e.player, actor: e.player, detail: e.stage };
    case "score-shown":
      return { player: e.player, actor: e.player, detail: e.on ? "on" : "off" };
    case "locked":
      return { detail: e.on ? "locked" : "unlocked" };
  }
}

export function eventRow(session: string, e: GameEvent, round: number, time: { iso: string; t: number }, config: GameConfig): EventRow {
  const w = who(e);
  const action = w.action ?? null;
  return {
    session,
    seq: e.seq,
    at: time.iso,
    t: time.t,
    round,
    type: e.type,
    player: w.player ?? null,
    player_name: null,
    actor: w.actor ?? null,
    actor_name: null,
    target: w.target ?? null,
    target_name: null,
    action,
    truth: action ? config.actions[action].truth : null,
    rule: w.rule ?? null,
    delta: w.delta ?? null,
    score_after: w.score_after ?? null,
    ref: w.ref ?? null,
    detail: w.detail ?? null,
    text: null,
  };
}
