import type { ActionRule } from "./types.ts";
import { reject } from "../commands.ts";
import { personal } from "./personal.ts";

export const brag: ActionRule = {
  needsTarget: false,
  standing(me, c) {
    if (me.score !== null && me.score < c.bragMinScore) return reject("not-eligible", `You need a score of at least ${c.bragMinScore} to brag.`);
  },
  run: personal.run,
};
