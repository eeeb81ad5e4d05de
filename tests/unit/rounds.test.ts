import { describe, expect, it } from "vitest";
import { Script } from "../helpers/game.ts";
import { leaderboard, secondsLeft } from "../../shared/rules/state.ts";

describe("rounds, the clock and the facilitator", () => {
  it("the round ends on time and pulls everyone toward their friends' mean", () => {
    const g = new Script({ roundSeconds: 30, rounds: 2, actionPoints: 10 });
    const [ana, bo, cy] = g.join("Ana", "Bo", "Cy");
    g.host({ type: "start" });
    g.befriend(ana, bo);
    g.befriend(ana, cy);
    g.act(bo, "volunteer"); // bo 620
    g.act(bo, "volunteer"); // bo 640
    g.act(cy, "default-debt"); // cy 570
    // Ana's friends average (640 + 570) / 2 = 605: 0.1 * (605 - 650) = -4.5, rounded to -4.
    // Bo's only friend is Ana (600): -5. Cy's: -5.
    expect(g.advance(29_000).events).toEqual([]);
    const out = g.advance(1_000);
    expect([g.score(ana), g.score(bo), g.score(cy)]).toEqual([596, 635, 565]);
    expect(out.events.filter((e) => e.type === "score").every((e) => e.type === "score" && e.cause.rule === "guilt-by-association")).toBe(true);
    expect(g.s.round).toBe(2);
    g.advance(30_000);
    expect(g.s.phase).toBe("ended");
  });

  it("pausing stops the round clock and resuming continues it", () => {
    const g = new Script({ roundSeconds: 60 });
    g.join("Ana");
    g.host({ type: "start" });
    g.at += 20_000;
    g.host({ type: "pause" });
    expect(secondsLeft(g.s, g.at)).toBe(40);
    g.advance(300_000);
    expect(g.s.round).toBe(1);
    expect(secondsLeft(g.s, g.at)).toBe(40);
    expect(g.tryAct("p1", "volunteer")).toMatchObject({ code: "paused" });
    g.host({ type: "resume" });
    g.advance(39_000);
    expect(g.s.round).toBe(1);
    g.advance(1_000);
    expect(g.s.round).toBe(2);
  });

  it("actions before the start and after the end are refused", () => {
    const g = new Script();
    const [ana] = g.join("Ana");
    expect(g.tryAct(ana, "volunteer")).toMatchObject({ code: "not-in-round" });
    g.host({ type: "start" });
    g.host({ type: "end" });
    expect(g.tryAct(ana, "volunteer")).toMatchObject({ code: "game-ended" });
    expect(g.try({ kind: "join", at: g.at, nickname: "Late" })).toMatchObject({ code: "game-ended" });
  });

  it("an action that arrives after the round's time is up is refused until the tick closes it", () => {
    const g = new Script({ roundSeconds: 10 });
    const [ana] = g.join("Ana");
    g.host({ type: "start" });
    g.at += 10_000;
    expect(g.tryAct(ana, "volunteer")).toMatchObject({ code: "round-over" });
  });

  it("the facilitator can skip to the next round, change settings and remove a player", () => {
    const g = new Script({ rounds: 3 });
    const [ana, bo] = g.join("Ana", "Bo");
    g.host({ type: "start" });
    g.befriend(ana, bo);
    g.host({ type: "next-round" });
    expect(g.s.round).toBe(2);
    g.host({ type: "settings", rounds: 4, actionPoints: 5 });
    g.host({ type: "next-round" });
    expect(g.s.players[ana].actionPoints).toBe(5);
    g.host({ type: "remove", player: bo, ban: true });
    expect(g.s.players[bo]).toBeUndefined();
    expect(g.s.friends[ana]).toEqual([]);
    expect(g.try({ kind: "join", at: g.at, nickname: "BO" })).toMatchObject({ code: "nickname-banned" });
  });

  it("tiers change action points: the visa fast track gets one more, the restricted one fewer", () => {
    const g = new Script({ startScore: 760 });
    const [ana] = g.join("Ana");
    g.host({ type: "start" });
    expect(g.s.players[ana].actionPoints).toBe(4);
    const h = new Script({ startScore: 400 });
    const [bo] = h.join("Bo");
    h.host({ type: "start" });
    expect(h.s.players[bo].actionPoints).toBe(2);
  });

  it("nicknames are trimmed, 1 to 20 characters, and unique regardless of case", () => {
    const g = new Script();
    g.join("  Ana  ");
    expect(g.s.players.p1.nickname).toBe("Ana");
    expect(g.try({ kind: "join", at: 1, nickname: "ana" })).toMatchObject({ code: "nickname-taken" });
    expect(g.try({ kind: "join", at: 1, nickname: "   " })).toMatchObject({ code: "nickname-invalid" });
    expect(g.try({ kind: "join", at: 1, nickname: "x".repeat(21) })).toMatchObject({ code: "nickname-invalid" });
    expect(g.try({ kind: "join", at: 1, nickname: "A\u200bna" })).toMatchObject({ code: "nickname-invalid" });
  });

  it("the leaderboard orders by score, then by who joined first", () => {
    const g = new Script({ actionPoints: 5 });
    const [ana, bo, cy] = g.join("Ana", "Bo", "Cy");
    g.host({ type: "start" });
    g.act(cy, "volunteer");
    expect(leaderboard(g.s)).toEqual([cy, ana, bo]);
  });
});
