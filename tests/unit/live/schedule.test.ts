import { describe, expect, it } from "vitest";
import { Script } from "../../helpers/game.ts";
import type { ScheduledEvent } from "../../../shared/rules/live/types.ts";

const schedule: ScheduledEvent[] = [
  { round: 1, atSecond: 0, event: { type: "visibility", mode: "owner" } },
  { round: 1, atSecond: 20, event: { type: "rule-change", change: { rule: "friend-weight", value: 0.2 } } },
  { round: 2, atSecond: 10, event: { type: "visibility", mode: "public" } },
  { round: 2, atSecond: 99, event: { type: "final-round" } },
];

function game() {
  const g = new Script({ schedule, rounds: 5, roundSeconds: 30, visibility: "hidden" });
  g.join("Ana");
  return g;
}

const kinds = (g: Script) => g.s.live.map((e) => [e.round, e.detail.kind, e.scheduled, e.at]);

describe("a scenario's planned events", () => {
  it("fire by ticks at their second in the round, or as the round ends, and are marked scheduled", () => {
    const g = game();
    const start = g.host({ type: "start" });
    expect(start.events.map((e) => e.type)).toEqual(["phase", "phase", "live"]);
    expect(g.s.visibility).toBe("owner");
    expect(g.advance(19_000).events).toEqual([]);
    expect(g.advance(1_000).events).toMatchObject([{ type: "live", scheduled: true, detail: { kind: "rule-change" } }]);
    g.advance(10_000); // round 2 starts at 31 000
    g.advance(10_000);
    expect(g.s.visibility).toBe("public");
    g.advance(10_000);
    g.advance(10_000); // round 2's time is up at 61 000: the final-round plan fires first, then the game ends
    expect(kinds(g)).toEqual([
      [1, "visibility", true, 1_000],
      [1, "rule-change", true, 21_000],
      [2, "visibility", true, 41_000],
      [2, "final-round", true, 61_000],
    ]);
    expect(g.s.phase).toBe("ended");
  });

  it("a pause holds the plan back as it holds the round", () => {
    const g = game();
    g.host({ type: "start" });
    g.at += 10_000;
    g.host({ type: "pause" });
    g.advance(60_000);
    expect(g.s.config.friendWeight).toBe(0.1);
    g.host({ type: "resume" });
    g.advance(9_000);
    expect(g.s.config.friendWeight).toBe(0.1);
    g.advance(1_000);
    expect(g.s.config.friendWeight).toBe(0.2);
  });

  it("skipping a round still plays the rest of its plan first; ending the game does not", () => {
    const g = game();
    g.host({ type: "start" });
    const skip = g.host({ type: "next-round" });
    expect(skip.events.filter((e) => e.type === "live").map((e) => e.type === "live" && e.detail.kind)).toEqual(["rule-change"]);
    const end = g.host({ type: "end" });
    expect(end.events.some((e) => e.type === "live")).toBe(false);
  });

  it("a planned event that cannot happen when its time comes is skipped, not fatal", () => {
    const g = new Script({ rounds: 2, roundSeconds: 30, schedule: [{ round: 1, atSecond: 5, event: { type: "vote-open" } }] });
    g.join("Ana");
    g.host({ type: "start" });
    expect(g.advance(5_000).events).toEqual([]);
    expect(g.s.scheduleNext).toBe(1);
  });
});
