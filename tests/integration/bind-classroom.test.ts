import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bindClassroom } from "../../client/net/bind-classroom.ts";
import { ClassroomModel } from "../../client/view/classroom-model.ts";
import { Client } from "@colyseus/sdk";
import { ClassroomState } from "../../shared/schema/classroom-state.ts";
import { host, joinAs, nextMessage, startTestServer, until, type GameRoom, type TestGame } from "../helpers/server.ts";

let game: TestGame;
beforeAll(async () => {
  game = await startTestServer();
});
afterAll(async () => {
  await game.shutdown();
});

describe("the client binding turns room state into plain view calls", () => {
  it("mirrors players, friendships, scores with their cause, the leaderboard and the feed", async () => {
    const h = await host(game, { actionPoints: 5 });
    const ana = await joinAs(game, h.code, "Ana");
    const bo = await joinAs(game, h.code, "Bo");
    const projector = new ClassroomModel();
    const phone = new ClassroomModel();
    const changes: string[] = [];
    projector.subscribe({ playerChanged: (p, before) => p.score !== before.score && changes.push(`${p.nickname} ${before.score}->${p.score}`) });
    bindClassroom(h.room, projector);
    bindClassroom(bo.room, phone, bo.id);
    await until(() => projector.isReady && phone.isReady, "both views ready");
    await until(() => projector.players.size === 2, "both players in the view");

    h.room.send("facilitate", { type: "start" });
    await until(() => projector.info.phase === "round", "round in the view");
    ana.room.send("act", { action: "friend-request", target: bo.id });
    await until(() => phone.private.incomingRequests.includes(ana.id), "Bo's view shows the request");
    bo.room.send("act", { action: "accept-friend", target: ana.id });
    await until(() => projector.friends(ana.id).includes(bo.id), "friendship in the view");
    ana.room.send("act", { action: "post-opinion" });
    await until(() => projector.players.get(bo.id)?.score === 590, "Bo's new score");

    // The projector shows the amount; Bo's phone knows why.
    expect(projector.players.get(bo.id)!.last).toEqual({ delta: -10, rule: "", actor: "", action: "" });
    await until(() => phone.private.lastChange?.rule === "friend-spillover", "Bo's phone learns why");
    expect(phone.players.get(bo.id)!.last).toEqual({ delta: -10, rule: "friend-spillover", actor: ana.id, action: "post-opinion" });
    expect(projector.order).toEqual([bo.id, ana.id]);
    expect(changes).toContain("Bo 600->590");
    expect(phone.private.incomingRequests).toEqual([]);
    await until(() => projector.feedItems.some((f) => f.type === "friends"), "the friendship in the feed");
    const seqs = projector.feedItems.map((f) => f.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(projector.feedItems.some((f) => f.type === "player-joined" && f.actor === ana.id)).toBe(true);

    bo.room.send("act", { action: "unfriend", target: ana.id });
    await until(() => projector.friendships.size === 0, "unfriending in the view");
    h.room.send("facilitate", { type: "remove", player: ana.id });
    await until(() => !projector.players.has(ana.id), "removal in the view");
    expect(projector.nameOf(ana.id)).toBe("Ana");
  });

  it("mirrors who sees scores, live events, the vote, the ballot and each player's private fields", async () => {
    const h = await host(game, { scenario: "citizen-score-2015", overrides: { actionPoints: 5 } });
    const ana = await joinAs(game, h.code, "Ana");
    const bo = await joinAs(game, h.code, "Bo");
    const projector = new ClassroomModel();
    const anaPhone = new ClassroomModel();
    const boPhone = new ClassroomModel();
    bindClassroom(h.room, projector);
    bindClassroom(ana.room, anaPhone, ana.id);
    bindClassroom(bo.room, boPhone, bo.id);
    await until(() => projector.isReady && anaPhone.isReady && boPhone.isReady, "views ready");
    await until(() => projector.ballotState.open === "start", "the opening question is open");

    ana.room.send("ballot", { stage: "start", answer: 1 });
    await until(() => anaPhone.private.ballotsAnswered.includes("start"), "Ana's answer is recorded");
    // Each screen decodes the patch on its own time: the projector may be a patch behind Ana's phone.
    await until(() => projector.ballotState.startAnswers === 1, "the projector counts one answer");
    expect(boPhone.private.ballotsAnswered).toEqual([]);

    h.room.send("facilitate", { type: "start" });
    await until(() => projector.info.phase === "round", "round");
    ana.room.send("act", { action: "volunteer" });
    await until(() => projector.players.get(ana.id)?.hostScore === 620, "the host's true score");
    expect(anaPhone.info.visibility).toBe("hidden");
    expect(anaPhone.mySight()).toBeNull();
    expect(boPhone.sight(boPhone.players.get(ana.id)!)).toBeNull();
    expect(boPhone.players.get(ana.id)!.hostScore).toBeUndefined();

    h.room.send("facilitate", { type: "visibility", mode: "owner" });
    await until(() => anaPhone.mySight()?.score === 620, "Ana sees her own score");
    expect(anaPhone.private.ownTier).toBe("standard");
    await until(() => boPhone.live.at(-1)?.kind === "visibility", "the change reaches Bo's phone");
    expect(boPhone.sight(boPhone.players.get(ana.id)!)).toBeNull();
    expect(boPhone.live.at(-1)).toMatchObject({ kind: "visibility", before: "hidden", after: "owner", scheduled: false });

    h.room.send("facilitate", { type: "visibility", mode: "public" });
    h.room.send("facilitate", { type: "ban-topic", topic: "food-safety" });
    h.room.send("facilitate", { type: "vote-open" });
    await until(() => anaPhone.private.voteStatus === "eligible", "Ana may vote");
    // The vote opened last: once Bo's phone shows it, it has the visibility and the ban sent before it.
    await until(() => boPhone.voteState.open, "Bo's phone shows the vote");
    expect(boPhone.private.voteStatus).toBe("");
    expect(boPhone.voteState).toMatchObject({ open: true, eligible: 1, cast: 0 });
    expect(boPhone.info.bannedTopics).toEqual(["food-safety"]);
    expect(boPhone.sight(boPhone.players.get(ana.id)!)).toEqual({ score: 620, tier: "standard" });
    // A score that became visible has not moved: no amount until it does.
    expect(boPhone.players.get(ana.id)!.last.delta).toBe(0);

    ana.room.send("vote", { option: "brag-pays" });
    await until(() => boPhone.live.at(-1)?.kind === "vote-closed", "the result reaches Bo");
    // The facilitator opened this vote by hand: under rules version 3 its result is not "planned".
    expect(boPhone.live.at(-1)).toMatchObject({ option: "brag-pays", setting: "actions.brag.self", before: "5", after: "20", count: 1, scheduled: false });
    expect(boPhone.voteState.open).toBe(false);
    expect(boPhone.live.map((e) => e.kind)).toEqual(["visibility", "visibility", "topic-ban", "vote-opened", "vote-closed"]);
  });

  it("a reloaded page that reconnects by token is sent the rules again", async () => {
    const h = await host(game, { scenario: "ratings-at-work" });
    const ana = await joinAs(game, h.code, "Ana");
    const token = ana.room.reconnectionToken;
    ana.room.connection.close(3000);
    await until(() => h.room.state.players.get(ana.id)?.connected === false, "Ana away");
    const sdk = new Client(game.url);
    const room = (await sdk.reconnect(token, ClassroomState)) as GameRoom;
    const rules = await nextMessage(room, "rules");
    expect(rules.scenario.labels.scoreDivisor).toBe(100);
    expect(rules.schedule).toBeUndefined();
  });
});
