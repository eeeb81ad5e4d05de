import { describe, expect, it } from "vitest";
import { PROBE_LIMIT_MS, RoomProbes, summarize } from "../../bench/probes.ts";

describe("latency probes", () => {
  it("a probe closes when every other client has shown the change, at the last of them", () => {
    const room = new RoomProbes(4);
    room.start("p1", 1, 100);
    room.seen("p1", 1, 105); // the actor's own screen does not count
    room.seen("p1", 0, 130);
    room.seen("p1", 2, 150);
    room.seen("p1", 2, 160); // a second change seen by the same screen is not a new sighting
    expect(room.has("p1")).toBe(true);
    room.seen("p1", 3, 170);
    expect(room.has("p1")).toBe(false);
    expect(room.samples).toEqual([{ sentAt: 100, latency: 70 }]);
  });

  it("a refused action's probe is dropped; screens that never show a change are counted as missed", () => {
    const room = new RoomProbes(3);
    room.start("p1", 1, 0);
    room.cancel("p1");
    room.seen("p1", 0, 10);
    expect(room.samples).toEqual([]);
    room.start("p2", 2, 0);
    room.seen("p2", 0, 40);
    room.sweep(PROBE_LIMIT_MS + 1);
    expect(room.missed).toBe(1);
    expect(room.pending).toBe(0);
  });

  it("percentiles are nearest-rank over the probes sent in the window", () => {
    const room = new RoomProbes(2);
    for (let i = 1; i <= 100; i++) {
      room.start("p1", 1, i);
      room.seen("p1", 0, i + i);
    }
    expect(summarize([room], 1, 100)).toEqual({ count: 100, p50: 50, p95: 95, p99: 99, max: 100 });
    expect(summarize([room], 51, 100).p50).toBe(75);
  });
});
