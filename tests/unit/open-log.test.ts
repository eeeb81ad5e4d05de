import { describe, expect, it } from "vitest";
import { restoreSession } from "../../server/rooms/restore.ts";
import { generateSession } from "../../shared/replay/generate.ts";
import { buildReplay } from "../../shared/replay/replay-index.ts";
import { tidyTables } from "../../shared/replay/tables.ts";
import { DEFAULT_CONFIG, type GameConfig } from "../../shared/rules/config.ts";

describe("a log stored before a setting existed", () => {
  const full = generateSession({ players: 8, rounds: 2, seed: 3 });
  // As an older server stored it: without the appeal chance, which its rules did not have yet.
  const { appealChance: _appealChance, ...older } = full.meta.config;
  const stored = { ...full, meta: { ...full.meta, code: "ABCDE", config: older as GameConfig } };

  it("opens with that setting at its default in the replay, the export tables and a restore alike", () => {
    const replay = buildReplay(stored);
    const restored = restoreSession({ ...stored.meta, code: "ABCDE", hostKeyHash: "", endedAt: null }, stored.commands);
    const tables = tidyTables(stored);
    if ("code" in replay || "code" in restored || "code" in tables) throw new Error("the log did not open");
    expect(replay.config.appealChance).toBe(DEFAULT_CONFIG.appealChance);
    expect(restored.state.config.appealChance).toBe(DEFAULT_CONFIG.appealChance);
    const fullReplay = buildReplay(full);
    if ("code" in fullReplay) throw new Error("the full log did not open");
    expect(replay.final.players).toEqual(restored.state.players);
    expect(tables).toEqual(tidyTables({ ...full, meta: { ...full.meta, code: "ABCDE" } }));
  });
});
