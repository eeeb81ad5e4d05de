import { Client } from "@colyseus/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SERVER_LIMITS } from "../../server/limits/limits.ts";
import { CLOSE_REQUEST_DENIED } from "../../shared/messages/seat-messages.ts";
import { host, joinAs, nextMessage, startTestServer, until, type GameRoom, type TestGame } from "../helpers/server.ts";

// The production limits: 500 seats per address and a burst of 50 seat requests, since a whole
// class shares the school's one address. Every client here comes from that one address.
let game: TestGame;
beforeAll(async () => {
  game = await startTestServer({ serverLimits: DEFAULT_SERVER_LIMITS });
});
afterAll(async () => {
  await game.shutdown();
});

const PUPPETS = 15;

describe("puppet seats at the default limits", () => {
  it("15 puppets joining mid-game to report one player wait for the facilitator and cannot act; she keeps 600; a real latecomer gets in with one click", async () => {
    const h = await host(game);
    const maya = await joinAs(game, h.code, "Maya");
    const bo = await joinAs(game, h.code, "Bo");
    const requests: { id: string; kind: string; nickname: string }[][] = [];
    h.room.onMessage("seat-requests", (list: { id: string; kind: string; nickname: string }[]) => requests.push(list));
    h.room.send("facilitate", { type: "start" });
    await until(() => maya.room.state.phase === "round", "round 1");
    expect(maya.room.state.players.get(maya.id)!.score).toBe(600);

    // The attack: 15 seats from one script, each reporting Maya at once.
    const puppets = await Promise.all(
      Array.from({ length: PUPPETS }, async (_, i) => {
        const room = (await new Client(game.url).joinById(h.code, { name: `Puppet${i + 1}` })) as GameRoom;
        const errors: string[] = [];
        room.onMessage("error", (e: { code: string }) => errors.push(e.code));
        const welcome = await nextMessage(room, "welcome");
        return { room, welcome, errors };
      }),
    );
    for (const p of puppets) expect(p.welcome).toEqual({ role: "waiting", code: h.code, request: "late" });
    for (const p of puppets) for (let n = 0; n < 3; n++) p.room.send("act", { action: "report", target: maya.id });
    await until(() => puppets.every((p) => p.errors.length === 3), "every report answered");
    for (const p of puppets) expect(p.errors).toEqual(["not-a-player", "not-a-player", "not-a-player"]);
    // One real action after them: by the time its patch is seen, every report before it was taken up.
    bo.room.send("act", { action: "volunteer" });
    await until(() => maya.room.state.players.get(bo.id)!.score === 620, "Bo's action");
    expect(maya.room.state.players.get(maya.id)!.score).toBe(600);
    expect(maya.room.state.players.size, "no puppet on the projector").toBe(2);
    const commands = await game.store.commands(h.code);
    expect(commands.filter((c) => c.command.kind === "act" && "action" in c.command && c.command.action === "report")).toEqual([]);

    // The projector lists them, each one click away from No.
    await until(() => requests.at(-1)?.length === PUPPETS, "15 requests on the projector");
    const listed = requests.at(-1)!;
    expect(listed.every((r) => r.kind === "late")).toBe(true);
    expect(listed.map((r) => r.nickname).sort()).toEqual(puppets.map((_, i) => `Puppet${i + 1}`).sort());
    const closed = puppets.map((p) => new Promise<number>((resolve) => p.room.onLeave((code: number) => resolve(code))));
    for (const r of listed) h.room.send("answer-request", { id: r.id, allow: false });
    expect(await Promise.all(closed)).toEqual(Array(PUPPETS).fill(CLOSE_REQUEST_DENIED));

    // A classmate who arrived late: one yes, and she plays.
    const zoe = (await new Client(game.url).joinById(h.code, { name: "Zoe" })) as GameRoom;
    expect(await nextMessage(zoe, "welcome")).toMatchObject({ role: "waiting", request: "late" });
    await until(() => requests.at(-1)?.some((r) => r.nickname === "Zoe") === true, "Zoe's request");
    const seated = nextMessage(zoe, "welcome");
    h.room.send("answer-request", { id: requests.at(-1)!.find((r) => r.nickname === "Zoe")!.id, allow: true });
    const welcome = await seated;
    expect(welcome).toMatchObject({ role: "player", pin: expect.stringMatching(/^\d{6}$/) });
    zoe.send("act", { action: "report", target: maya.id });
    await until(() => maya.room.state.players.get(maya.id)!.score === 575, "a player's report counts as ever");
    expect(maya.room.state.players.size).toBe(3);
  });
});
