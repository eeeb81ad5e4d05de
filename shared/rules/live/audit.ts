import { reject } from "../commands.ts";
import type { Turn } from "../effects.ts";
import { changeScore, luck, random } from "../effects.ts";
import { since, type PlayerId } from "../state.ts";
import type { LiveRule } from "./announce.ts";
import { announce, playersInOrder } from "./announce.ts";
import type { LiveOf } from "./types.ts";

/**
 * A random audit: a seeded sample of `share` of the players (at least one) loses `points`
 * each. One of those deductions, drawn by the same luck, is a deliberate mistake: an appeal
 * against it is always upheld, and the debrief says whose it was.
 */
export const audit: LiveRule<LiveOf<"audit">> = {
  check(s, c) {
    if (s.phase !== "round") return reject("bad-phase", "audit-needs-round");
    if (Object.keys(s.players).length === 0) return reject("bad-phase", "nobody-to-audit");
    if (c.share !== undefined && !(c.share > 0 && c.share <= 1)) return reject("bad-change", "audit-share");
    const max = s.config.scoreMax - s.config.scoreMin;
    if (c.points !== undefined && (!Number.isInteger(c.points) || c.points < 1 || c.points > max)) {
      return reject("bad-change", "audit-points", { max });
    }
    return undefined;
  },
  run(t, c, scheduled) {
    const s = t.s;
    const points = c.points ?? s.config.auditPoints;
    const order = playersInOrder(s);
    const size = Math.max(1, Math.round((c.share ?? s.config.auditShare) * order.length));
    const keyed = since(s, 3) ? auditKey(t) : undefined;
    const chosen = keyed === undefined ? streamSample(t, order, size) : lowestDraws(t, order, size, keyed);
    const players = chosen.sort((a, b) => order.indexOf(a) - order.indexOf(b));
    const detail = { kind: "audit" as const, points, players, deductions: [] as number[], wrong: 0 };
    announce(t, detail, scheduled);
    const hit: PlayerId[] = [];
    for (const p of players) {
      if (changeScore(t, p, -points, { rule: "audit" }) >= 0) continue;
      detail.deductions.push(s.players[p].deductions.at(-1)!.id);
      hit.push(p);
    }
    if (detail.deductions.length === 0) return;
    const wrong =
      keyed === undefined
        ? detail.deductions[Math.floor(random(t) * detail.deductions.length)]
        : detail.deductions[hit.indexOf(lowestDraws(t, hit, 1, `${keyed}:mistake`)[0])];
    for (const p of players) {
      const d = s.players[p].deductions.find((x) => x.id === wrong);
      if (d) d.wrong = true;
    }
    detail.wrong = wrong;
  },
};

/** Version 3: "audit:<round>:<n>", the n-th audit of its round. */
function auditKey(t: Turn): string {
  const n = t.s.live.filter((e) => e.round === t.s.round && e.detail.kind === "audit").length + 1;
  return `audit:${t.s.round}:${n}`;
}

/**
 * Version 3: each player draws once under the audit's key and their nickname; the `size`
 * lowest draws are picked (ties by join order). A player's draw does not depend on who else is
 * in the game, so the same people are audited in every world where they are all present.
 */
function lowestDraws(t: Turn, ids: readonly PlayerId[], size: number, key: string): PlayerId[] {
  const drawn = ids.map((id, i) => ({ id, i, u: luck(t, `${key}:${t.s.players[id].nickname}`) }));
  drawn.sort((a, b) => a.u - b.u || a.i - b.i);
  return drawn.slice(0, size).map((d) => d.id);
}

/** Version 2: a partial Fisher–Yates shuffle of the players in join order, drawing from the one stream. */
function streamSample(t: Turn, order: readonly PlayerId[], size: number): PlayerId[] {
  const pool = [...order];
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(random(t) * (pool.length - i));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, size);
}
