import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { byStanding } from "../../shared/rules/state.ts";
import { host, joinAs, listen, nextMessage, startTestServer, until, type GameRoom, type TestGame } from "../helpers/server.ts";

let game: TestGame;
beforeAll(async () => {
  game = await startTestServer();
});
afterAll(async () => {
  await game.shutdown();
});

describe("the classroom room over real sockets", () => {
  it("a host creates a session with a 5-character code and players join by it", async () => {
    const h = await host(game);
    expect(h.code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{5}$/);
    expect(h.hostKey.length).toBeGreaterThan(16);
    const ana = await joinAs(game, h.code, "Ana");
    await until(() => h.room.state.players.size === 1, "host sees Ana");
    expect(h.room.state.players.get(ana.id)!.score).toBe(600);
    expect(h.room.state.phase).toBe("lobby");
  });

  it("a friend's action moves the other friend's score as a third client sees it", async () => {
    const h = await host(game, { actionPoints: 5 });
    const ana = await joinAs(game, h.code, "Ana");
    const bo = await joinAs(game, h.code, "Bo");
    const cy = await joinAs(game, h.code, "Cy");
    h.room.send("facilitate", { type: "start" });
    await until(() => cy.room.state.phase === "round", "round starts");
    ana.room.send("act", { action: "friend-request", target: bo.id });
    await until(() => bo.inbox().incomingRequests.length === 1, "Bo sees the request");
    bo.room.send("act", { action: "accept-friend", target: ana.id });
    await until(() => cy.room.state.friendships.size === 1, "Cy sees the friendship");
    ana.room.send("act", { action: "post-opinion" });
    await until(() => cy.room.state.players.get(bo.id)!.score === 590, "Cy sees Bo's score drop");
    const boSeenByCy = cy.room.state.players.get(bo.id)!;
    // Why it moved is Bo's to know: his inbox says, other screens get only the amount.
    await until(() => bo.inbox().lastChange?.rule === "friend-spillover", "Bo learns why");
    expect(bo.inbox().lastChange).toMatchObject({ delta: -10, rule: "friend-spillover", actor: ana.id, action: "post-opinion" });
    expect(Object.keys(boSeenByCy.toJSON())).not.toContain("lastActor");
    expect(cy.inbox().lastChange).toBeNull();
    expect(cy.room.state.players.get(ana.id)!.score).toBe(560);
    const board = [...cy.room.state.players.values()].sort(byStanding).map((p) => p.id);
    expect(board).toEqual([cy.id, bo.id, ana.id]);
  });

  it("the feed reaches the facilitator's screens after the patch that shows what it describes; phones get the rounds; a late screen gets the recent lines", async () => {
    const h = await host(game);
    const ana = await joinAs(game, h.code, "Ana");
    const bo = await joinAs(game, h.code, "Bo");
    h.room.send("facilitate", { type: "start" });
    await until(() => h.room.state.phase === "round", "round");
    // A batch shows at most 3 lines, rarer kinds first: let the joins and the start go out first,
    // or Ana's move can land in their batch and be left out of it.
    await until(() => h.feed.some((l) => l.type === "phase" && l.action === "round-started"), "the round's start on the projector");
    await until(() => bo.feed.some((l) => l.type === "phase" && l.action === "round-started"), "the round's start on Bo's phone");
    let anaScoreWhenTheProjectorReadTheLine = 0;
    h.onFeed((lines) => {
      if (lines.some((l) => l.type === "acted" && l.actor === ana.id && l.action === "volunteer"))
        anaScoreWhenTheProjectorReadTheLine = h.room.state.players.get(ana.id)!.score;
    });
    ana.room.send("act", { action: "volunteer" });
    await until(() => bo.room.state.players.get(ana.id)!.score === 620, "Bo sees Ana's new score");
    expect((await game.store.commands(h.code)).some((e) => e.command.kind === "act" && e.command.action === "volunteer")).toBe(true);
    await until(() => anaScoreWhenTheProjectorReadTheLine !== 0, "the projector's feed shows Ana volunteering");
    expect(anaScoreWhenTheProjectorReadTheLine).toBe(620);
    // A phone announces the game's phases and shows nothing else of the feed: it is not sent the rest.
    h.room.send("facilitate", { type: "pause" });
    await until(() => bo.feed.some((l) => l.action === "paused"), "the pause on Bo's phone");
    expect(bo.feed.every((l) => l.type === "phase")).toBe(true);
    const projector = await game.sdk.joinById(h.code, { hostKey: h.hostKey });
    const late = listen(projector as GameRoom);
    await until(() => late.feed.some((l) => l.action === "paused"), "the recent lines on a projector opened late");
    expect(late.feed.filter((l) => l.action === "volunteer")).toMatchObject([{ actor: ana.id, round: 1 }]);
    expect(late.feed.some((l) => l.type === "player-joined" && l.actor === bo.id)).toBe(true);
    const seqs = late.feed.map((l) => l.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    const cy = await joinAs(game, h.code, "Cy");
    await until(() => cy.feed.some((l) => l.action === "paused"), "the recent phases on Cy's phone");
    expect(cy.feed.every((l) => l.type === "phase")).toBe(true);
  });

  it("private data reaches only its owner: requests and who looked", async () => {
    const h = await host(game);
    const ana = await joinAs(game, h.code, "Ana");
    const bo = await joinAs(game, h.code, "Bo");
    h.room.send("facilitate", { type: "start" });
    await until(() => ana.room.state.phase === "round", "round");
    const result = nextMessage(ana.room, "lookup-result");
    ana.room.send("act", { action: "lookup", target: bo.id });
    expect(await result).toMatchObject({ target: bo.id, nickname: "Bo", score: 600 });
    // The log is written in batches, but always before anything shows a command's effect.
    expect((await game.store.commands(h.code)).some((e) => e.command.kind === "act" && e.command.action === "lookup")).toBe(true);
    await until(() => bo.inbox().lookedUpBy.length === 1, "Bo learns who looked");
    expect(bo.inbox().lookedUpBy).toEqual([ana.id]);
    await new Promise((r) => setTimeout(r, 150));
    expect(ana.inboxes.every((m) => (m.lookedUpBy ?? []).length === 0)).toBe(true);
    expect(JSON.stringify(h.room.state.toJSON())).not.toContain("lookedUpBy");
  });

  it("facilitator commands from a player are refused and change nothing", async () => {
    const h = await host(game);
    const ana = await joinAs(game, h.code, "Ana");
    const err = nextMessage(ana.room, "error");
    ana.room.send("facilitate", { type: "start" });
    expect(await err).toMatchObject({ code: "not-host", about: "facilitate" });
    await new Promise((r) => setTimeout(r, 150));
    expect(h.room.state.phase).toBe("lobby");
  });

  it("malformed and unknown messages get an error, the state stays, the client stays connected", async () => {
    const h = await host(game);
    const ana = await joinAs(game, h.code, "Ana");
    h.room.send("facilitate", { type: "start" });
    await until(() => ana.room.state.phase === "round", "round");
    const bad: [string, unknown][] = [
      ["act", { action: "teleport" }],
      ["act", "not an object"],
      ["act", { action: "report", target: { $gt: "" } }],
      ["act", { action: "volunteer", extra: 1 }],
      ["facilitate", { type: "settings", rounds: -3 }],
      ["nonsense", { a: 1 }],
    ];
    for (const [type, payload] of bad) {
      const err = nextMessage(ana.room, "error");
      ana.room.send(type, payload);
      const e = await err;
      expect(e.code).toMatch(/bad-message|unknown-message|not-host/);
      expect(e.message.length).toBeGreaterThan(10);
    }
    const err = nextMessage(ana.room, "error");
    ana.room.send("act", { action: "vouch", target: "p999" });
    expect(await err).toMatchObject({ code: "bad-target" });
    expect(ana.room.state.players.get(ana.id)!.score).toBe(600);
    expect(ana.room.connection.isOpen).toBe(true);
    ana.room.send("act", { action: "volunteer" });
    await until(() => ana.room.state.players.get(ana.id)!.score === 620, "a good action still works");
  });

  it("a nickname clash is a clear join error, not a silent rename", async () => {
    const h = await host(game);
    await joinAs(game, h.code, "Ana");
    await expect(game.sdk.joinById(h.code, { name: " ANA " })).rejects.toMatchObject({ code: 4402, message: expect.stringContaining("already playing") });
    await expect(game.sdk.joinById(h.code, { name: "" })).rejects.toMatchObject({ code: 4401 });
  });

  it("a second screen with the host key gets the controls; a wrong key is refused", async () => {
    const h = await host(game);
    await expect(game.sdk.joinById(h.code, { hostKey: "wrong" })).rejects.toMatchObject({ code: 4406 });
    const projector = await game.sdk.joinById(h.code, { hostKey: h.hostKey });
    await joinAs(game, h.code, "Ana");
    projector.send("facilitate", { type: "start" });
    await until(() => h.room.state.phase === "round", "round started from the second screen");
  });

  it("a dropped client reconnects to the same seat and score", async () => {
    const h = await host(game);
    const ana = await joinAs(game, h.code, "Ana");
    h.room.send("facilitate", { type: "start" });
    await until(() => ana.room.state.phase === "round", "round");
    ana.room.send("act", { action: "volunteer" });
    await until(() => h.room.state.players.get(ana.id)?.score === 620, "score");
    const token = ana.room.reconnectionToken;
    ana.room.connection.transport.close(4999, "simulated drop");
    await until(() => h.room.state.players.get(ana.id)!.connected === false, "host sees Ana disconnected");
    const again = (await ana.sdk.reconnect(token)) as GameRoom;
    await until(() => h.room.state.players.get(ana.id)!.connected === true, "Ana back");
    expect(again.sessionId).toBe(ana.room.sessionId);
    // The reconnected room has its full state one round trip after it resolves, on its own time.
    await until(() => again.state.players?.get(ana.id) !== undefined, "Ana's screen has her seat again");
    expect(again.state.players.get(ana.id)!.score).toBe(620);
    expect(h.room.state.players.size).toBe(1);
  });

  it("rejoining with the same nickname after leaving takes the seat back", async () => {
    const h = await host(game);
    const ana = await joinAs(game, h.code, "Ana");
    h.room.send("facilitate", { type: "start" });
    await until(() => ana.room.state.phase === "round", "round");
    ana.room.send("act", { action: "pay-bill" });
    await until(() => h.room.state.players.get(ana.id)?.score === 615, "score");
    await ana.room.leave(true);
    await until(() => h.room.state.players.get(ana.id)!.connected === false, "left");
    const back = await joinAs(game, h.code, "ana", ana.pin);
    expect(back.id).toBe(ana.id);
    expect(back.room.state.players.get(ana.id)!.score).toBe(615);
  });

  it("every applied command is in the log, and the log replays to the live state", async () => {
    const h = await host(game, { actionPoints: 4 });
    const ana = await joinAs(game, h.code, "Ana");
    const bo = await joinAs(game, h.code, "Bo");
    h.room.send("facilitate", { type: "start" });
    await until(() => ana.room.state.phase === "round", "round");
    ana.room.send("act", { action: "friend-request", target: bo.id });
    await until(() => bo.inbox().incomingRequests.length === 1, "request");
    bo.room.send("act", { action: "accept-friend", target: ana.id });
    ana.room.send("act", { action: "report", target: bo.id });
    h.room.send("facilitate", { type: "end" });
    await until(() => h.room.state.phase === "ended", "ended");
    const { restoreSession } = await import("../../server/rooms/restore.ts");
    const meta = (await game.store.get(h.code))!;
    const restored = restoreSession(meta, await game.store.commands(h.code));
    if ("code" in restored) throw new Error(restored.message);
    for (const p of Object.values(restored.state.players)) expect(h.room.state.players.get(p.id)!.score).toBe(p.score);
    expect(restored.state.phase).toBe("ended");
    expect((await game.store.list()).find((s) => s.code === h.code)).toMatchObject({ status: "ended", players: 2 });
  });
});
