import { describe, expect, it } from "vitest";
import { PROBE_LIMIT_MS, RoomProbes, summarize } from "../../bench/probes.ts";

describe("latency probes", () => {
  it("a probe closes when every other client has shown the score the actor confirmed, at the last of them", () => {
    const room = new RoomProbes(4);
    room.start("p1", 1, 100);
    room.observed("p1", 1, 610, 105); // the actor's own screen does not count
    room.observed("p1", 0, 590, 120); // someone else's action moved p1 first
    room.observed("p1", 0, 610, 130);
    room.confirm("p1", 610);
    room.observed("p1", 2, 610, 150);
    room.observed("p1", 2, 620, 160); // a later change seen by the same screen is not a new sighting
    expect(room.has("p1")).toBe(true);
    room.observed("p1", 3, 600, 165); // not the score the action produced
    expect(room.has("p1")).toBe(true);
    room.observed("p1", 3, 610, 170);
    expect(room.has("p1")).toBe(false);
    expect(room.samples).toEqual([{ sentAt: 100, latency: 70 }]);
  });

  it("a screen that showed the score before the actor confirmed it counts at the time it showed it", () => {
    const room = new RoomProbes(3);
    room.start("p1", 1, 0);
    room.observed("p1", 0, 620, 20);
    room.observed("p1", 2, 620, 25);
    room.confirm("p1", 620);
    expect(room.samples).toEqual([{ sentAt: 0, latency: 25 }]);
  });

  it("a refused action's probe is dropped; screens that never show a confirmed change are counted as missed", () => {
    const room = new RoomProbes(3);
    room.start("p1", 1, 0);
    room.cancel("p1");
    room.observed("p1", 0, 610, 10);
    expect(room.samples).toEqual([]);
    room.start("p2", 2, 0);
    room.observed("p2", 0, 610, 40);
    room.confirm("p2", 610);
    room.start("p3", 0, 0); // never confirmed: an action that moved nothing, not a miss
    room.observed("p3", 1, 590, 40);
    room.sweep(PROBE_LIMIT_MS + 1);
    expect(room.missed).toBe(1);
    expect(room.pending).toBe(0);
  });

  it("percentiles are nearest-rank over the probes sent in the window", () => {
    const room = new RoomProbes(2);
    for (let i = 1; i <= 100; i++) {
      room.start("p1", 1, i);
      room.confirm("p1", i);
      room.observed("p1", 0, i, i + i);
    }
    expect(summarize([room], 1, 100)).toEqual({ count: 100, p50: 50, p95: 95, p99: 99, max: 100 });
    expect(summarize([room], 51, 100).p50).toBe(75);
  });
});
