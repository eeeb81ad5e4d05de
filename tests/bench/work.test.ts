import { describe, expect, it } from "vitest";
import { bestPass, formatWork, measureWork } from "../../bench/work.ts";

// `npm run bench:work` at its smallest, so it never rots; it sets no performance threshold.
describe("npm run bench:work", () => {
  it("times every step of the server's work per action over a generated session and names the fastest pass", () => {
    const lines: string[] = [];
    const { commands, passes } = measureWork({ players: 20, rounds: 1, passes: 2, progress: (l) => lines.push(l) });
    expect(commands).toBeGreaterThan(0);
    expect(passes).toHaveLength(2);
    for (const p of passes) {
      expect(p.actions).toBeGreaterThan(0);
      for (const step of [p.decode, p.rules, p.project, p.notes, p.patch]) expect(step).toBeGreaterThan(0);
      expect(p.total).toBeCloseTo(p.decode + p.rules + p.project + p.notes + p.patch, 6);
    }
    expect(passes.map((p) => p.actions)).toEqual([passes[0].actions, passes[0].actions]);
    expect(bestPass(passes).total).toBe(Math.min(...passes.map((p) => p.total)));
    expect(lines).toEqual([expect.stringMatching(/^pass 1\/2: \d+ actions, [\d.]+ µs each$/), expect.stringMatching(/^pass 2\/2: /)]);
    expect(formatWork(20, bestPass(passes))).toMatch(/total +[\d.]+ µs: one core would keep up with about [\d,]+ actions a second/);
  });
});
