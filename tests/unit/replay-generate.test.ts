import { describe, expect, it } from "vitest";
import { ACTION_NAMES } from "../../shared/rules/config.ts";
import { generateSession } from "../../shared/replay/generate.ts";
import { replayOf } from "../helpers/replay.ts";

describe("the synthetic session generator", () => {
  it("gives the same log for the same options, and another for another seed", () => {
    const a = generateSession({ players: 12, rounds: 3, seed: 4 });
    expect(generateSession({ players: 12, rounds: 3, seed: 4 })).toEqual(a);
    expect(generateSession({ players: 12, rounds: 3, seed: 5 }).commands).not.toEqual(a.commands);
  });

  it("records, as the room does, only commands the rules accepted, and plays a whole session", () => {
    const log = generateSession({ players: 40, rounds: 5, seed: 2 });
    const r = replayOf(log);
    expect(r.refused.size).toBe(0);
    expect(log.commands.map((c) => c.seq)).toEqual(log.commands.map((_, i) => i + 1));
    expect(r.final.phase).toBe("ended");
    expect(r.rounds.map((s) => s.round)).toEqual([1, 2, 3, 4, 5]);
    expect(Object.keys(r.players)).toHaveLength(43);
    const kinds = new Set(r.events.map((e) => (e.type === "acted" ? e.action : e.type === "phase" ? e.change : e.type)));
    for (const k of ["settings", "paused", "resumed", "player-removed", "unfriended", "looked-up", "blacklisted", "appeal"]) expect(kinds).toContain(k);
    const acted = ACTION_NAMES.filter((a) => kinds.has(a));
    expect(acted.length).toBeGreaterThanOrEqual(14);
    expect(log.commands.some((c) => c.command.kind === "tick" && r.commandEvents[c.seq] === r.commandEvents[c.seq - 1])).toBe(true);
  });
});
