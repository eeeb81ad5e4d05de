import { describe, expect, it } from "vitest";
import { runCounterfactual, withChanges } from "../../shared/replay/counterfactual.ts";
import { generateSession } from "../../shared/replay/generate.ts";
import { replayOf, scripted } from "../helpers/replay.ts";

const isPull = (e: { type: string; cause?: { rule: string } }) => e.type === "score" && e.cause?.rule === "guilt-by-association";

describe("the counterfactual re-run", () => {
  const r = replayOf(generateSession({ players: 30, rounds: 6, seed: 9 }));

  it("under the same rules reproduces the recorded game exactly", () => {
    const cf = runCounterfactual(r, {});
    expect(replayOf(cf.log).events).toEqual(r.events);
    expect(cf.refused).toEqual({ actions: 0, joins: 0, facilitator: 0, byCode: {}, byAction: {} });
    expect(cf.players.every((p) => p.difference === 0 || (p.recorded === null && p.counterfactual === null))).toBe(true);
    expect(cf.counterfactual).toEqual(cf.recorded);
    expect(cf.pinnedSettings).toBe(0);
  });

  it("with friend weight 0 drops the round-end pull and changes nothing before the first round end", () => {
    const cf = runCounterfactual(r, { friendWeight: 0 });
    const other = replayOf(cf.log).events;
    expect(other.some(isPull)).toBe(false);
    const first = r.events.findIndex(isPull);
    expect(first).toBeGreaterThan(0);
    expect(other.slice(0, first)).toEqual(r.events.slice(0, first));
    expect(other[first]).toMatchObject({ type: "phase", change: "round-ended", round: 1 });
    // The generated facilitator doubles the friend weight mid-game; this world keeps it at 0.
    expect(cf.pinnedSettings).toBe(1);
    expect(cf.config.friendWeight).toBe(0);
  });

  it("keeps the recorded choices: an action the other rules do not allow stays refused", () => {
    const { g, log } = scripted({ startScore: 690, roundSeconds: 30, rounds: 2, actionPoints: 10 });
    const [ana, bo] = g.join("Ana", "Bo");
    g.host({ type: "start" });
    g.befriend(ana, bo);
    for (let i = 0; i < 5; i++) g.act(bo, "volunteer"); // Bo 790
    g.advance(30_000); // Ana +14 to 704, Bo +4 to 794
    g.act(ana, "brag"); // Ana 709: allowed at 704, not at 690
    g.advance(30_000); // Ana 0.1 * (794 - 650) = +14 to 723, Bo 0.1 * (709 - 650) = +6 to 800
    const cf = runCounterfactual(replayOf(log()), { friendWeight: 0 });
    expect(cf.players).toEqual([
      { id: ana, nickname: "Ana", recorded: 723, counterfactual: 690, difference: -33, refused: 1 },
      { id: bo, nickname: "Bo", recorded: 800, counterfactual: 790, difference: -10, refused: 0 },
    ]);
    expect(cf.refused).toEqual({ actions: 1, joins: 0, facilitator: 0, byCode: { "not-eligible": 1 }, byAction: { brag: 1 } });
    expect(cf.counterfactual.edges).toEqual([[ana, bo]]);
    expect(cf.recorded.histogram.find((b) => b.from === 700)?.players).toBe(1);
    expect(cf.counterfactual.histogram.find((b) => b.from === 650)?.players).toBe(1);
  });

  it("without a blacklist, defaulting costs points only", () => {
    const { g, log } = scripted({ actionPoints: 10 });
    const [ana] = g.join("Ana", "Bo");
    g.host({ type: "start" });
    g.act(ana, "default-debt");
    const cf = runCounterfactual(replayOf(log()), { blacklistOnDefault: false });
    expect([cf.recorded.blacklisted, cf.counterfactual.blacklisted]).toEqual([1, 0]);
    expect(cf.players.map((p) => p.difference)).toEqual([0, 0]);
  });

  it("a player whose join the other rules refuse takes no part there", () => {
    const { g, log } = scripted({ actionPoints: 10 });
    const [ana] = g.join("Ana");
    g.host({ type: "start" });
    const [late] = g.join("Late");
    g.act(late, "report", ana);
    g.host({ type: "remove", player: late });
    const cf = runCounterfactual(replayOf(log()), { allowLateJoin: false });
    expect(cf.refused).toEqual({ actions: 1, joins: 1, facilitator: 1, byCode: { "join-closed": 1, "not-joined": 2 }, byAction: { report: 1 } });
    expect(cf.players).toEqual([
      { id: ana, nickname: "Ana", recorded: 575, counterfactual: 600, difference: 25, refused: 0 },
      { id: late, nickname: "Late", recorded: null, counterfactual: null, difference: null, refused: 1 },
    ]);
  });

  it("an appeal that names a deduction finds the same deduction in the other world, or none", () => {
    const { g, log } = scripted({ roundSeconds: 30, rounds: 3, actionPoints: 10, appealChance: 1 });
    const [ana, bo] = g.join("Ana", "Bo");
    g.host({ type: "start" });
    g.befriend(ana, bo);
    g.act(bo, "default-debt"); // Bo 570
    const report = g.act(bo, "report", ana).events.find((e) => e.type === "score" && e.player === ana)!;
    const pull = g.advance(30_000).events.find((e) => e.type === "score" && e.player === ana)!;
    g.send({ kind: "act", at: g.at, player: ana, action: "appeal", deduction: pull.seq });
    g.send({ kind: "act", at: g.at, player: ana, action: "appeal", deduction: report.seq });
    const recorded = replayOf(log());
    const same = runCounterfactual(recorded, {});
    expect(replayOf(same.log).events).toEqual(recorded.events);
    const noPull = runCounterfactual(recorded, { friendWeight: 0 });
    expect(noPull.refused.byCode).toEqual({ "nothing-to-appeal": 1 });
    expect(noPull.players.find((p) => p.id === ana)?.counterfactual).toBe(600);
  });

  it("changes one action's numbers without touching the rest", () => {
    const c = withChanges(r.config, { actions: { report: { self: 0 } } });
    expect(c.actions.report).toMatchObject({ self: 0, target: -25 });
    expect(c.actions.volunteer).toEqual(r.config.actions.volunteer);
    expect(r.config.actions.report.self).toBe(15);
  });
});
