import { describe, expect, it } from "vitest";
import { generateSession } from "../../shared/replay/generate.ts";
import { causeChain } from "../../shared/replay/cause-chain.ts";
import { debriefMetrics } from "../../shared/replay/metrics/index.ts";
import { rulesAfterCount, rulesAtTime } from "../../shared/replay/seek.ts";
import { apply } from "../../shared/rules/apply.ts";
import { initialState } from "../../shared/rules/state.ts";
import { scenarioConfig } from "../../shared/scenarios/load.ts";
import { PRESETS } from "../../shared/scenarios/presets.ts";
import { replayOf, scripted } from "../helpers/replay.ts";
import { Script } from "../helpers/game.ts";

describe("the rules as they stood at a moment", () => {
  it.each(PRESETS.map((p) => p.id))("are, after every command of a generated %s session, the rules the game itself held", (id) => {
    const log = generateSession({ players: 12, seed: 3, roundSeconds: 40, config: scenarioConfig(PRESETS.find((p) => p.id === id)!) });
    const r = replayOf(log);
    const s = initialState(log.meta.config, log.meta.seed, log.meta.rulesVersion);
    for (let i = 0; i < log.commands.length; i++) {
      apply(s, log.commands[i].command);
      const inForce = rulesAfterCount(r, r.commandEvents[i + 1]);
      expect(inForce.config).toEqual(s.config);
      expect(inForce.visibility).toBe(s.visibility);
    }
    expect(r.rules.length).toBeGreaterThan(1);
  });

  it("are read by time too: before a vote moved the visa line, and after", () => {
    const { g, log } = scripted({ voteMenu: [{ id: "visa-800", label: "Visa needs 800", change: { rule: "threshold", threshold: "visaAt", value: 800 } }] });
    const [ana] = g.join("Ana", "Bo");
    g.host({ type: "start" });
    const before = g.at;
    g.at += 1000;
    g.host({ type: "vote-open", share: 0.5 });
    g.send({ kind: "vote", at: g.at, player: ana, option: "visa-800" });
    const r = replayOf(log());
    expect(rulesAtTime(r, before).config.visaAt).toBe(750);
    expect(rulesAtTime(r, g.at).config.visaAt).toBe(800);
  });

  it("explain a score change by the rules in force when it happened", () => {
    const { g, log } = scripted({ actionPoints: 10 });
    const [ana, bo] = g.join("Ana", "Bo");
    g.host({ type: "start" });
    g.befriend(ana, bo);
    g.host({ type: "rule-change", change: { rule: "threshold", threshold: "vouchRiskBelow", value: 650 } });
    const risky = g.act(ana, "vouch", bo).events.find((e) => e.type === "score")!; // Bo's 600 is now below the line
    const r = replayOf(log());
    expect(causeChain(r, risky.seq)).toMatchObject({ rule: "vouch-risk", rules: { vouchRiskBelow: 650 } });
    expect(r.config.vouchRiskBelow).toBe(550);
  });

  it("count tiers, tier changes and bunching in Metrics by the thresholds in force", () => {
    const { g, log } = scripted({ friendWeight: 0, actionPoints: 10, roundSeconds: 60, rounds: 2 });
    const [ana, bo] = g.join("Ana", "Bo");
    g.host({ type: "start" });
    for (let i = 0; i < 8; i++) g.act(ana, "volunteer"); // Ana 760: visa by the starting 750
    for (let i = 0; i < 4; i++) g.act(bo, "volunteer"); // Bo 680
    g.advance(60_000);
    g.host({ type: "rule-change", change: { rule: "threshold", threshold: "visaAt", value: 800 } });
    g.host({ type: "rule-change", change: { rule: "threshold", threshold: "travelAt", value: 670 } });
    g.advance(60_000);
    const [first, second] = debriefMetrics(replayOf(log())).rounds;
    expect(first.scores.tiers).toMatchObject({ visa: 1, standard: 1 });
    expect(second.scores.tiers).toMatchObject({ visa: 0, travel: 2 });
    expect(second.scores.tierChanges).toBe(2);
    expect(second.scores.tierMoves).toEqual([
      { from: "visa", to: "travel", players: 1 },
      { from: "standard", to: "travel", players: 1 },
    ]);
    expect(second.scores.bunching.map((b) => b.threshold)).toEqual([670, 800]);
    expect(second.scores.bunching[0]).toMatchObject({ justAbove: 1, justBelow: 0 });
  });
});

describe("a change to the value in force", () => {
  it("is refused in the settings with a sentence, and a partial one records only what changed", () => {
    const g = new Script({ friendWeight: 0.2 });
    g.join("Ana");
    expect(g.try({ kind: "facilitate", at: g.at, command: { type: "settings", friendWeight: 0.2 } })).toEqual({
      code: "bad-settings",
      reason: "settings-same",
      message: "Nothing to change: those settings are already in force.",
    });
    const out = g.host({ type: "settings", friendWeight: 0.2, actionPoints: 4 });
    expect(out.events).toMatchObject([{ type: "settings", changed: { actionPoints: 4 } }]);
    expect(Object.keys((out.events[0] as { changed: object }).changed)).toEqual(["actionPoints"]);
    expect(g.try({ kind: "facilitate", at: g.at, command: { type: "rule-change", change: { rule: "friend-weight", value: 0.2 } } })).toMatchObject({
      code: "bad-change",
    });
  });

  it("is recorded as it was under rules version 2", () => {
    const g = new Script({ friendWeight: 0.2 }, 42, 2);
    g.join("Ana");
    expect(g.host({ type: "settings", friendWeight: 0.2 }).events).toMatchObject([{ type: "settings", changed: { friendWeight: 0.2 } }]);
  });
});
