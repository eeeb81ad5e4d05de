import { reject } from "../commands.ts";
import { changeScore, random } from "../effects.ts";
import type { LiveRule } from "./announce.ts";
import { announce, playersInOrder } from "./announce.ts";
import type { LiveOf } from "./types.ts";

/**
 * A random audit: a seeded sample of `share` of the players (at least one) loses `points`
 * each. One of those deductions, drawn by the same generator, is a deliberate mistake: an
 * appeal against it is always upheld, and the debrief says whose it was.
 */
export const audit: LiveRule<LiveOf<"audit">> = {
  check(s, c) {
    if (s.phase !== "round") return reject("bad-phase", "An audit needs a running game.");
    if (Object.keys(s.players).length === 0) return reject("bad-phase", "There is no one to audit.");
    if (c.share !== undefined && !(c.share > 0 && c.share <= 1)) return reject("bad-change", "The share audited must be above 0 and at most 1.");
    const max = s.config.scoreMax - s.config.scoreMin;
    if (c.points !== undefined && (!Number.isInteger(c.points) || c.points < 1 || c.points > max)) {
      return reject("bad-change", `The points deducted must be a whole number from 1 to ${max}.`);
    }
    return undefined;
  },
  run(t, c, scheduled) {
    const s = t.s;
    const points = c.points ?? s.config.auditPoints;
    const pool = playersInOrder(s);
    const size = Math.max(1, Math.round((c.share ?? s.config.auditShare) * pool.length));
    for (let i = 0; i < size; i++) {
      const j = i + Math.floor(random(t) * (pool.length - i));
      [pool[i], pool[j]] = [pool[j], pool[i]];
    }
    const order = playersInOrder(s);
    const players = pool.slice(0, size).sort((a, b) => order.indexOf(a) - order.indexOf(b));
    const detail = { kind: "audit" as const, points, players, deductions: [] as number[], wrong: 0 };
    announce(t, detail, scheduled);
    for (const p of players) {
      if (changeScore(t, p, -points, { rule: "audit" }) < 0) detail.deductions.push(s.players[p].deductions.at(-1)!.id);
    }
    if (detail.deductions.length === 0) return;
    const wrong = detail.deductions[Math.floor(random(t) * detail.deductions.length)];
    for (const p of players) {
      const d = s.players[p].deductions.find((x) => x.id === wrong);
      if (d) d.wrong = true;
    }
    detail.wrong = wrong;
  },
};
