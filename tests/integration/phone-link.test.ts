import { Client } from "@colyseus/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLOSE_CODES } from "../../shared/messages/close-codes.ts";
import { LINK_EXPIRED, PHONE_LINK_SECONDS, phoneLinkUrl } from "../../shared/messages/phone-link.ts";
import { host, joinAs, nextMessage, startTestServer, until, type GameRoom, type TestGame } from "../helpers/server.ts";
import { readWorded } from "../../shared/messages/worded.ts";

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
    (e: { code: number; message: string }) => ({ code: e.code, message: readWorded(e.message).message }),
  );

const USED = "This link has expired or was used already. On the facilitator's screen, open Settings and press Control from your phone for a new one.";

async function askLink(screen: GameRoom, hostKey: string) {
  const answer = nextMessage(screen, "phone-link");
  screen.send("phone-link", { hostKey });
  return answer;
}

/** A phone opening the link: it is in the room, waiting, and says how it was closed if it is. */
async function openLink(code: string, token: string, device?: string) {
  const room = (await new Client(game.url).joinById(code, { link: token, ...(device ? { device } : {}) })) as GameRoom;
  const closed = new Promise<number>((resolve) => room.onLeave((c: number) => resolve(c)));
  return { room, closed, welcome: await nextMessage(room, "welcome") };
}

describe("control from your phone", () => {
  it("the first phone waits, holding the link, and gets the controls and the key only when the projector allows it; nobody else can take it", async () => {
    const h = await host(game);
    const link = await askLink(h.room, h.hostKey);
    expect(link.seconds).toBe(PHONE_LINK_SECONDS);
    const url = phoneLinkUrl("http://school.example", h.code, link.token);
    // What the QR code draws: the page, the code and the token; nothing of the key.
    expect(url).toBe(`http://school.example/host?code=${h.code}#link=${link.token}`);
    expect(url).not.toContain(h.hostKey);
    expect(link.token).not.toContain(h.hostKey.slice(0, 8));

    // A device hint outside the closed list is bad options, and leaves the link as it was.
    expect(await refusal(new Client(game.url).joinById(h.code, { link: link.token, device: "<b>Teacher</b>" }))).toMatchObject({ code: 4400 });

    const asked = nextMessage(h.room, "phone-link-request");
    const phone = await openLink(h.code, link.token, "iphone");
    // It waits: nothing of the key, and it cannot run anything.
    expect(phone.welcome).toEqual({ role: "waiting", code: h.code, request: "controls" });
    expect(JSON.stringify(phone.welcome)).not.toContain(h.hostKey);
    expect(await asked).toEqual({ waiting: true, device: "iphone" });
    const notYet = nextMessage(phone.room, "error");
    phone.room.send("facilitate", { type: "start" });
    expect(await notYet).toMatchObject({ code: "not-host", about: "facilitate" });

    // A student who scans the same code meanwhile is refused, told why, and takes nothing.
    expect(await refusal(new Client(game.url).joinById(h.code, { link: link.token }))).toEqual({
      code: LINK_EXPIRED,
      message:
        "Another phone opened this link first and waits for the facilitator's answer on the projector. If you are the facilitator, refuse it there and show a new code.",
    });

    // The projector allows it: the phone becomes a facilitator screen and gets the key.
    const welcomed = nextMessage(phone.room, "welcome");
    const ended = nextMessage(h.room, "phone-link-request");
    h.room.send("answer-phone-link", { allow: true });
    expect(await welcomed).toEqual({ role: "host", code: h.code, hostKey: h.hostKey });
    expect(await ended).toEqual({ waiting: false, ended: "allowed" });
    // The phone runs the game, the projector keeps the view.
    const ana = await joinAs(game, h.code, "Ana");
    phone.room.send("facilitate", { type: "start" });
    await until(() => ana.room.state.phase === "round", "the phone starts the game");

    // Used: the next scanner gets nothing, and a second answer finds no phone.
    expect(await refusal(new Client(game.url).joinById(h.code, { link: link.token }))).toEqual({ code: LINK_EXPIRED, message: USED });
    const nobody = nextMessage(h.room, "error");
    h.room.send("answer-phone-link", { allow: true });
    expect(await nobody).toMatchObject({ code: "unknown-request", about: "answer-phone-link" });
    expect(h.room.state.players.size).toBe(1);
  });

  it("Refuse closes the waiting phone with 4020 and a sentence; so do the link's expiry and a newer link (4022); a phone that leaves uses the link up", async () => {
    const h = await host(game);
    const refused = await openLink(h.code, (await askLink(h.room, h.hostKey)).token);
    const denied = nextMessage(refused.room, "error");
    const said = nextMessage(h.room, "phone-link-request");
    h.room.send("answer-phone-link", { allow: false });
    expect(await denied).toEqual({ code: "request-denied", message: "The facilitator refused this phone the controls, on the projector.", about: "join" });
    expect(await refused.closed).toBe(CLOSE_CODES.requestDenied);
    expect(await said).toEqual({ waiting: false, ended: "refused" });

    // Nobody answers for two minutes: the link expires and the phone is closed, told why.
    const late = await openLink(h.code, (await askLink(h.room, h.hostKey)).token);
    const expiredError = nextMessage(late.room, "error");
    const expired = nextMessage(h.room, "phone-link-request");
    skew += (PHONE_LINK_SECONDS + 1) * 1000;
    expect(await expiredError).toMatchObject({ code: "link-expired", about: "join" });
    expect(await late.closed).toBe(CLOSE_CODES.linkEnded);
    expect(await expired).toEqual({ waiting: false, ended: "expired" });

    // A newer link (or a new key) while a phone waits: that phone is closed, the new link is free.
    const first = await openLink(h.code, (await askLink(h.room, h.hostKey)).token);
    const second = await askLink(h.room, h.hostKey);
    expect(await first.closed).toBe(CLOSE_CODES.linkEnded);
    const leaving = await openLink(h.code, second.token);
    const left = nextMessage(h.room, "phone-link-request");
    await leaving.room.leave();
    expect(await left).toEqual({ waiting: false, ended: "left" });
    expect(await refusal(new Client(game.url).joinById(h.code, { link: second.token }))).toEqual({ code: LINK_EXPIRED, message: USED });
    expect(h.room.state.players.size).toBe(0);
  });

  it("a link expires after its two minutes; a newer link or a new host key ends the one before; only a facilitator with the key gets one or answers", async () => {
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
    // After the rotation a link carries the new key to the phone, once allowed.
    const phone = await openLink(h.code, (await askLink(h.room, hostKey)).token);
    const bo = await joinAs(game, h.code, "Bo");
    const notHost = nextMessage(bo.room, "error");
    bo.room.send("answer-phone-link", { allow: true });
    expect(await notHost).toMatchObject({ code: "not-host", about: "answer-phone-link" });
    const bad = nextMessage(h.room, "error");
    h.room.send("answer-phone-link", { allow: "yes" });
    expect(await bad).toMatchObject({ code: "bad-message", about: "answer-phone-link" });
    const welcomed = nextMessage(phone.room, "welcome");
    h.room.send("answer-phone-link", { allow: true });
    expect(await welcomed).toMatchObject({ role: "host", hostKey });

    const refusedWith = async (screen: GameRoom, key: string) => {
      const error = nextMessage(screen, "error");
      screen.send("phone-link", { hostKey: key });
      return error;
    };
    expect(await refusedWith(h.room, h.hostKey)).toMatchObject({ code: "not-host", about: "phone-link" });
    expect(await refusedWith(bo.room, hostKey)).toMatchObject({ code: "not-host", about: "phone-link" });
  });
});
