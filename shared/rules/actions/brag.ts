import type { ActionRule } from "./types.ts";
import { reject } from "../commands.ts";
import { personal } from "./personal.ts";

export const brag: ActionRule = {
  needsTarget: false,
  check(s, c) {
    const min = s.config.bragMinScore;
    if (s.players[c.player].score < min) return reject("not-eligible", `You need a score of at least ${min} to brag.`);
  },
  run: personal.run,
};
