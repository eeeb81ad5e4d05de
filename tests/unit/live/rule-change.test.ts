import { describe, expect, it } from "vitest";
import { Script } from "../../helpers/game.ts";
import { tierOf } from "../../../shared/rules/state.ts";

describe("changing a rule mid-game", () => {
  it("doubling the friend weight doubles the round-end pull toward friends", () => {
    const g = new Script({ roundSeconds: 30, actionPoints: 10 });
    const [ana, bo] = g.join("Ana", "Bo");
    g.host({ type: "start" });
    g.befriend(ana, bo);
    g.act(bo, "default-debt"); // bo 570
    const out = g.host({ type: "rule-change", change: { rule: "friend-weight", value: 0.2 } });
    expect(out.events).toMatchObject([{ type: "live", detail: { kind: "rule-change", change: { rule: "friend-weight", value: 0.2 }, before: 0.1 } }]);
    g.advance(30_000);
    // Ana: 0.2 × (570 − 650) = −16; Bo: 0.2 × (600 − 650) = −10.
    expect([g.score(ana), g.score(bo)]).toEqual([584, 560]);
  });

  it("an action's effect changes from the next time anyone does it", () => {
    const g = new Script({ actionPoints: 10 });
    const [ana, bo] = g.join("Ana", "Bo");
    g.host({ type: "start" });
    g.befriend(ana, bo);
    g.act(ana, "post-opinion"); // ana 560, bo 590
    g.host({ type: "rule-change", change: { rule: "action", action: "post-opinion", field: "self", value: -80 } });
    g.host({ type: "rule-change", change: { rule: "action", action: "post-opinion", field: "friends", value: -20 } });
    g.act(ana, "post-opinion");
    expect([g.score(ana), g.score(bo)]).toEqual([480, 570]);
  });

  it("a threshold moves tiers at once, and the config it started from is left untouched", () => {
    const g = new Script({ startScore: 720 });
    const original = g.s.config;
    g.join("Ana");
    expect(tierOf(720, g.s.config)).toBe("travel");
    g.host({ type: "rule-change", change: { rule: "threshold", threshold: "visaAt", value: 720 } });
    expect(tierOf(720, g.s.config)).toBe("visa");
    expect(original.visaAt).toBe(750);
    g.host({ type: "rule-change", change: { rule: "action", action: "report", field: "self", value: 30 } });
    expect(original.actions.report.self).toBe(15);
  });

  it("a change out of range, or to the same value, is refused", () => {
    const g = new Script();
    const tryChange = (change: object) => g.try({ kind: "facilitate", at: g.at, command: { type: "rule-change", change } as never });
    expect(tryChange({ rule: "friend-weight", value: 1.5 })).toMatchObject({ code: "bad-change" });
    expect(tryChange({ rule: "threshold", threshold: "visaAt", value: 2000 })).toMatchObject({ code: "bad-change" });
    expect(tryChange({ rule: "threshold", threshold: "visaAt", value: 750 })).toMatchObject({ code: "bad-change" });
    expect(tryChange({ rule: "action", action: "vouch", field: "cost", value: 9 })).toMatchObject({ code: "bad-change" });
    expect(g.s.live).toEqual([]);
  });
});
