import type { ActionRule } from "./types.ts";
import { reject } from "../commands.ts";
import { personal } from "./personal.ts";

export const brag: ActionRule = {
  needsTarget: false,
  standing(me, c) {
    if (me.score !== null && me.score < c.bragMinScore) return reject("not-eligible", "brag-score", { score: c.bragMinScore });
  },
  run: personal.run,
};
