import { describe, expect, it } from "vitest";
import { checkScenario, describeIssues } from "../../shared/scenarios/load.ts";
import { PRESETS, presetById } from "../../shared/scenarios/presets.ts";
import { fold } from "../../shared/rules/fold.ts";
import { ballotResults } from "../../shared/rules/ballot.ts";
import { playBotGame } from "../helpers/bot-game.ts";

const REQUIRED = ["citizen-score-2015", "rongcheng-pilot", "blacklist-only", "ratings-at-work"];

describe("the shipped presets", () => {
  it("include the four the issue names, each with a paragraph, debrief prompts, sources and a ballot", () => {
    expect(PRESETS.map((p) => p.id)).toEqual(expect.arrayContaining(REQUIRED));
    for (const p of PRESETS) {
      expect(p.description.length, p.id).toBeGreaterThan(200);
      expect(p.debriefPrompts.length, p.id).toBeGreaterThanOrEqual(3);
      expect(p.sources.length, p.id).toBeGreaterThan(0);
      expect(p.ballot?.options.length, p.id).toBeGreaterThanOrEqual(2);
    }
  });

  it.each(REQUIRED)("%s loads, validates and plays a full bot game with every planned event", (id) => {
    const checked = checkScenario(presetById(id));
    if (!checked.ok) throw new Error(describeIssues(checked.issues));
    const { config, file } = checked.value;
    const game = playBotGame(config, 11, 20);
    expect(game.state.phase).toBe("ended");
    expect(game.state.round).toBe(file.rules.rounds);
    const planned = file.schedule.filter((e) => e.event.type !== "vote-close").length;
    expect(game.state.live.filter((e) => e.scheduled && e.detail.kind !== "vote-closed")).toHaveLength(planned);
    if (file.schedule.some((e) => e.event.type === "vote-open")) expect(game.state.live.some((e) => e.detail.kind === "vote-closed")).toBe(true);
    expect(game.events.filter((e) => e.type === "acted").length).toBeGreaterThan(50);
    expect(ballotResults(game.state, "start")?.reduce((a, b) => a + b)).toBe(20);
    expect(ballotResults(game.state, "end")?.reduce((a, b) => a + b)).toBe(20);
    expect(fold(config, 11, game.log)).toEqual(game.state);
  });
});

describe("a scenario file", () => {
  const base = () => structuredClone(presetById("citizen-score-2015")) as Record<string, any>;
  const issues = (raw: unknown, overrides?: unknown) => {
    const out = checkScenario(raw, overrides);
    if (out.ok) throw new Error("expected the scenario to be refused");
    return out.issues;
  };

  it("with wrong types, unknown keys and missing fields is refused, each problem naming its field", () => {
    const raw = base();
    raw.rules.rounds = "five";
    raw.rules.actions = { "post-opinion": { self: 1.5 } };
    raw.rules.colour = "red";
    delete raw.title;
    raw.schedule[0].event = { type: "earthquake" };
    const found = issues(raw).map((i) => i.path);
    expect(found).toEqual(expect.arrayContaining(["rules.rounds", "rules.actions.post-opinion.self", "rules", "title", "schedule.0.event.type"]));
    const text = describeIssues(issues(raw));
    expect(text).toContain("rules.rounds");
    expect(text).toMatch(/expected number/i);
  });

  it("whose numbers contradict each other or whose plan refers to what does not exist is refused", () => {
    const raw = base();
    raw.rules.travelAt = 800;
    raw.rules.startScore = 1000;
    raw.topics.push({ id: "food-safety", label: "Again" });
    raw.schedule.push({ round: 9, atSecond: 0, event: { type: "ban-topic", topic: "weather" } });
    expect(issues(raw)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: "rules.travelAt", message: "must not be above visaAt (750)" }),
        expect.objectContaining({ path: "rules.startScore", message: "must be between scoreMin (350) and scoreMax (950)" }),
        expect.objectContaining({ path: "topics.5.id", message: "is used by another topic" }),
        expect.objectContaining({ path: "schedule.8.round", message: "is after the last round (5)" }),
        expect.objectContaining({ path: "schedule.8.event.topic", message: '"weather" is not one of the scenario\'s topics' }),
      ]),
    );
  });

  it("takes the host's overrides, and blames an override by its own name", () => {
    const ok = checkScenario(base(), { rounds: 6, roundSeconds: 45, actions: { report: { self: 20 } } });
    if (!ok.ok) throw new Error(describeIssues(ok.issues));
    expect([ok.value.config.rounds, ok.value.config.roundSeconds, ok.value.config.actions.report.self, ok.value.config.actions.report.target]).toEqual([
      6, 45, 20, -25,
    ]);
    const short = checkScenario(base(), { rounds: 3, roundSeconds: 45 });
    expect(short.ok && short.value.config.schedule.map((e) => [e.round, e.atSecond])).toEqual([
      [2, 0],
      [3, 0],
      [3, 20],
    ]);
    expect(issues(base(), { visaAt: 600 }).map((i) => i.path)).toContain("rules.travelAt");
    expect(issues(base(), { startScore: 2000 })).toEqual([
      {
        path: "overrides.startScore",
        message: "must be between scoreMin (350) and scoreMax (950)",
        key: "scenario.issue.start-range",
        params: { min: 350, max: 950 },
      },
    ]);
    expect(issues(base(), { rounds: 0 }).map((i) => i.path)).toEqual(["overrides.rounds"]);
  });

  it("that is not JSON object at all gets one clear issue", () => {
    expect(issues("hello")).toEqual([
      { path: "(the file)", message: expect.stringMatching(/expected object/i), key: "scenario.issue.type", params: { expected: "object" } },
    ]);
  });
});
