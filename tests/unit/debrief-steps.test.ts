import { describe, expect, it } from "vitest";
import { applyDebrief, checkDebrief, debriefMine, debriefShow, emptyDebrief, foldDebrief } from "../../shared/debrief/session.ts";
import { context } from "../../shared/debrief/context.ts";
import { debriefDeck } from "../../shared/debrief/steps.ts";
import { BUNCHING_RULE, bunchingStep } from "../../shared/debrief/why.ts";
import type { Said } from "../../shared/debrief/types.ts";
import { useLanguage } from "../../shared/i18n/index.ts";
import { tidyTables, type Tables } from "../../shared/replay/tables.ts";
import { gapSentences, say } from "../../shared/text/debrief.ts";
import { fold } from "../../shared/rules/fold.ts";
import { checkScenario, describeIssues } from "../../shared/scenarios/load.ts";
import { presetById } from "../../shared/scenarios/presets.ts";
import { RULES_VERSION } from "../../shared/rules/state.ts";
import { playBotGame } from "../helpers/bot-game.ts";
import { replayOf } from "../helpers/replay.ts";

function played(seed = 11) {
  const checked = checkScenario(presetById("citizen-score-2015"));
  if (!checked.ok) throw new Error(describeIssues(checked.issues));
  const { config } = checked.value;
  const game = playBotGame(config, seed, 20);
  const commands = game.log.map((command, i) => ({ seq: i + 1, command }));
  return { config, seed, game, commands, r: replayOf({ meta: { config, seed, rulesVersion: RULES_VERSION, createdAt: 0 }, commands }) };
}

