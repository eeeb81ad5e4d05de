import type { ActCommand } from "./act-command.ts";
import type { Rejection } from "./commands.ts";
import { reject } from "./commands.ts";
import type { Turn } from "./effects.ts";
import { emit } from "./effects.ts";
import type { GameState } from "./state.ts";
import { ACTIONS } from "./actions/index.ts";
import { checkTopic, recordPost } from "./live/topic-ban.ts";

export function checkAct(s: GameState, c: ActCommand): Rejection | undefined {
  const me = s.players[c.player];
  if (!me) return reject("unknown-player", "You are not a player in this session.");
  if (s.phase === "lobby") return reject("not-in-round", "Wait for the facilitator to start the round.");
  if (s.phase === "ended") return reject("game-ended", "The game has ended.");
  if (s.paused) return reject("paused", "The facilitator has paused the game.");
  const rule = ACTIONS[c.action];
  const effect = s.config.actions[c.action];
  if (!effect.enabled) return reject("action-unavailable", "That action is not part of this session's rules.");
  if (me.actionPoints < effect.cost) return reject("no-action-points", "You have no action points left this round.");
  if (me.blacklisted && effect.blockedWhenBlacklisted) return reject("blacklisted", "Blacklisted players may not do that until their debt is paid.");
  if (rule.needsTarget) {
    if (c.target === undefined) return reject("bad-target", "Choose a player for this action.");
    if (c.target === c.player) return reject("bad-target", "You cannot do that to yourself.");
    if (!s.players[c.target]) return reject("bad-target", "That player is not in this session.");
  }
  return checkTopic(s, c) ?? rule.check?.(s, c);
}

export function runAct(t: Turn, c: ActCommand): void {
  const me = t.s.players[c.player];
  me.actionPoints -= t.s.config.actions[c.action].cost;
  const target = ACTIONS[c.action].needsTarget ? c.target : undefined;
  const seq = t.s.nextEvent;
  emit(t, {
    type: "acted",
    player: c.player,
    action: c.action,
    ...(target === undefined ? {} : { target }),
    ...(c.topic === undefined ? {} : { topic: c.topic }),
  });
  ACTIONS[c.action].run(t, c);
  recordPost(t, c, seq);
}
