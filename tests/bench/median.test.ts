import { describe, expect, it } from "vitest";
import { medianRun } from "../../bench/bench.ts";
import type { ScenarioResult } from "../../bench/report.ts";

const run = (cpu: number, tag: string) => ({ scenario: tag, ratios: { p50: 1, p95: 1, p99: 1, cpu } }) as unknown as ScenarioResult;

describe("repeated bench runs", () => {
  it("show the run with the median CPU ratio and list every run's ratio in order", () => {
    const median = medianRun([run(1.7, "a"), run(1.4, "b"), run(1.5, "c")]);
    expect(median.scenario).toBe("c");
    expect(median.cpuRatioRuns).toEqual([1.7, 1.4, 1.5]);
  });

  it("take the higher middle of an even number of runs, and add nothing to a single run", () => {
    expect(medianRun([run(1.6, "a"), run(1.2, "b")]).scenario).toBe("a");
    expect(medianRun([run(1.6, "a")]).cpuRatioRuns).toBeUndefined();
  });
});