describe("the guided debrief of a bot-played 2015 session", () => {
  const { config, seed, game, commands, r } = played();
  const deck = debriefDeck(r);
  const ids = deck.steps.map((s) => s.id);
  const w = (s: Said) => say(s, config);

  it("builds each step from this session and skips what did not happen", () => {
    expect(ids[0]).toBe("drop");
    expect(ids.slice(-3)).toEqual(["what-now", "learned", "close"]);
    for (const id of ["unfriending", "visibility", "ballot", "audit", "claims"] as const) expect(ids).toContain(id);
    const drop = deck.steps.find((s) => s.id === "drop")!;
    expect(w(drop.headline)).toMatch(/fell from \d+ to \d+ in round \d/);
    // The ballot step carries what the end screen's card draws, and its headline is that card's private sentence.
    const ballot = deck.steps.find((s) => s.id === "ballot")!;
    expect(ballot.gap!.ballot).toEqual(config.ballot);
    expect(ballot.gap!.record.endResults.length).toBe(config.ballot!.options.length);
    expect(gapSentences(config.ballot!, ballot.gap!.record).private).toBe(w(ballot.headline));
    // Every sentence the server sends is codes that word into a full sentence: no key or hole left.
    for (const s of deck.steps) {
      expect(w(s.headline).length).toBeGreaterThan(10);
      for (const said of [s.title, s.question, s.headline, ...s.lines, ...(s.chart?.bars.flatMap((b) => [b.label, b.text]) ?? [])])
        expect(w(said)).not.toMatch(/undefined|NaN|\[object|debrief\.|\{/);
    }
    for (const side of Object.values(deck.sides))
      for (const lines of Object.values(side)) for (const l of lines) expect(w(l)).not.toMatch(/undefined|NaN|\[object|debrief\.|\{/);
    // A session without unfriending, a ballot or a vote gets no step for them.
    const quiet = debriefDeck(
      replayOf({
        meta: { config: { ...config, ballot: null }, seed, rulesVersion: RULES_VERSION, createdAt: 0 },
        commands: commands.filter((c) => c.command.kind !== "act" || c.command.action !== "unfriend"),
      }),
    );
    expect(quiet.steps.map((s) => s.id)).not.toContain("unfriending");
    expect(quiet.steps.map((s) => s.id)).not.toContain("ballot");
  });

  it('puts to the class on "What now" no question about a step that was skipped', () => {
    const vote = "The top players chose a rule. Whom did it help?";
    const shock = "The sweep listed people below a line. Who was surprised?";
    const scenario = {
      ...config.scenario,
      debriefPrompts: [...config.scenario.debriefPrompts, shock, "How did it feel?"],
      promptAnswers: [...(config.scenario.promptAnswers ?? []), "blacklist-shock" as const, null],
    };
    const replay = (log: typeof commands) =>
      replayOf({ meta: { config: { ...config, scenario }, seed, rulesVersion: RULES_VERSION, createdAt: 0 }, commands: log });
    const shocked = (rr: typeof r) => rr.events.some((e) => e.type === "live" && e.detail.kind === "blacklist-shock" && e.detail.players.length > 0);
    const whatNow = (rr: typeof r) =>
      debriefDeck(rr)
        .steps.find((s) => s.id === "what-now")!
        .lines.map((l) => say(l, { scenario }));
    // Nobody voted: no vote step, and its question is not asked on "What now" either.
    const noVote = replay(commands.filter((c) => c.command.kind !== "vote"));
    expect(debriefDeck(noVote).steps.map((s) => s.id)).not.toContain("vote");
    expect(whatNow(noVote)).not.toContain(vote);
    expect(whatNow(noVote)).toContain("How did it feel?");
    // A question no step puts stays only when what it asks about happened in this session.
    expect(shocked(noVote)).toBe(true);
    expect(whatNow(noVote)).toContain(shock);
    const noShock = replay(commands.filter((c) => c.command.at < r.rounds.find((x) => x.round === 5)!.startAt));
    expect(shocked(noShock)).toBe(false);
    expect(whatNow(noShock)).not.toContain(shock);
  });

  it("gives each player their own side: their drop and its causes, in the second person", () => {
    const sides = deck.sides.drop!;
    const [player, lines] = Object.entries(sides)[0];
    expect(w(lines[0])).toMatch(/^Your biggest drop: from \d+ to \d+ in round \d\.$/);
    expect(r.players[player]).toBeDefined();
  });

  it("sends codes that each screen words in its own language, while the export's poll words stay English", async () => {
    // The deck is built once, as the server builds it (in English); a German and a Chinese screen word the same codes.
    const close = deck.steps.find((s) => s.id === "close")!;
    const [player, lines] = Object.entries(deck.sides.drop!)[0];
    const poll = { seq: commands.length + 2, command: { kind: "poll" as const, at: 1e13, player, step: "drop", answer: 2 } };
    const log = [...commands, { seq: commands.length + 1, command: { kind: "debrief" as const, at: 1e13, step: "drop" } }, poll];
    try {
      await useLanguage("de");
      expect(w(close.headline)).toBe("Die Punktzahlen sind weg. Du bist keine Nummer.");
      expect(w(lines[0])).toMatch(/^Dein größter Absturz: von \d+ auf \d+ in Runde \d\.$/);
      const answers = (tidyTables({ meta: { config, seed, rulesVersion: RULES_VERSION, createdAt: 0 }, commands: log }) as Tables).answers;
      expect(answers.map((a) => [a.step, a.question, a.answer, a.answer_label])).toEqual([
        ["drop", "Did you see your own biggest drop coming?", 2, "I had no drop"],
      ]);
      await useLanguage("zh-Hans");
      expect(w(close.headline)).toBe("评分已经消失。你不是一个数字。");
      expect(w(lines[0])).toMatch(/^你最大的一次下跌：第\d+回合从\d+跌到\d+。$/);
    } finally {
      await useLanguage("en");
    }
    expect(w(close.headline)).toBe("The scores are gone. You are not a number.");
  });

  it("answers polls only on the step shown, and the game's fold ignores every debrief command", () => {
    const d = emptyDebrief();
    const p = Object.keys(r.players)[0];
    const ended = { phase: "ended" as const, config };
    expect(checkDebrief(d, { phase: "round", config }, deck, { kind: "debrief", at: 1, step: "drop" })?.code).toBe("debrief-not-open");
    expect(checkDebrief(d, ended, deck, { kind: "debrief", at: 1, step: "nope" })?.code).toBe("bad-step");
    const more = [
      { kind: "debrief" as const, at: 1e13, step: "drop" },
      { kind: "poll" as const, at: 1e13, player: p, step: "drop", answer: 1 },
      { kind: "poll" as const, at: 1e13, player: p, step: "drop", answer: 9 },
      { kind: "debrief" as const, at: 1e13, step: "close" },
    ];
    expect(checkDebrief(d, ended, deck, more[2])?.code).toBe("bad-step");
    applyDebrief(d, more[0]);
    expect(checkDebrief(d, ended, deck, more[2])?.code).toBe("bad-answer");
    const log = [...commands, ...more.map((command, i) => ({ seq: commands.length + i + 1, command }))];
    const folded = foldDebrief(ended, deck, log);
    expect(folded.current).toBe("close");
    expect(folded.closed).toBe(true);
    expect(debriefShow(folded, deck).tallies.drop).toEqual([0, 1, 0]);
    expect(debriefMine(folded, deck, p, ended).closed).toBe(true);
    expect(
      JSON.stringify(
        fold(
          config,
          seed,
          log.map((c) => c.command),
        ),
      ),
    ).toBe(JSON.stringify(game.state));
  });

  it("shows the bunching step only for a line with at least 2 players just above it, more than just below, and says that rule", () => {
    const x = context(r);
    const m = x.metrics();
    const last = m.rounds.at(-1)!;
    const at = (bunching: { threshold: number; justAbove: number; justBelow: number }[]) =>
      bunchingStep({
        ...x,
        metrics: () => ({
          ...m,
          rounds: [...m.rounds.slice(0, -1), { ...last, scores: { ...last.scores, bunching: bunching.map((b) => ({ ...b, aboveShare: null })) } }],
        }),
      });
    // As many just below as just above, or more: nothing bunched, no step.
    expect(
      at([
        { threshold: 600, justAbove: 3, justBelow: 3 },
        { threshold: 750, justAbove: 1, justBelow: 4 },
      ]),
    ).toBeNull();
    expect(at([{ threshold: 600, justAbove: 0, justBelow: 0 }])).toBeNull();
    // One player alone above a line is no bunch.
    expect(at([{ threshold: 600, justAbove: 1, justBelow: 0 }])).toBeNull();
    const step = at([
      { threshold: 600, justAbove: 5, justBelow: 2 },
      { threshold: 750, justAbove: 2, justBelow: 2 },
    ])!;
    expect(w(step.headline)).toBe("5 players ended 0–20 points above the line at 600, more than the 2 who ended 1–20 points below it.");
    expect(step.lines[0]).toEqual(BUNCHING_RULE);
    expect(step.chart!.bars.map((b) => w(b.text))).toEqual(["5 players", "2 players"]);
    // The played session: the step is in the deck exactly when a line's metrics say it is bunched.
    const bunched = last.scores.bunching.some((b) => b.justAbove >= 2 && b.justAbove > b.justBelow);
    expect(ids.includes("bunching")).toBe(bunched);
  });

  it("says whom the before-and-after comparison holds: who answered both, and who joined after round 1 with no answers before", () => {
    const start = commands.findIndex((c) => c.command.kind === "facilitate" && c.command.command.type === "start");
    const at = commands[start + 3].command.at;
    const log = [...commands.slice(0, start + 3), { seq: 0, command: { kind: "join" as const, at, nickname: "Lately" } }, ...commands.slice(start + 3)].map(
      (c, i) => ({ ...c, seq: i + 1 }),
    );
    const rr = replayOf({ meta: { config, seed, rulesVersion: RULES_VERSION, createdAt: 0 }, commands: log });
    const late = Object.values(rr.players).find((p) => p.nickname === "Lately")!;
    const lateDeck = debriefDeck(rr);
    expect(lateDeck.late).toEqual([late.id]);
    expect(deck.late).toEqual([]);
    const questions = config.scenario.survey!;
    const answers = questions.map(() => ({ choice: 0, confidence: 3 }));
    const [a, b] = Object.keys(r.players);
    const d = emptyDebrief();
    for (const [player, stage] of [
      [a, "before"],
      [b, "before"],
      [a, "after"],
      [late.id, "after"],
    ] as const)
      applyDebrief(d, { kind: "survey", at, player, stage, answers });
    const summary = debriefShow(d, lateDeck, questions).survey!;
    expect(summary).toMatchObject({ both: 1, late: 1 });
    expect(summary.questions[0].before.answers).toBe(2);
    expect(summary.questions[0].after.answers).toBe(2);
  });
});
