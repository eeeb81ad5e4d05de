import { describe, expect, it } from "vitest";
import { debriefMetrics } from "../../shared/replay/metrics/index.ts";
import { assortativity, components, gini } from "../../shared/replay/metrics/stats.ts";
import { replayOf, scripted } from "../helpers/replay.ts";

const QUIET = { friendWeight: 0, actionPoints: 10, roundSeconds: 60 };

function metricsOf(log: ReturnType<ReturnType<typeof scripted>["log"]>) {
  return debriefMetrics(replayOf(log));
}

describe("debrief metrics on hand-computed games", () => {
  it("1 and 5: unfriending by score gap, and whether a lookup came first", () => {
    const { g, log } = scripted({ ...QUIET, rounds: 3 });
    const [a, b, c, d] = g.join("A", "B", "C", "D");
    g.host({ type: "start" });
    g.befriend(a, b);
    g.befriend(a, c);
    g.befriend(a, d);
    g.act(c, "default-debt"); // C 570
    g.act(d, "post-opinion"); // D 560, A 590
    g.act(a, "lookup", c);
    g.act(a, "unfriend", c); // gap |590 - 570| = 20; A 585
    g.act(a, "unfriend", d); // gap |585 - 560| = 25; A 580
    g.advance(60_000); // A-B survives the round with a gap of 20
    g.advance(60_000);
    const m = metricsOf(log());
    const bins = (list: typeof m.unfriending) => list.map((x) => [x.from, x.friendships, x.unfriended, x.rate]);
    expect(bins(m.rounds[0].unfriending)).toEqual([
      [0, 2, 1, 0.5],
      [25, 1, 1, 1],
      [50, 0, 0, null],
      [100, 0, 0, null],
      [200, 0, 0, null],
    ]);
    expect(bins(m.rounds[1].unfriending)[0]).toEqual([0, 1, 0, 0]);
    expect(bins(m.unfriending).slice(0, 2)).toEqual([
      [0, 4, 1, 0.25],
      [25, 1, 1, 1],
    ]);
    expect(m.rounds[0].lookups).toEqual({ lookups: 1, unfriendings: 2, afterLookup: 1, afterLookupShare: 0.5 });
    expect(m.rounds[1].lookups).toEqual({ lookups: 0, unfriendings: 0, afterLookup: 0, afterLookupShare: null });
  });

  it("2: components and score assortativity of the friendship network", () => {
    const { g, log } = scripted({ ...QUIET, rounds: 1 });
    const [a, b] = g.join("A", "B", "C", "D");
    g.host({ type: "start" });
    g.befriend(a, b);
    g.act(a, "volunteer"); // A 620, B 600
    g.advance(60_000);
    expect(metricsOf(log()).rounds[0].network).toEqual({ players: 4, friendships: 1, components: 3, largestComponent: 2, isolated: 2, assortativity: -1 });
  });

  it("2: the statistics behind it", () => {
    const star = new Map([
      ["c", new Set(["x", "y"])],
      ["x", new Set(["c"])],
      ["y", new Set(["c"])],
      ["z", new Set<string>()],
    ]);
    const score = (id: string) => (id === "c" ? 700 : 600);
    expect(assortativity(star, score)).toBe(-1);
    const pairs = new Map([
      ["a", new Set(["b"])],
      ["b", new Set(["a"])],
      ["c", new Set(["d"])],
      ["d", new Set(["c"])],
    ]);
    expect(assortativity(pairs, (id) => (id < "c" ? 600 : 700))).toBe(1);
    expect(components(star).map((p) => p.length)).toEqual([3, 1]);
    expect(gini([600, 600, 600])).toBe(0);
    expect(gini([350, 950])).toBeCloseTo(600 / 2600, 12);
  });

  it("3: the share of approved posts per round and around a rule change", () => {
    const { g, log } = scripted({ ...QUIET, rounds: 3 });
    const [a, b] = g.join("A", "B");
    g.host({ type: "start" });
    for (let i = 0; i < 3; i++) g.act(a, "share-approved");
    g.act(b, "post-opinion");
    g.host({ type: "next-round" });
    g.host({ type: "settings", friendWeight: 0.2 });
    g.act(a, "share-approved");
    g.act(b, "post-opinion");
    g.host({ type: "next-round" });
    g.advance(60_000);
    const m = metricsOf(log());
    expect(m.rounds.map((r) => r.posts)).toEqual([
      { approved: 3, opinions: 1, approvedShare: 0.75, ruleChanges: 0, afterRuleChange: false },
      { approved: 1, opinions: 1, approvedShare: 0.5, ruleChanges: 1, afterRuleChange: false },
      { approved: 0, opinions: 0, approvedShare: null, ruleChanges: 0, afterRuleChange: true },
    ]);
    expect(m.ruleChanges).toMatchObject([
      {
        round: 2,
        changed: { friendWeight: 0.2 },
        before: { approved: 3, opinions: 1, approvedShare: 0.75 },
        after: { approved: 1, opinions: 1, approvedShare: 0.5 },
      },
    ]);
  });

  it("4 and 7: Gini, bunching just above 700 and 750, and moves between tiers", () => {
    const { g, log } = scripted({ ...QUIET, rounds: 1, startScore: 690 });
    const [a, b, , d, e] = g.join("A", "B", "C", "D", "E");
    g.host({ type: "start" });
    g.act(a, "volunteer"); // 710
    g.act(b, "buy-responsible"); // 695
    for (let i = 0; i < 4; i++) g.act(d, "volunteer"); // 770
    g.act(e, "buy-games"); // 675
    g.advance(60_000);
    const s = metricsOf(log()).rounds[0].scores;
    // Sorted 675, 690, 695, 710, 770: 2 * (675 + 2*690 + 3*695 + 4*710 + 5*770) / (5 * 3540) - 6/5.
    expect(s.gini).toBeCloseTo((2 * 10830) / (5 * 3540) - 6 / 5, 12);
    expect(s.bunching).toEqual([
      { threshold: 700, justAbove: 1, justBelow: 2, aboveShare: 1 / 3 },
      { threshold: 750, justAbove: 1, justBelow: 0, aboveShare: 1 },
    ]);
    expect(s.tiers).toEqual({ visa: 1, travel: 1, standard: 3, restricted: 0 });
    expect(s.tierMoves).toEqual([
      { from: "standard", to: "visa", players: 1 },
      { from: "standard", to: "travel", players: 1 },
      { from: "standard", to: "standard", players: 3 },
    ]);
    expect(s.tierChanges).toBe(2);
    expect(metricsOf(log()).rounds[0].leaderboardPublic).toBe(true);
  });

  it("6: reports, and reports that answer one", () => {
    const { g, log } = scripted({ ...QUIET, rounds: 2 });
    const [a, b, c] = g.join("A", "B", "C");
    g.host({ type: "start" });
    g.act(a, "report", b);
    g.act(b, "report", a); // answers A's
    g.act(a, "report", b); // a fresh report
    g.act(c, "report", b);
    g.act(b, "report", c); // answers C's
    g.host({ type: "next-round" });
    g.act(b, "report", a); // answers A's second
    g.advance(60_000);
    const m = metricsOf(log());
    expect(m.rounds.map((r) => r.reports)).toEqual([
      { reports: 5, retaliations: 2, retaliationShare: 0.4 },
      { reports: 1, retaliations: 1, retaliationShare: 1 },
    ]);
  });

  it("8: P(opinion | k friends posted one the round before)", () => {
    const { g, log } = scripted({ ...QUIET, rounds: 3 });
    const [a, b, c] = g.join("A", "B", "C", "D");
    g.host({ type: "start" });
    g.befriend(a, b);
    g.befriend(a, c);
    g.befriend(b, c);
    g.act(b, "post-opinion");
    g.act(c, "post-opinion");
    g.host({ type: "next-round" }); // A: k=2, B: k=1, C: k=1, D: k=0
    g.act(a, "post-opinion");
    g.act(b, "post-opinion");
    g.host({ type: "next-round" }); // A: k=1, B: k=1, C: k=2, D: k=0
    g.act(c, "post-opinion");
    g.advance(60_000);
    const m = metricsOf(log());
    const bins = (list: typeof m.dissent) => list.map((x) => [x.k, x.players, x.dissented, x.probability]);
    expect(m.rounds[0].dissent).toEqual([]);
    expect(bins(m.rounds[1].dissent)).toEqual([
      [0, 1, 0, 0],
      [1, 2, 1, 0.5],
      [2, 1, 1, 1],
    ]);
    expect(bins(m.rounds[2].dissent)).toEqual([
      [0, 1, 0, 0],
      [1, 2, 0, 0],
      [2, 1, 1, 1],
    ]);
    expect(bins(m.dissent)).toEqual([
      [0, 2, 0, 0],
      [1, 4, 1, 0.25],
      [2, 2, 2, 1],
    ]);
  });

  it("a round the log stops in is reported as far as it got", () => {
    const { g, log } = scripted({ ...QUIET, rounds: 3 });
    const [a] = g.join("A");
    g.host({ type: "start" });
    g.advance(60_000);
    g.act(a, "volunteer");
    const m = metricsOf(log());
    expect(m.rounds.map((r) => [r.round, r.complete, r.scores.mean])).toEqual([
      [1, true, 600],
      [2, false, 620],
    ]);
  });
});
