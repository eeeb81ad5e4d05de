import { describe, expect, it } from "vitest";
import { Script } from "../../helpers/game.ts";

describe("announcing the final round", () => {
  it("makes the round under way the last one: the game ends when its time is up", () => {
    const g = new Script({ rounds: 5, roundSeconds: 30 });
    g.join("Ana");
    g.host({ type: "start" });
    g.advance(30_000);
    expect(g.s.round).toBe(2);
    const out = g.host({ type: "final-round" });
    expect(out.events).toMatchObject([{ type: "live", round: 2, detail: { kind: "final-round", round: 2 } }]);
    expect(g.s.config.rounds).toBe(2);
    const end = g.advance(30_000);
    expect(g.s.phase).toBe("ended");
    expect(end.events.at(-1)).toMatchObject({ type: "phase", change: "ended", round: 2 });
  });

  it("needs a running round", () => {
    const g = new Script();
    g.join("Ana");
    expect(g.try({ kind: "facilitate", at: g.at, command: { type: "final-round" } })).toMatchObject({ code: "bad-phase" });
  });
});
