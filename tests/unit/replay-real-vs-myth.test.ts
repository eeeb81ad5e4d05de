import { describe, expect, it } from "vitest";
import { ACTION_FACTS, FACTS } from "../../shared/content/real-vs-myth.ts";
import { ACTION_NAMES, DEFAULT_CONFIG } from "../../shared/rules/config.ts";

describe("the real vs myth panel", () => {
  it("labels every action as the config does, with what the sources say", () => {
    expect(ACTION_FACTS.map((f) => f.action)).toEqual([...ACTION_NAMES]);
    for (const f of ACTION_FACTS) {
      expect(f.truth).toBe(DEFAULT_CONFIG.actions[f.action].truth);
      expect(f.finding.length).toBeGreaterThan(20);
    }
  });

  it("names every source of GAME.md's section", () => {
    const named = [...FACTS, ...ACTION_FACTS].flatMap((f) => f.sources).join(" | ");
    const expected = ["Jing Daily", "ECNS", "Rolling Stone", "BBC", "Shanghai Daily", "China Law Translate", "MERICS", "Wired", "Jeremy Daum", "Latif v. Holder", "DHS 2018", "Facebook patent", "Insurer pricing by Facebook posts", "Ride-hailing", "Peeple"];
    for (const source of expected) expect(named).toContain(source);
    expect(new Set(FACTS.map((f) => f.id)).size).toBe(FACTS.length);
  });
});
