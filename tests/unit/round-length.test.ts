import { describe, expect, it } from "vitest";
import { Script } from "../helpers/game.ts";
import { secondsLeft } from "../../shared/rules/state.ts";

describe("changing the round length during a game", () => {
  it("a longer round while paused lengthens the round under way by the difference", () => {
    const g = new Script({ roundSeconds: 60, rounds: 3 });
    g.join("Ana");
    g.host({ type: "start" });
    g.at += 20_000;
    g.host({ type: "pause" });
    expect(secondsLeft(g.s, g.at)).toBe(40);
    g.host({ type: "round-length", seconds: 90 });
    expect(secondsLeft(g.s, g.at)).toBe(70);
    expect(g.s.config.roundSeconds).toBe(90);
    g.host({ type: "resume" });
    g.advance(69_000);
    expect(g.s.round).toBe(1);
    g.advance(1_000);
    expect(g.s.round).toBe(2);
    // The next round is the new length from its start.
    expect(secondsLeft(g.s, g.at)).toBe(90);
  });

  it("a longer round while it runs moves its end by the difference", () => {
    const g = new Script({ roundSeconds: 60 });
    g.join("Ana");
    g.host({ type: "start" });
    g.at += 50_000;
    g.host({ type: "round-length", seconds: 120 });
    expect(secondsLeft(g.s, g.at)).toBe(70);
  });

  it("a shorter round than already played ends at the next tick, or on resuming", () => {
    const g = new Script({ roundSeconds: 60, rounds: 3 });
    g.join("Ana");
    g.host({ type: "start" });
    g.at += 45_000;
    g.host({ type: "pause" });
    g.host({ type: "round-length", seconds: 30 });
    expect(secondsLeft(g.s, g.at)).toBe(0);
    expect(g.s.round).toBe(1);
    g.host({ type: "resume" });
    g.advance(50);
    expect(g.s.round).toBe(2);
  });

  it("in the lobby it sets the length of every round to come", () => {
    const g = new Script({ roundSeconds: 60 });
    g.join("Ana");
    g.host({ type: "round-length", seconds: 45 });
    g.host({ type: "start" });
    expect(secondsLeft(g.s, g.at)).toBe(45);
  });

  it("refuses a length out of range and changes nothing", () => {
    const g = new Script({ roundSeconds: 60 });
    g.join("Ana");
    g.host({ type: "start" });
    expect(g.try({ kind: "facilitate", at: g.at, command: { type: "round-length", seconds: 5 } })).toMatchObject({ code: "bad-settings" });
    expect(g.s.config.roundSeconds).toBe(60);
    expect(secondsLeft(g.s, g.at)).toBe(60);
  });
});
