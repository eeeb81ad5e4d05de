import { describe, expect, it } from "vitest";
import { formatFirstLoad, runFirstLoadBench } from "../../bench/first-load.ts";

// The first-load benchmark's own code path at its smallest (one throttled run), so `npm run bench`
// never rots. It checks that every number is measured; the targets are the benchmark's to judge.
describe("npm run bench, first load of a phone, smoke run", () => {
  it("opens the join link in a throttled Chromium, joins, and reports time and bytes without the game engine", { timeout: 240_000 }, async () => {
    const lines: string[] = [];
    const r = await runFirstLoadBench({ runs: 1, progress: (l) => lines.push(l) });
    expect(r.runs).toHaveLength(1);
    const m = r.median;
    expect(m.formReadyMs).toBeGreaterThan(0);
    expect(m.joinToScoreMs).toBeGreaterThan(0);
    expect(m.requests).toBeGreaterThan(3);
    expect(m.bytesByType.script).toBeGreaterThan(0);
    expect(m.firstLoadBytes).toBeGreaterThan(m.bytesByType.script);
    expect(m.webSocketBytes).toBeGreaterThan(0);
    expect(m.phaserRequested).toBe(false);
    expect(r.throttle).toEqual({ downloadMbps: 4, uploadMbps: 4, latencyMs: 60, cpuSlowdown: 4 });
    expect(lines.some((l) => l.startsWith("first load 1/1: join → score"))).toBe(true);
    expect(formatFirstLoad(r)).toMatch(/Join tapped → score shown \d+ ms {2}\(< 3000 ms: (met|MISSED)\)/);
  });
});
