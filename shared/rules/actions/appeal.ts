import type { ActionRule } from "./types.ts";
import type { GameState, Deduction } from "../state.ts";
import type { ActCommand } from "../act-command.ts";
import { reject } from "../commands.ts";
import { changeScore, emit, luck, random } from "../effects.ts";
import { since } from "../state.ts";

function findDeduction(s: GameState, c: ActCommand): Deduction | undefined {
  const list = s.players[c.player].deductions;
  if (c.deduction !== undefined) return list.find((d) => d.id === c.deduction && !d.appealed);
  for (let i = list.length - 1; i >= 0; i--) if (!list[i].appealed) return list[i];
  return undefined;
}

/** An appeal of one deduction (the latest, unless named): a seeded coin decides if it is reversed, unless it was the audit's mistake. */
export const appeal: ActionRule = {
  needsTarget: false,
  check(s, c) {
    if (!findDeduction(s, c)) {
      return reject("nothing-to-appeal", c.deduction === undefined ? "nothing-to-appeal" : "deduction-gone");
    }
  },
  run(t, c) {
    const d = findDeduction(t.s, c)!;
    d.appealed = true;
    // The audit's deliberate mistake is found on appeal; any other deduction is a seeded coin,
    // since version 3 keyed by the deduction itself, so it lands the same in every world.
    const coin = () => (since(t.s, 3) ? luck(t, `appeal:${d.luck}`) : random(t));
    const reversed = d.wrong === true || coin() < t.s.config.appealChance;
    emit(t, { type: "appeal", player: c.player, deduction: d.id, reversed });
    if (reversed) changeScore(t, c.player, d.amount, { rule: "appeal-upheld", actor: c.player, action: c.action });
  },
};
