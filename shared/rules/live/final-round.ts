import { reject } from "../commands.ts";
import type { LiveRule } from "./announce.ts";
import { announce } from "./announce.ts";
import type { LiveOf } from "./types.ts";

/** Announces that the round under way is the last one (cooperation tends to collapse on hearing it). */
export const finalRound: LiveRule<LiveOf<"final-round">> = {
  check(s) {
    if (s.phase !== "round") return reject("bad-phase", "final-needs-round");
    return undefined;
  },
  run(t, _c, scheduled) {
    if (t.s.config.rounds !== t.s.round) t.s.config = { ...t.s.config, rounds: t.s.round };
    announce(t, { kind: "final-round", round: t.s.round }, scheduled);
  },
};
