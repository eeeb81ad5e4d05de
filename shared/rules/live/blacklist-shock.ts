import { reject } from "../commands.ts";
import { setBlacklisted } from "../effects.ts";
import type { LiveRule } from "./announce.ts";
import { announce } from "./announce.ts";
import type { LiveOf } from "./types.ts";

/** Everyone below a threshold goes on the blacklist at once, whatever they did. */
export const blacklistShock: LiveRule<LiveOf<"blacklist-shock">> = {
  check(s, c) {
    if (s.phase !== "round") return reject("bad-phase", "shock-needs-round");
    const { scoreMin, scoreMax } = s.config;
    if (c.below !== undefined && (!Number.isInteger(c.below) || c.below < scoreMin || c.below > scoreMax + 1)) {
      return reject("bad-change", "threshold-range", { min: scoreMin, max: scoreMax + 1 });
    }
    return undefined;
  },
  run(t, c, scheduled) {
    const below = c.below ?? t.s.config.shockBelow;
    const detail = { kind: "blacklist-shock" as const, below, players: [] as string[] };
    announce(t, detail, scheduled);
    for (const p of Object.values(t.s.players)) {
      if (p.score >= below || p.blacklisted) continue;
      setBlacklisted(t, p.id, true, { rule: "blacklist-shock" });
      if (p.blacklisted) detail.players.push(p.id);
    }
  },
};
