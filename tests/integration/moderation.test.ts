import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { host, joinAs, nextMessage, startTestServer, until, type TestGame } from "../helpers/server.ts";
import { readWorded } from "../../shared/messages/worded.ts";

let game: TestGame;
beforeAll(async () => {
  game = await startTestServer();
});
afterAll(async () => {
  await game.shutdown();
});

const settle = () => new Promise((r) => setTimeout(r, 150));

describe("the facilitator's powers, over real sockets", () => {
  it("no facilitator command works without the host key, whatever a player sends", async () => {
    const h = await host(game);
    const ana = await joinAs(game, h.code, "Ana");
    const bo = await joinAs(game, h.code, "Bo");
    const attempts = [
      { type: "start" },
      { type: "lock" },
      { type: "end" },
      { type: "remove", player: bo.id, ban: true },
      { type: "settings", friendWeight: 1 },
      { type: "start", hostKey: h.hostKey },
    ];
    for (const command of attempts) {
      const err = nextMessage(ana.room, "error");
      ana.room.send("facilitate", command);
      expect(await err).toMatchObject({ code: "not-host", about: "facilitate" });
    }
    const err = nextMessage(ana.room, "error");
    ana.room.send("act", { action: "volunteer", hostKey: h.hostKey });
    expect((await err).code).toBe("bad-message");
    await settle();
    expect(h.room.state.phase).toBe("lobby");
    expect(h.room.state.locked).toBe(false);
    expect(h.room.state.players.size).toBe(2);
    await expect(game.sdk.joinById(h.code, { hostKey: `${h.hostKey}x` })).rejects.toMatchObject({ code: 4406 });
    await expect(game.sdk.joinById(h.code, { name: "Cy", hostKey: h.hostKey })).rejects.toMatchObject({ code: 4400 });
  });

  it("removing with a ban disconnects the player and keeps the nickname and its look-alikes out", async () => {
    const h = await host(game);
    const troll = await joinAs(game, h.code, "Troll");
    const ana = await joinAs(game, h.code, "Ana");
    const told = nextMessage(troll.room, "error");
    const left = new Promise<number>((resolve) => troll.room.onLeave((code) => resolve(code)));
    h.room.send("facilitate", { type: "remove", player: troll.id, ban: true });
    expect(await told).toMatchObject({ message: expect.stringContaining("removed you") });
    expect(await left).toBe(4000);
    await until(() => !ana.room.state.players.has(troll.id), "Ana no longer sees the troll");
    for (const name of ["Troll", "tRoLL", "Tr0ll"]) {
      await expect(game.sdk.joinById(h.code, { name }), name).rejects.toMatchObject({ code: 4403, message: expect.stringContaining("removed") });
    }
    await expect(game.sdk.reconnect(troll.room.reconnectionToken)).rejects.toThrow();
  });

  it("removing without a ban lets the player back in as the same player with the score they had, counted once", async () => {
    const h = await host(game);
    const bo = await joinAs(game, h.code, "Bo");
    h.room.send("facilitate", { type: "start" });
    await until(() => bo.room.state.phase === "round", "round");
    bo.room.send("act", { action: "volunteer" });
    await until(() => h.room.state.players.get(bo.id)?.score === 620, "Bo scored");
    h.room.send("facilitate", { type: "remove", player: bo.id });
    await until(() => !h.room.state.players.has(bo.id), "Bo removed");
    await expect(game.sdk.joinById(h.code, { name: "BO" }), "the score waits for its owner's PIN").rejects.toMatchObject({ code: 4420 });
    const again = await joinAs(game, h.code, "BO", bo.pin);
    expect(again.id).toBe(bo.id);
    expect(again.room.state.players.get(again.id)!.score).toBe(620);
    await until(() => h.room.state.players.get(bo.id)?.score === 620, "the projector shows Bo back at 620");
    expect(h.room.state.players.size).toBe(1);
    const listed = (await game.store.list()).find((x) => x.code === h.code);
    expect(listed?.players).toBe(1);
  });

  it("the facilitator can reset the score of a removed player: they return at the start score", async () => {
    const h = await host(game);
    const bo = await joinAs(game, h.code, "Bo");
    h.room.send("facilitate", { type: "start" });
    await until(() => bo.room.state.phase === "round", "round");
    bo.room.send("act", { action: "volunteer" });
    await until(() => h.room.state.players.get(bo.id)?.score === 620, "Bo scored");
    h.room.send("facilitate", { type: "remove", player: bo.id, resetScore: true });
    await until(() => !h.room.state.players.has(bo.id), "Bo removed");
    const again = await joinAs(game, h.code, "Bo", bo.pin);
    expect(again.id).toBe(bo.id);
    expect(again.room.state.players.get(again.id)!.score).toBe(600);
  });

  it("a locked session refuses newcomers with a clear error but gives returning players their seat", async () => {
    const h = await host(game);
    const ana = await joinAs(game, h.code, "Ana");
    h.room.send("facilitate", { type: "lock" });
    await until(() => ana.room.state.locked, "everyone sees the lock");
    await expect(game.sdk.joinById(h.code, { name: "Bo" })).rejects.toMatchObject({ code: 4410, message: expect.stringContaining("locked") });
    await ana.room.leave(true);
    await until(() => h.room.state.players.get(ana.id)?.connected === false, "Ana gone");
    const back = await joinAs(game, h.code, "Ana", ana.pin);
    expect(back.id).toBe(ana.id);
    const projector = await game.sdk.joinById(h.code, { hostKey: h.hostKey });
    projector.send("facilitate", { type: "unlock" });
    await until(() => !h.room.state.locked, "unlocked");
    await joinAs(game, h.code, "Bo");
    const lockEvents = (await game.store.commands(h.code)).filter((e) => e.command.kind === "facilitate");
    expect(lockEvents.map((e) => e.command.kind === "facilitate" && e.command.command.type)).toEqual(["lock", "unlock"]);
  });

  it("late joins are refused or allowed as the facilitator sets them", async () => {
    const h = await host(game, { allowLateJoin: false });
    await joinAs(game, h.code, "Ana");
    h.room.send("facilitate", { type: "start" });
    await until(() => h.room.state.phase === "round", "round");
    await expect(game.sdk.joinById(h.code, { name: "Late" })).rejects.toMatchObject({ code: 4404 });
    const rules = nextMessage(h.room, "rules");
    h.room.send("facilitate", { type: "settings", allowLateJoin: true });
    // The rules go out again as soon as the setting is applied: from then on the room takes late joiners.
    expect((await rules).allowLateJoin).toBe(true);
    const late = await joinAs(game, h.code, "Late");
    await until(() => late.inbox().actionPoints > 0, "the late player gets action points");
  });

  it("nickname refusals reach the person as join errors that say what to change", async () => {
    const h = await host(game);
    await joinAs(game, h.code, "Alice");
    await until(() => h.room.state.players.size === 1, "the host sees Alice");
    // Each names its own sentence and params, so a phone in any language says what to change.
    const cases: [string, number, string, Record<string, unknown>, string][] = [
      ["Аlice", 4411, "nickname-lookalike", { name: "Alice" }, '"Alice"'],
      ["xXfuckXx", 4412, "nickname-offensive", { part: "fuck" }, '"fuck"'],
      ["Ali\u200Bce", 4401, "nickname-invisible", {}, "invisible"],
      ["a".repeat(21), 4401, "nickname-length", { max: 20 }, "1 to 20"],
    ];
    for (const [name, code, reason, params, hint] of cases) {
      const refused = await game.sdk.joinById(h.code, { name }).then(
        () => undefined,
        (e: { code: number; message: string }) => ({ code: e.code, ...readWorded(e.message) }),
      );
      expect(refused, name).toMatchObject({ code, key: `errors.rule.${reason}`, message: expect.stringContaining(hint) });
      expect(refused?.params ?? {}, name).toEqual(params);
    }
    expect(h.room.state.players.size).toBe(1);
  });
});
