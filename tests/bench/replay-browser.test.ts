import { describe, expect, it } from "vitest";
import { runReplayBrowserBench } from "../../bench/replay-browser.ts";
import { formatReplayBrowser } from "../../bench/report.ts";

// The browser half of the replay benchmark at its smallest (8 players, 2 rounds), so it never
// rots: the real server, a stored session, Chromium opening, seeking and running a what-if.
// It checks that every number is measured and reported; it sets no performance threshold.
describe("npm run bench, the replay in the browser, smoke run", () => {
  it("opens a small generated session, seeks, runs a what-if and reports each number", { timeout: 240_000 }, async () => {
    const lines: string[] = [];
    const r = await runReplayBrowserBench({ players: 8, rounds: 2, opens: 1, seeks: 2, whatIfs: 1, progress: (l) => lines.push(l) });
    expect(r.commands).toBeGreaterThan(20);
    for (const xs of [r.openMs, r.seekMs, r.whatIfMs]) {
      expect(xs.length).toBeGreaterThan(0);
      for (const ms of xs) expect(Number.isFinite(ms) && ms > 0).toBe(true);
    }
    expect(r.seekMs).toHaveLength(2);
    const report = formatReplayBrowser(r);
    expect(report).toMatch(/log fetched → replay drawn {3}median \d+ ms/);
    expect(report).toMatch(/what-if \(friend weight 0\) {4}median \d+ ms/);
    expect(lines.some((l) => l.includes("what-if 1/1"))).toBe(true);
  });
});
