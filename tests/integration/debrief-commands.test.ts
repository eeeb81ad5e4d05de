import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildReplay, isReplayProblem } from "../../shared/replay/index.ts";
import { fold } from "../../shared/rules/fold.ts";
import { isDebriefCommand } from "../../shared/rules/commands.ts";
import { host, joinAs, nextMessage, startTestServer, until, type GameRoom, type TestGame } from "../helpers/server.ts";

let game: TestGame;
beforeAll(async () => {
  game = await startTestServer();
});
afterAll(async () => {
  await game.shutdown();
});

async function answer(room: GameRoom, type: string, message: unknown) {
  const error = nextMessage(room, "error");
  room.send(type, message);
  return error;
}

describe("the debrief's commands", () => {
  it("are refused with a code and a sentence out of place, logged when accepted, and change nothing of the game's fold", async () => {
    const h = await host(game, { scenario: "citizen-score-2015" });
    const ana = await joinAs(game, h.code, "Ana");
    expect(await answer(h.room, "debrief", { step: "claims" })).toMatchObject({
      code: "debrief-not-open",
      message: "The debrief starts once the game is over.",
    });
    expect(await answer(ana.room, "debrief", { step: "claims" })).toMatchObject({ code: "not-host" });
    expect(await answer(h.room, "poll", { step: "claims", answer: 0 })).toMatchObject({ code: "not-a-player" });
    // The scenario's questions before round 1: in the lobby, one answer per question, once.
    const five = Array.from({ length: 5 }, () => ({ choice: 1, confidence: 4 }));
    expect(await answer(ana.room, "survey", { stage: "before", answers: five.slice(1) })).toMatchObject({ code: "bad-answer" });
    expect(await answer(ana.room, "survey", { stage: "before", answers: [...five.slice(1), { choice: 4, confidence: 4 }] })).toMatchObject({
      code: "bad-answer",
    });
    expect(await answer(ana.room, "survey", { stage: "before", answers: five.map((a) => ({ ...a, confidence: 6 })) })).toMatchObject({ code: "bad-message" });
    expect(await answer(ana.room, "survey", { stage: "after", answers: five })).toMatchObject({ code: "survey-closed" });
    const taken = nextMessage(ana.room, "debrief-mine");
    const counted = nextMessage(h.room, "survey-before");
    ana.room.send("survey", { stage: "before", answers: five });
    expect((await taken).survey).toBeUndefined();
    // The projector's lobby hears who has answered, to count them among the players who joined.
    expect(await counted).toEqual({ players: [ana.id] });
    expect(await answer(ana.room, "survey", { stage: "before", answers: five })).toMatchObject({ code: "survey-answered" });
    h.room.send("facilitate", { type: "start" });
    await until(() => h.room.state.phase === "round", "the first round");
    ana.room.send("act", { action: "volunteer" });
    const shown = nextMessage(h.room, "debrief");
    const mine = nextMessage(ana.room, "debrief-mine");
    h.room.send("facilitate", { type: "end" });
    const show = await shown;
    expect(show.current).toBe("");
    expect(show.steps.map((s) => s.id)).toEqual(expect.arrayContaining(["claims", "what-now", "close"]));
    expect((await mine).step).toBeNull();
    expect(await answer(h.room, "debrief", { step: 7 })).toMatchObject({ code: "bad-message" });
    expect(await answer(h.room, "debrief", { step: "vote" })).toMatchObject({ code: "bad-step", message: "That step is not part of this session's debrief." });
    expect(await answer(ana.room, "poll", { step: "claims", answer: 0 })).toMatchObject({ code: "bad-step" });
    const onClaims = nextMessage(ana.room, "debrief-mine");
    h.room.send("debrief", { step: "claims" });
    expect(await onClaims).toMatchObject({ step: { id: "claims" }, answer: null, closed: false });
    expect(await answer(ana.room, "poll", { step: "claims", answer: 3 })).toMatchObject({ code: "bad-answer" });
    expect(await answer(ana.room, "poll", { step: "claims", answer: 10 })).toMatchObject({ code: "bad-message" });
    const tallied = nextMessage(h.room, "debrief");
    const answered = nextMessage(ana.room, "debrief-mine");
    ana.room.send("poll", { step: "claims", answer: 2 });
    expect((await tallied).tallies.claims).toEqual([0, 0, 1]);
    expect((await answered).answer).toBe(2);
    const closed = nextMessage(ana.room, "debrief-mine");
    h.room.send("debrief", { step: "close" });
    expect(await closed).toMatchObject({ step: { id: "close" }, closed: true });
    expect(await answer(h.room, "debrief", { step: "claims" })).toMatchObject({ code: "debrief-closed" });

    const log = await game.store.commands(h.code);
    const debrief = log.filter((e) => isDebriefCommand(e.command)).map((e) => e.command);
    expect(debrief).toMatchObject([
      { kind: "survey", player: ana.id, stage: "before" },
      { kind: "debrief", step: "claims" },
      { kind: "poll", player: ana.id, step: "claims", answer: 2 },
      { kind: "debrief", step: "close" },
    ]);
    const meta = (await game.store.get(h.code))!;
    const gameOnly = log.filter((e) => !isDebriefCommand(e.command));
    expect(
      JSON.stringify(
        fold(
          meta.config,
          meta.seed,
          log.map((e) => e.command),
        ),
      ),
    ).toBe(
      JSON.stringify(
        fold(
          meta.config,
          meta.seed,
          gameOnly.map((e) => e.command),
        ),
      ),
    );
    const r = buildReplay({ meta, commands: log });
    const without = buildReplay({ meta, commands: gameOnly });
    if (isReplayProblem(r) || isReplayProblem(without)) throw new Error("no replay");
    expect(r.events).toEqual(without.events);
    expect(r.times.at(-1)).toBe(without.times.at(-1));
  });
});
