import { describe, expect, it } from "vitest";
import { debriefAnswers } from "../../shared/replay/debrief-answers.ts";
import { causeChain } from "../../shared/replay/index.ts";
import { ballotResults } from "../../shared/rules/ballot.ts";
import { checkScenario, describeIssues } from "../../shared/scenarios/load.ts";
import { DEBRIEF_ANSWERS } from "../../shared/rules/live/types.ts";
import { PRESETS, presetById } from "../../shared/scenarios/presets.ts";
import { playBotGame } from "../helpers/bot-game.ts";
import { replayOf } from "../helpers/replay.ts";
import { RULES_VERSION } from "../../shared/rules/state.ts";
import { mistakeSentence } from "../../shared/text/debrief.ts";

/** The citizen-score-2015 preset played to the end by 20 bots, folded as the replay folds it. */
function playedPreset(id: string, seed = 11) {
  const checked = checkScenario(presetById(id));
  if (!checked.ok) throw new Error(describeIssues(checked.issues));
  const { config } = checked.value;
  const game = playBotGame(config, seed, 20);
  const r = replayOf({ meta: { config, seed, rulesVersion: RULES_VERSION, createdAt: 0 }, commands: game.log.map((command, i) => ({ seq: i + 1, command })) });
  return { game, r };
}

describe("the debrief answers the preset's questions", () => {
  const { game, r } = playedPreset("citizen-score-2015");
  const answers = debriefAnswers(r);

  it("holds the secret ballot's totals before and after, beside the posts per round, as the live end screen had them", () => {
    expect(answers.ballot).not.toBeNull();
    const b = answers.ballot!;
    expect(b.ended).toBe(true);
    expect(b.startResults).toEqual(ballotResults(game.state, "start"));
    expect(b.endResults).toEqual(ballotResults(game.state, "end"));
    expect(b.approvedPosts).toHaveLength(5);
    const posts = game.events.filter((e) => e.type === "acted" && (e.action === "share-approved" || e.action === "post-opinion")).length;
    expect(b.approvedPosts.reduce((a, x) => a + x, 0) + b.opinionPosts.reduce((a, x) => a + x, 0)).toBe(posts);
  });

  it("names whom the planned audit's deliberate mistake hit, whether they appealed, and the outcome", () => {
    expect(answers.audits).toHaveLength(1);
    const [audit] = answers.audits;
    expect(audit.scheduled).toBe(true);
    expect(audit.round).toBe(4);
    const m = audit.mistake!;
    expect(audit.players).toContain(m.player);
    const deduction = r.events.find((e) => e.seq === m.deduction);
    expect(deduction).toMatchObject({ type: "score", player: m.player, cause: { rule: "audit" } });
    const appeal = r.events.find((e) => e.type === "appeal" && e.deduction === m.deduction);
    expect(m.appeal === null).toBe(appeal === undefined);
    // An appeal against the deliberate mistake always wins.
    if (m.appeal) expect(m.appeal.reversed).toBe(true);
    expect(mistakeSentence(m.nickname, m.appeal, () => "6:10")).toMatch(
      new RegExp(`^The audit's deliberate mistake hit ${m.nickname}, who (never appealed|appealed at 6:10 and got the points back)`),
    );
  });

  it("gives a planned audit's deduction the planned event as its cause, not the round clock", () => {
    const [audit] = answers.audits;
    const chain = causeChain(r, audit.mistake!.deduction)!;
    expect(chain.command.command.kind).toBe("tick");
    expect(chain.live).toMatchObject({ scheduled: true, round: 4, detail: { kind: "audit" } });
    expect(chain.mistake).toEqual({ appeal: audit.mistake!.appeal });
    const other = r.events.find((e) => e.type === "score" && e.cause.rule === "audit" && e.seq !== audit.mistake!.deduction);
    if (other) expect(causeChain(r, other.seq)!.mistake).toBeUndefined();
    const ban = r.events.find((e) => e.type === "score" && e.cause.rule === "topic-ban");
    if (ban) expect(causeChain(r, ban.seq)!.live).toMatchObject({ scheduled: true, detail: { kind: "topic-ban" } });
  });

  it("points every question of the citizen-score-2015 preset at where the debrief answers it", () => {
    const info = r.config.scenario;
    expect(info.promptAnswers).toHaveLength(info.debriefPrompts.length);
    expect(info.promptAnswers).toEqual(["visibility", "unfriending", "topic-ban", "audit", "vote", "real-or-myth", "ballot"]);
    for (const p of PRESETS) {
      const checked = checkScenario(p);
      if (!checked.ok) throw new Error(describeIssues(checked.issues));
      const s = checked.value.config.scenario;
      expect(s.promptAnswers?.length, p.id).toBe(s.debriefPrompts.length);
      for (const a of s.promptAnswers ?? []) if (a) expect(DEBRIEF_ANSWERS).toContain(a);
    }
  });
});
