import { describe, expect, it } from "vitest";
import { runBench } from "../../bench/bench.ts";
import { formatTable } from "../../bench/report.ts";

// The benchmark's own code path at its smallest (30 players, a few seconds), so `npm run bench`
// never rots. It checks that every number is reported; it sets no performance threshold.
describe("npm run bench, smoke run", () => {
  it("runs 30x1 against the product and the baseline, twice, and reports every number and the median run", { timeout: 180_000 }, async () => {
    const lines: string[] = [];
    const report = await runBench({
      only: ["30x1"],
      warmupSeconds: 1,
      measureSeconds: 3,
      actEveryMs: 2000,
      replay: false,
      repeat: 2,
      progress: (l) => lines.push(l),
    });
    expect(report.scenarios).toHaveLength(1);
    const [s] = report.scenarios;
    for (const side of [s.product, s.baseline]) {
      expect(side.clients).toBe(31);
      expect(side.latency.count).toBeGreaterThan(0);
      expect(side.latency.p50).toBeGreaterThan(0);
      expect(side.latency.max).toBeGreaterThanOrEqual(side.latency.p99);
      expect(side.cpuPercent).toBeGreaterThan(0);
      expect(side.peakRssMb).toBeGreaterThan(0);
      expect(side.bytesPerClientPerSecond).toBeGreaterThan(0);
      expect(side.patchesPerSecond).toBeGreaterThan(0);
      expect(side.actionsPerSecond).toBeGreaterThan(0);
      expect(side.failures).toEqual({});
    }
    expect(Number.isFinite(s.ratios.p95)).toBe(true);
    expect(report.machine.node).toBe(process.version);
    expect(s.cpuRatioRuns).toHaveLength(2);
    expect(s.cpuRatioRuns).toContain(s.ratios.cpu);
    expect(formatTable(report.scenarios)).toContain("30x1");
    expect(formatTable(report.scenarios)).toMatch(/30x1 CPU ratio in 2 runs, in order: [\d.]+, [\d.]+; the table shows the median run/);
    expect(lines.some((l) => l.includes("players joined"))).toBe(true);
    expect(lines.some((l) => l.includes("30x1: run 2/2"))).toBe(true);
  });
});
