import type { ActionRule } from "./types.ts";
import { changeScore } from "../effects.ts";
import { friendsOf } from "../state.ts";

/**
 * Actions that move the actor's own score and, by the configured spillover, every friend's:
 * approved posts, unapproved opinions, shopping, volunteering.
 */
export const personal: ActionRule = {
  needsTarget: false,
  run(t, c) {
    const effect = t.s.config.actions[c.action];
    changeScore(t, c.player, effect.self, { rule: "action", actor: c.player, action: c.action });
    if (effect.friends === 0) return;
    for (const friend of [...friendsOf(t.s, c.player)]) {
      changeScore(t, friend, effect.friends, { rule: "friend-spillover", actor: c.player, action: c.action });
    }
  },
};
