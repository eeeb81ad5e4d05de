import { Client } from "@colyseus/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LINK_EXPIRED, PHONE_LINK_SECONDS, phoneLinkUrl } from "../../shared/messages/phone-link.ts";
import { host, joinAs, nextMessage, startTestServer, until, type GameRoom, type TestGame } from "../helpers/server.ts";

// A clock the test moves on, to see a link outlive its two minutes without waiting them.
let skew = 0;
let game: TestGame;
beforeAll(async () => {
  game = await startTestServer({ now: () => Date.now() + skew });
});
afterAll(async () => {
  await game.shutdown();
});

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: { code: number; message: string }) => ({ code: e.code, message: e.message }),
  );

async function askLink(screen: GameRoom, hostKey: string) {
  const answer = nextMessage(screen, "phone-link");
  screen.send("phone-link", { hostKey });
  return answer;
}

describe("control from your phone", () => {
  it("the projector's link holds a one-use token, not the key; the first phone gets the controls and the key, and the link then opens nothing", async () => {
    const h = await host(game);
    const link = await askLink(h.room, h.hostKey);
    expect(link.seconds).toBe(PHONE_LINK_SECONDS);
    const url = phoneLinkUrl("http://school.example", h.code, link.token);
    // What the QR code draws: the page, the code and the token; nothing of the key.
    expect(url).toBe(`http://school.example/host?code=${h.code}#link=${link.token}`);
    expect(url).not.toContain(h.hostKey);
    expect(link.token).not.toContain(h.hostKey.slice(0, 8));

    const used = nextMessage(h.room, "phone-linked");
    const phone = (await new Client(game.url).joinById(h.code, { link: link.token })) as GameRoom;
    expect(await nextMessage(phone, "welcome")).toEqual({ role: "host", code: h.code, hostKey: h.hostKey });
    await used;
    // The phone runs the game, the projector keeps the view.
    const ana = await joinAs(game, h.code, "Ana");
    phone.send("facilitate", { type: "start" });
    await until(() => ana.room.state.phase === "round", "the phone starts the game");

    // A student who scanned the same code a moment later gets nothing.
    expect(await refusal(new Client(game.url).joinById(h.code, { link: link.token }))).toEqual({
      code: LINK_EXPIRED,
      message: "This link has expired or was used already. On the facilitator's screen, open Settings and press Control from your phone for a new one.",
    });
    expect(h.room.state.players.size).toBe(1);
  });

  it("a link expires after its two minutes; a newer link or a new host key ends the one before; only a facilitator with the key gets one", async () => {
    const h = await host(game);
    const late = await askLink(h.room, h.hostKey);
    skew += (PHONE_LINK_SECONDS + 1) * 1000;
    expect(await refusal(new Client(game.url).joinById(h.code, { link: late.token }))).toMatchObject({ code: LINK_EXPIRED });

    const first = await askLink(h.room, h.hostKey);
    const second = await askLink(h.room, h.hostKey);
    expect(await refusal(new Client(game.url).joinById(h.code, { link: first.token }))).toMatchObject({ code: LINK_EXPIRED });
    const before = await askLink(h.room, h.hostKey);
    expect(before.token).not.toBe(second.token);
    const rotated = nextMessage(h.room, "host-key");
    h.room.send("rotate-host-key");
    const { hostKey } = await rotated;
    expect(await refusal(new Client(game.url).joinById(h.code, { link: before.token }))).toMatchObject({ code: LINK_EXPIRED });
    // After the rotation a link carries the new key to the phone.
    const after = await askLink(h.room, hostKey);
    const phone = (await new Client(game.url).joinById(h.code, { link: after.token })) as GameRoom;
    expect(await nextMessage(phone, "welcome")).toMatchObject({ role: "host", hostKey });

    const refusedWith = async (screen: GameRoom, key: string) => {
      const error = nextMessage(screen, "error");
      screen.send("phone-link", { hostKey: key });
      return error;
    };
    expect(await refusedWith(h.room, h.hostKey)).toMatchObject({ code: "not-host", about: "phone-link" });
    const bo = await joinAs(game, h.code, "Bo");
    expect(await refusedWith(bo.room, hostKey)).toMatchObject({ code: "not-host", about: "phone-link" });
  });
});
