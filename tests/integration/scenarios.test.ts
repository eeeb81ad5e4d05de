import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { host, joinAs, nextMessage, startTestServer, until, type GameRoom, type TestGame } from "../helpers/server.ts";
import { presetById } from "../../shared/scenarios/presets.ts";
import { byStanding } from "../../shared/rules/state.ts";

let game: TestGame;
beforeAll(async () => {
  game = await startTestServer();
});
afterAll(async () => {
  await game.shutdown();
});

const settle = () => new Promise((r) => setTimeout(r, 150));
const me = (room: GameRoom, id: string) => room.state.players.get(id)!;

describe("scenarios and live events over real sockets", () => {
  it("the host picks a preset; scores hidden from everyone really are not sent, and are sent when public", async () => {
    const h = await host(game, { scenario: "citizen-score-2015", overrides: { actionPoints: 5 } });
    const ana = await joinAs(game, h.code, "Ana");
    const bo = await joinAs(game, h.code, "Bo");
    expect(h.room.state.scenario).toBe("citizen-score-2015");
    expect(h.room.state.visibility).toBe("hidden");
    h.room.send("facilitate", { type: "start" });
    await until(() => ana.room.state.phase === "round", "round");
    ana.room.send("act", { action: "volunteer" });
    await until(() => h.hostScores[ana.id] === 620, "the host sees Ana's true score");
    await settle();
    expect([me(bo.room, ana.id).score, me(bo.room, ana.id).tier]).toEqual([0, ""]);
    expect([me(ana.room, ana.id).score, ana.inbox().ownScore, ana.inbox().ownTier]).toEqual([0, 0, ""]);
    expect(ana.inboxes.length).toBeGreaterThan(0);
    expect(Object.keys(bo.hostScores)).toEqual([]);
    expect(JSON.stringify(bo.room.state.toJSON())).not.toContain("620");

    h.room.send("facilitate", { type: "visibility", mode: "owner" });
    await until(() => ana.inbox().ownScore === 620, "Ana sees her own score");
    expect(ana.inbox().ownTier).toBe("standard");
    expect(me(bo.room, ana.id).score).toBe(0);
    ana.room.send("show-score", { on: true });
    await until(() => me(bo.room, ana.id).score === 620, "Bo sees the score Ana chose to show");
    expect(me(bo.room, bo.id).score).toBe(0);

    h.room.send("facilitate", { type: "visibility", mode: "public" });
    await until(() => me(bo.room, bo.id).score === 600, "every score arrives");
    expect([...bo.room.state.players.values()].sort(byStanding).map((p) => [p.id, p.score])).toEqual([
      [ana.id, 620],
      [bo.id, 600],
    ]);
    const banners = [...bo.room.state.liveEvents].map((e) => [e.kind, e.setting, e.before, e.after, e.scheduled]);
    expect(banners).toEqual([
      ["visibility", "visibility", "hidden", "owner", false],
      ["visibility", "visibility", "owner", "public", false],
    ]);
  });

  it("an uploaded scenario that does not validate is refused with its field errors, and nothing is created", async () => {
    const bad = structuredClone(presetById("ratings-at-work")) as Record<string, any>;
    bad.schedule[0].atSecond = -1;
    bad.rules.actions.report.self = "a lot";
    const sessions = (await game.store.list()).length;
    const err = await game.sdk.create("classroom", { scenario: bad }).catch((e) => e);
    expect(err.code).toBe(400);
    expect(err.message).toContain("schedule.0.atSecond: Too small");
    expect(err.message).toContain("rules.actions.report.self: Invalid input: expected number");
    const contradictory = structuredClone(presetById("ratings-at-work")) as Record<string, any>;
    contradictory.rules.travelAt = 495;
    const err2 = await game.sdk.create("classroom", { scenario: contradictory }).catch((e) => e);
    expect(err2).toMatchObject({ code: 400, message: expect.stringContaining("rules.travelAt: must not be above visaAt (490)") });
    expect((await game.store.list()).length).toBe(sessions);
    const unknown = await game.sdk.create("classroom", { scenario: "utopia" }).catch((e) => e);
    expect(unknown).toMatchObject({ code: 400, message: expect.stringContaining('scenario: "utopia" is not a preset') });
    const override = await game.sdk.create("classroom", { scenario: "ratings-at-work", overrides: { startScore: 900 } }).catch((e) => e);
    expect(override).toMatchObject({ code: 400, message: expect.stringContaining("overrides.startScore") });
  });

  it("an uploaded scenario that validates is played, and the rules message carries its words", async () => {
    const file = { ...structuredClone(presetById("rongcheng-pilot")!), id: "my-village", title: "My village" };
    const room = (await game.sdk.create("classroom", { scenario: file, seed: 3 })) as GameRoom;
    const rules = await nextMessage(room, "rules");
    expect(rules.scenario).toMatchObject({ id: "my-village", title: "My village" });
    expect(rules.schedule?.length).toBe(5);
    const ana = await joinAs(game, room.roomId, "Ana");
    await until(() => ana.inbox().ownScore === 1000, "Ana sees her 1000 points");
    await room.leave();
    // The check names each text a translation leaves out, and the file stays playable.
    const partly = { ...file, translations: { de: { title: "Mein Dorf" } } };
    const body = JSON.stringify({ scenario: partly });
    const check = await (await fetch(`${game.url}/api/scenarios/validate`, { method: "POST", headers: { "content-type": "application/json" }, body })).json();
    expect(check.ok).toBe(true);
    expect(check.warnings).toContainEqual({ path: "translations.de.description", message: "is missing: devices set to German show it in English" });
    expect(check.warnings).toContainEqual({
      path: "translations.es",
      message: expect.stringMatching(/^is missing: devices set to Spanish show all \d+ texts in English$/),
    });
  });

  it("a retroactive ban, an audit and a vote reach every screen as banners; votes change the rules everyone is sent", async () => {
    const h = await host(game, { scenario: "free-play", overrides: { actionPoints: 6 } });
    const ana = await joinAs(game, h.code, "Ana");
    const bo = await joinAs(game, h.code, "Bo");
    h.room.send("facilitate", { type: "start" });
    await until(() => ana.room.state.phase === "round", "round");
    ana.room.send("act", { action: "share-approved", topic: "politics" });
    ana.room.send("act", { action: "volunteer" });
    await until(() => me(bo.room, ana.id).score === 630, "Ana's posts count");
    h.room.send("facilitate", { type: "ban-topic", topic: "politics", retroactive: true, penalty: 25 });
    await until(() => bo.room.state.liveEvents.length === 1, "banner");
    const ban = bo.room.state.liveEvents[0];
    expect([ban.kind, ban.topic, ban.amount, ban.retroactive, ban.count, [...ban.players]]).toEqual(["topic-ban", "politics", 25, true, 1, [ana.id]]);
    await until(() => me(bo.room, ana.id).score === 605, "the ban reaches back");
    expect([...bo.room.state.bannedTopics]).toEqual(["politics"]);
    await until(() => ana.inbox().deductions.length === 1, "Ana may appeal the deduction");
    expect(ana.inbox().deductions.map((d) => [d.amount, d.rule])).toEqual([[25, "topic-ban"]]);

    h.room.send("facilitate", { type: "vote-open", share: 0.5 });
    await until(() => ana.inbox().voteStatus === "eligible", "Ana may vote");
    await settle();
    expect(bo.inbox().voteStatus).toBe("");
    expect([...ana.room.state.vote.options]).toContain("reward-informers");
    const refused = nextMessage(bo.room, "error");
    bo.room.send("vote", { option: "reward-informers" });
    expect(await refused).toMatchObject({ code: "not-eligible", about: "vote" });
    const rulesAfterVote = nextMessage(bo.room, "rules");
    ana.room.send("vote", { option: "reward-informers" });
    const rules = await rulesAfterVote;
    expect(rules.actions.report.self).toBe(30);
    expect(rules.schedule).toBeUndefined();
    await until(() => bo.room.state.liveEvents.length === 3, "the vote's result banner");
    const result = bo.room.state.liveEvents[2];
    expect([result.kind, result.option, result.setting, result.before, result.after]).toEqual([
      "vote-closed",
      "reward-informers",
      "actions.report.self",
      "15",
      "30",
    ]);
    // Each screen decodes the patch on its own time: Bo's may be first.
    await until(() => ana.room.state.vote.open === false, "Ana's screen shows the vote closed");
  });

  it("the secret ballot shows only its aggregate, and only in the debrief", async () => {
    const h = await host(game, { scenario: "free-play", overrides: { rounds: 1 } });
    const players = await Promise.all(["Ana", "Bo", "Cy"].map((n) => joinAs(game, h.code, n)));
    await until(() => h.room.state.ballot.open === "start", "the opening question is open");
    players.forEach((p, i) => p.room.send("ballot", { stage: "start", answer: i === 2 ? 4 : 0 }));
    await until(() => h.room.state.ballot.startAnswers === 3, "three answers");
    await until(() => players[0].inbox().ballotsAnswered.length === 1, "Ana's form closes");
    expect([...h.room.state.ballot.startResults]).toEqual([]);
    h.room.send("facilitate", { type: "start" });
    await until(() => h.room.state.ballot.open === "end", "the closing question opens in the final round");
    players[0].room.send("act", { action: "post-opinion" });
    players.forEach((p) => p.room.send("ballot", { stage: "end", answer: 1 }));
    // The players' messages and the host's come over different sockets, in no set order: end the game
    // once all three answers are in (Ana's post came before her answer, on her socket).
    await until(() => h.room.state.ballot.endAnswers === 3, "three closing answers");
    h.room.send("facilitate", { type: "end" });
    await until(() => players[1].room.state.ballot.startResults.length === 5, "results in the debrief");
    expect([...players[1].room.state.ballot.startResults]).toEqual([2, 0, 0, 0, 1]);
    expect([...players[1].room.state.ballot.endResults]).toEqual([0, 3, 0, 0, 0]);
    expect([...players[1].room.state.ballot.opinionPosts, ...players[1].room.state.ballot.approvedPosts]).toEqual([1, 0]);
  });
});
