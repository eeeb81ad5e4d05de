import { describe, expect, it } from "vitest";
import { apply } from "../../shared/rules/apply.ts";
import type { Command, FacilitatorCommand } from "../../shared/rules/commands.ts";
import { ACTION_NAMES, makeConfig } from "../../shared/rules/config.ts";
import { fold } from "../../shared/rules/fold.ts";
import { seededRandom } from "../../shared/rules/rng.ts";
import { friendKey, initialState } from "../../shared/rules/state.ts";

const HOST: FacilitatorCommand["type"][] = ["start", "pause", "resume", "next-round", "settings"];

function randomCommands(seed: number, n: number): Command[] {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const out: Command[] = [];
  let at = 0;
  for (let i = 0; i < n; i++) {
    at += Math.floor(rnd() * 3000);
    const r = rnd();
    const player = `p${1 + Math.floor(rnd() * 14)}`;
    if (r < 0.08) out.push({ kind: "join", at, nickname: `n${Math.floor(rnd() * 14)}` });
    else if (r < 0.12) {
      const type = pick(HOST);
      out.push({ kind: "facilitate", at, command: type === "settings" ? { type, friendWeight: rnd() } : ({ type } as FacilitatorCommand) });
    } else if (r < 0.2) out.push({ kind: "tick", at });
    else out.push({ kind: "act", at, player, action: pick(ACTION_NAMES), target: `p${1 + Math.floor(rnd() * 14)}` });
  }
  return out;
}

describe("rule invariants under random command sequences", () => {
  it("scores stay within 350-950, friendships stay symmetric, action points never go negative", () => {
    const violations: string[] = [];
    for (let seed = 1; seed <= 40; seed++) {
      const config = makeConfig({ rounds: 50, roundSeconds: 20, actionPoints: 6 });
      const s = initialState(config, seed);
      for (const [i, c] of randomCommands(seed, 600).entries()) {
        const before = JSON.stringify(s);
        const out = apply(s, c);
        const where = `seed ${seed}, command ${i}`;
        if ("code" in out && JSON.stringify(s) !== before) violations.push(`${where}: a rejection changed the state`);
        for (const p of Object.values(s.players)) {
          if (p.score < 350 || p.score > 950) violations.push(`${where}: ${p.id} scored ${p.score}`);
          if (p.actionPoints < 0) violations.push(`${where}: ${p.id} has ${p.actionPoints} action points`);
          for (const f of s.friends[p.id]) {
            if (!s.friends[f].includes(p.id) || !(friendKey(p.id, f) in s.friendships)) violations.push(`${where}: ${p.id}-${f} is one-sided`);
          }
        }
      }
    }
    expect(violations).toEqual([]);
  });

  it("replaying the same log yields an identical state", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const config = makeConfig({ rounds: 50, roundSeconds: 20 });
      const commands = randomCommands(seed, 600);
      const live = initialState(config, seed);
      const accepted: Command[] = [];
      for (const c of commands) if (!("code" in apply(live, c))) accepted.push(c);
      expect(fold(config, seed, accepted)).toEqual(live);
      expect(fold(config, seed, commands)).toEqual(live);
    }
  });
});
