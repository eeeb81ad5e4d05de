import type { ActCommand } from "./act-command.ts";
import type { Rejection } from "./commands.ts";
import { reject } from "./commands.ts";
import type { Turn } from "./effects.ts";
import { emit } from "./effects.ts";
import type { GameState } from "./state.ts";
import { ACTIONS } from "./actions/index.ts";

export function checkAct(s: GameState, c: ActCommand): Rejection | undefined {
  const me = s.players[c.player];
  if (!me) return reject("unknown-player", "You are not a player in this session.");
  if (s.phase === "lobby") return reject("not-in-round", "Wait for the facilitator to start the round.");
  if (s.phase === "ended") return reject("game-ended", "The game has ended.");
  if (s.paused) return reject("paused", "The facilitator has paused the game.");
  const rule = ACTIONS[c.action];
  const effect = s.config.actions[c.action];
  if (me.actionPoints < effect.cost) return reject("no-action-points", "You have no action points left this round.");
  if (me.blacklisted && effect.blockedWhenBlacklisted) return reject("blacklisted", "Blacklisted players may not do that until their debt is paid.");
  if (rule.needsTarget) {
    if (c.target === undefined) return reject("bad-target", "Choose a player for this action.");
    if (c.target === c.player) return reject("bad-target", "You cannot do that to yourself.");
    if (!s.players[c.target]) return reject("bad-target", "That player is not in this session.");
  }
  return rule.check?.(s, c);
}

export function runAct(t: Turn, c: ActCommand): void {
  const me = t.s.players[c.player];
  me.actionPoints -= t.s.config.actions[c.action].cost;
  const target = ACTIONS[c.action].needsTarget ? c.target : undefined;
  emit(t, target === undefined ? { type: "acted", player: c.player, action: c.action } : { type: "acted", player: c.player, action: c.action, target });
  ACTIONS[c.action].run(t, c);
}
