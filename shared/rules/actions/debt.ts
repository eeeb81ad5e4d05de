import type { ActionRule } from "./types.ts";
import { personal } from "./personal.ts";
import { setBlacklisted } from "../effects.ts";

/**
 * Defaulting puts the player on the blacklist, a flag separate from the score (as real court
 * lists are). Configs stored before `blacklistOnDefault` existed lack it and meant "yes".
 */
export const defaultDebt: ActionRule = {
  needsTarget: false,
  run(t, c) {
    personal.run(t, c);
    if (t.s.config.blacklistOnDefault === false) return;
    setBlacklisted(t, c.player, true, { rule: "action", actor: c.player, action: c.action });
  },
};

/** Paying a bill on time; for a blacklisted player it settles the debt and lifts the flag. */
export const payBill: ActionRule = {
  needsTarget: false,
  run(t, c) {
    personal.run(t, c);
    setBlacklisted(t, c.player, false, { rule: "action", actor: c.player, action: c.action });
  },
};
