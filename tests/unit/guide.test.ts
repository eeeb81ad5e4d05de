import { describe, expect, it } from "vitest";
import { lessonKit } from "../../shared/content/guide.ts";
import { debriefDeck } from "../../shared/debrief/steps.ts";
import { phaseTitle } from "../../shared/debrief/kinds.ts";
import { pollQuestion } from "../../shared/debrief/polls.ts";
import { PHASES } from "../../shared/debrief/types.ts";
import { say, sayKey } from "../../shared/text/debrief.ts";
import { RULES_VERSION } from "../../shared/rules/state.ts";
import { playBotGame } from "../helpers/bot-game.ts";
import { replayOf } from "../helpers/replay.ts";
import { contentNote } from "../../shared/content/content-note.ts";
import { actionCards, authorGraded, PRESET_SOURCES } from "../../shared/content/scenario-facts.ts";
import { checkScenario, scenarioConfig } from "../../shared/scenarios/load.ts";
import { PRESETS, presetById } from "../../shared/scenarios/presets.ts";
import { planTexts, planWhen } from "../../shared/text/plan.ts";

const total = (steps: { minutes: number }[]) => steps.reduce((a, s) => a + s.minutes, 0);

describe("the lesson kit", () => {
  it.each(PRESETS.map((p) => [p.id, p] as const))("%s: plans of 45 and 90 minutes, the plan in the game's words, and cards with sources", (_id, file) => {
    const g = lessonKit(file);
    const c = scenarioConfig(file);
    expect(g.lessons.map((l) => l.minutes)).toEqual([45, 90]);
    for (const l of g.lessons) {
      expect(total(l.steps)).toBe(l.minutes);
      // A third of the lesson goes to the debrief and the close, whatever the game's length.
      const afterPlay = l.steps.slice(l.steps.findIndex((s) => s.activity.startsWith("Play")) + 1);
      expect(total(afterPlay)).toBeGreaterThanOrEqual(l.minutes / 3);
      l.steps.forEach((s, i) => expect(s.start).toBe(total(l.steps.slice(0, i))));
    }
    expect(g.rounds).toHaveLength(c.rounds);
    const texts = planTexts(c.schedule, c);
    expect(g.rounds.flatMap((r) => r.events.map((e) => `Round ${r.round} · ${e.at} ${e.text}`))).toEqual(
      c.schedule.map((e, i) => `${planWhen(e)} ${texts[i]}`),
    );
    expect(g.debriefQuestions).toEqual(c.scenario.debriefPrompts);
    expect(g.contentNote).toEqual(contentNote(c));
    expect(g.objectives.length).toBeGreaterThan(2);
    expect(g.checklist.map((x) => x.title)).toEqual(["Projector", "Devices", "Network", "Join code", "When a phone drops"]);
    const cited = new Set(g.myth.sources.map((s) => s.id));
    for (const card of [...g.myth.facts, ...g.myth.actions]) for (const s of card.sources) expect(cited.has(s)).toBe(true);
    // The actions' cards are the replay's (actionCards): the session's own labels, grades and findings.
    expect(g.myth.actions.map(({ icon: _i, gradeLabel: _g, ...card }) => card)).toEqual(
      actionCards(c).map((a) => ({ ...a, finding: a.finding ?? authorGraded() })),
    );
    for (const id of PRESET_SOURCES[file.id] ?? []) expect(cited.has(id)).toBe(true);
  });

  it("the 2015 preset's round 3 is public, with the retroactive ban as the banner says it", () => {
    const g = lessonKit(presetById("citizen-score-2015")!);
    expect(g.rounds[0].visibility).toBe("Starts with scores hidden.");
    expect(g.rounds[1].visibility).toBe("Starts with each player seeing their own score.");
    expect(g.rounds[2].visibility).toBe("Starts with scores public, with a leaderboard.");
    expect(g.rounds[2].events.map((e) => e.text)).toContain("Posts about Corruption in the local government are banned, earlier ones too (30 each)");
    // The rule cards follow the plan: this preset plans a ban, an audit, a shock and a vote.
    expect(
      g.myth.facts
        .filter((f) => f.kind === "rule")
        .map((f) => f.id)
        .sort(),
    ).toEqual(["audits", "blacklist-shock", "top-players-vote", "topic-ban"]);
    expect(lessonKit(presetById("free-play")!).myth.facts.some((f) => f.kind === "rule")).toBe(false);
  });

  it("lists the guided debrief's steps by phase, with the questions and polls a played session shows", () => {
    const file = presetById("citizen-score-2015")!;
    const checked = checkScenario(file);
    if (!checked.ok) throw new Error("the 2015 preset does not check");
    const { config } = checked.value;
    const g = lessonKit(file);
    expect(g.debriefSteps.map((p) => p.title)).toEqual(PHASES.map((p) => phaseTitle(p)));
    const listed = g.debriefSteps.flatMap((p) => p.steps.map((s) => ({ phase: p.title, title: s.title, question: s.question, poll: s.poll })));
    // Every step a played session shows is listed as the debrief puts it: same phase, title, question and poll.
    const game = playBotGame(config, 11, 20);
    const deck = debriefDeck(
      replayOf({ meta: { config, seed: 11, rulesVersion: RULES_VERSION, createdAt: 0 }, commands: game.log.map((command, i) => ({ seq: i + 1, command })) }),
    );
    for (const s of deck.steps) {
      const step = listed.find((l) => l.title === say(s.title, config));
      expect(step, s.id).toMatchObject({ phase: phaseTitle(s.phase), question: say(s.question, config) });
      expect(step!.poll === null, s.id).toBe(s.poll === undefined);
      if (s.poll) expect(step!.poll).toContain(pollQuestion(s.id, sayKey));
    }
    expect(listed.find((l) => l.title === "The rule the top players chose")?.question).toBe("The top players chose a rule. Whom did it help?");
    // The 2015 preset plans its ban, audit and vote; free play plans none and has no questions before and after.
    expect(g.debriefSteps.flatMap((p) => p.steps).every((s) => s.planned)).toBe(true);
    const free = lessonKit(presetById("free-play")!).debriefSteps.flatMap((p) => p.steps);
    expect(free.filter((s) => !s.planned).map((s) => s.id)).toEqual(expect.arrayContaining(["topic-ban", "audit", "vote"]));
    expect(free.map((s) => s.id)).not.toContain("learned");
  });

  it("a long game is cut to the rounds that fit, and says how", () => {
    const file = { ...presetById("free-play")!, rules: { ...presetById("free-play")!.rules, rounds: 10, roundSeconds: 240 } };
    const [short, long] = lessonKit(file).lessons;
    expect(short.fit).toMatch(/^The 10 rounds of this scenario do not fit: set Rounds to \d on \/host/);
    expect(total(short.steps)).toBe(45);
    expect(long.fit).toMatch(/set Rounds to \d+/);
  });

  it("a scenario file may write its own objectives and lessons; the checker holds each lesson to its length", () => {
    const base = JSON.parse(JSON.stringify(presetById("free-play")!));
    const guide = {
      objectives: ["Explain how a rating decides who may work."],
      lessons: {
        "45": [
          { minutes: 10, activity: "Warm-up", detail: "Who has rated a driver?" },
          { minutes: 35, activity: "Play and talk" },
        ],
      },
    };
    const ok = checkScenario({ ...base, guide });
    expect(ok.ok).toBe(true);
    if (!ok.ok) return;
    const g = lessonKit(ok.value.file);
    expect(g.objectives).toEqual(guide.objectives);
    expect(g.objectivesFrom).toBe("scenario");
    expect(g.lessons[0]).toMatchObject({
      from: "scenario",
      steps: [
        { start: 0, minutes: 10, activity: "Warm-up" },
        { start: 10, minutes: 35, activity: "Play and talk", detail: "" },
      ],
    });
    expect(g.lessons[1].from).toBe("derived");
    const bad = checkScenario({
      ...base,
      guide: {
        lessons: {
          "90": [
            { minutes: 50, activity: "Play" },
            { minutes: 30, activity: "Talk" },
          ],
        },
      },
    });
    expect(bad.ok ? [] : bad.issues).toMatchObject([{ path: "guide.lessons.90", message: "the steps add up to 80 minutes, not 90" }]);
    const unknown = checkScenario({ ...base, guide: { handout: "x" } });
    expect(unknown.ok).toBe(false);
  });
});
