import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bindClassroom } from "../../client/net/bind-classroom.ts";
import { ClassroomModel } from "../../client/view/classroom-model.ts";
import { host, joinAs, startTestServer, until, type TestGame } from "../helpers/server.ts";

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

    expect(projector.players.get(bo.id)!.last).toEqual({ delta: -10, rule: "friend-spillover", actor: ana.id, action: "post-opinion" });
    expect(projector.order).toEqual([bo.id, ana.id]);
    expect(changes).toContain("Bo 600->590");
    expect(phone.private.incomingRequests).toEqual([]);
    const seqs = projector.feedItems.map((f) => f.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(projector.feedItems.some((f) => f.type === "friends")).toBe(true);

    bo.room.send("act", { action: "unfriend", target: ana.id });
    await until(() => projector.friendships.size === 0, "unfriending in the view");
    h.room.send("facilitate", { type: "remove", player: ana.id });
    await until(() => !projector.players.has(ana.id), "removal in the view");
    expect(projector.nameOf(ana.id)).toBe("Ana");
  });
});
