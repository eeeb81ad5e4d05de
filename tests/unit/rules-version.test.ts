import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildReplay } from "../../shared/replay/replay-index.ts";
import { isReplayProblem, type ReplayLog } from "../../shared/replay/log.ts";
import { tidyTables } from "../../shared/replay/tables.ts";
import { fnv1a, keyedDraw } from "../../shared/rules/luck.ts";
import { RULES_VERSION, since } from "../../shared/rules/version.ts";
import { restoreSession } from "../../server/rooms/restore.ts";
import { foldDigest, type FoldDigest } from "../helpers/fold-digest.ts";

function fixture(version: number): { expected: FoldDigest; log: ReplayLog } {
  return JSON.parse(readFileSync(new URL(`../fixtures/rules-v${version}.json`, import.meta.url), "utf8"));
}

describe("rules versions", () => {
  it.each([2, 3])("a log recorded under version %i folds to its known final state", (version) => {
    const { expected, log } = fixture(version);
    expect(log.meta.rulesVersion).toBe(version);
    expect(foldDigest(log)).toEqual(expected);
    expect(expected.audits.length).toBeGreaterThan(0);
    expect(expected.appeals.length).toBeGreaterThan(2);
  });

  it("a room resumed from a version 2 log goes on under version 2", () => {
    const { expected, log } = fixture(2);
    const meta = { ...log.meta, code: "OLDV2", hostKeyHash: "h", endedAt: null };
    const restored = restoreSession(meta, log.commands);
    if ("code" in restored) throw new Error(restored.message);
    expect(restored.state.rulesVersion).toBe(2);
    expect(Object.fromEntries(Object.values(restored.state.players).map((p) => [p.nickname, p.score]))).toEqual(expected.scores);
  });

  it("the two versions' luck differs, so a log is never folded under the other's", () => {
    const { expected, log } = fixture(2);
    const relabelled = foldDigest({ ...log, meta: { ...log.meta, rulesVersion: 3 } });
    expect(relabelled.eventsHash).not.toBe(expected.eventsHash);
  });

  it("refuses a version it does not play, in the replay and the export alike", () => {
    const { log } = fixture(3);
    for (const v of [1, RULES_VERSION + 1]) {
      const r = buildReplay({ ...log, meta: { ...log.meta, rulesVersion: v } });
      expect(isReplayProblem(r) && r.code).toBe("rules-version");
      expect(tidyTables({ ...log, meta: { ...log.meta, rulesVersion: v } })).toMatchObject({
        code: "rules-version",
        message: expect.stringContaining(`version ${v}`),
      });
    }
  });

  it("since() tells a rule which version it plays", () => {
    expect(RULES_VERSION).toBe(3);
    expect(since({ rulesVersion: 3 }, 3)).toBe(true);
    expect(since({ rulesVersion: 2 }, 3)).toBe(false);
  });

  it("the keyed generator matches the numbers docs/REPLAY.md gives for other languages", () => {
    expect(fnv1a("")).toBe(0x811c9dc5);
    expect(fnv1a("a")).toBe(0xe40c292c);
    expect(fnv1a("42:appeal:Ana:audit:1000:0")).toBe(0xe32ef4a6);
    expect(keyedDraw(42, "appeal:Ana:audit:1000:0")).toBeCloseTo(0.5525139861274511, 15);
    expect(keyedDraw(1, "audit:4:1:Zoë")).toBeCloseTo(0.95538833248429, 13);
  });
});
