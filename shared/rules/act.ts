import type { ActCommand } from "./act-command.ts";
import type { Rejection } from "./commands.ts";
import { reject } from "./commands.ts";
import type { Turn } from "./effects.ts";
import { emit } from "./effects.ts";
import type { GameState } from "./state.ts";
import type { ActionName, GameConfig } from "./config.ts";
import { ACTIONS } from "./actions/index.ts";
import type { Standing } from "./actions/types.ts";
import { checkTopic, recordPost } from "./live/topic-ban.ts";

/**
 * Whether an actor in this standing may take this action now, before any target or topic:
 * the phase, a pause, the scenario, action points, the blacklist, and the action's own
 * condition on its actor. The rules' check of every act starts here, and a phone asks it too.
 */
export function checkStanding(action: ActionName, me: Standing, c: GameConfig): Rejection | undefined {
  if (me.phase === "lobby") return reject("not-in-round", "wait-for-round");
  if (me.phase === "ended") return reject("game-ended", "game-ended");
  if (me.paused) return reject("paused", "paused");
  const effect = c.actions[action];
  if (!effect.enabled) return reject("action-unavailable", "action-unavailable");
  if (me.actionPoints < effect.cost) return reject("no-action-points", "no-action-points");
  if (me.blacklisted && effect.blockedWhenBlacklisted) return reject("blacklisted", "blacklisted");
  return ACTIONS[action].standing?.(me, c);
}

export function checkAct(s: GameState, c: ActCommand): Rejection | undefined {
  const me = s.players[c.player];
  if (!me) return reject("unknown-player", "not-a-player");
  const standing = {
    phase: s.phase,
    paused: s.paused,
    actionPoints: me.actionPoints,
    blacklisted: me.blacklisted,
    score: me.score,
    scoresHidden: s.visibility === "hidden",
  };
  const refused = checkStanding(c.action, standing, s.config);
  if (refused) return refused;
  const rule = ACTIONS[c.action];
  if (rule.needsTarget) {
    if (c.target === undefined) return reject("bad-target", "choose-target");
    if (c.target === c.player) return reject("bad-target", "not-yourself");
    if (!s.players[c.target]) return reject("bad-target", "player-not-here");
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
