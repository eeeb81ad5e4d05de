import { CLOSE_CODES } from "../../shared/messages/close-codes.ts";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { SqliteStore } from "../../server/storage/sqlite-store.ts";
import { ROOM_NAME, type ServerMessages } from "../../shared/messages/messages.ts";
import { host, joinAs, startTestServer, until, type GameRoom, type TestGame } from "../helpers/server.ts";

/** A real SQLite store whose appends can be made to fail, as a full disk or a lost database would. */
function breakableStore() {
  const dir = mkdtempSync(join(tmpdir(), "citizen-broken-"));
  const store = new SqliteStore(dir);
  const appendMany = store.appendMany.bind(store);
  const control = { broken: false };
  store.appendMany = async (...args) => {
    if (control.broken) throw Object.assign(new Error("database or disk is full"), { code: "SQLITE_FULL" });
    return appendMany(...args);
  };
  return { store, control, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

describe("when the session log cannot be written", () => {
  let game: TestGame | undefined;
  let cleanup: (() => void) | undefined;

  afterEach(async () => {
    await game?.shutdown();
    cleanup?.();
  });

  it("the room stops without showing the unsaved command, and resumes from what was saved", async () => {
    const { store, control, remove } = breakableStore();
    cleanup = remove;
    game = await startTestServer({ store });
    const h = await host(game);
    const ana = await joinAs(game, h.code, "Ana");
    h.room.send("facilitate", { type: "start" });
    await until(() => ana.room.state.phase === "round", "round");
    ana.room.send("act", { action: "volunteer" });
    await until(() => h.room.state.players.get(ana.id)?.score === 620, "the first action is shown");

    control.broken = true;
    const closed = new Promise<number>((resolve) => ana.room.onLeave((code) => resolve(code)));
    const told = new Promise<ServerMessages["error"]>((resolve) => ana.room.onMessage("error", resolve));
    ana.room.send("act", { action: "volunteer" });
    expect(await closed).toBe(CLOSE_CODES.sessionStopped);
    // Every screen is told why, in words a class can act on, before it is disconnected.
    expect(await told).toEqual({
      code: "storage-failed",
      about: "session",
      message:
        "The session stopped because the server's disk is full, so nothing more could be saved. Nothing anyone was shown is lost; it comes back as soon as the facilitator's screen can resume it.",
      // Each screen words it in its own language from the kind of trouble.
      key: "errors.storage.stopped",
      params: { trouble: "full" },
    });
    expect(h.room.state.players.get(ana.id)!.score).toBe(620);
    expect((await store.commands(h.code)).filter((e) => e.command.kind === "act")).toHaveLength(1);

    control.broken = false;
    let resumed: GameRoom | undefined;
    const deadline = Date.now() + 5000;
    while (!resumed && Date.now() < deadline) {
      resumed = (await game.sdk.create(ROOM_NAME, { resume: h.code, hostKey: h.hostKey }).catch(() => undefined)) as GameRoom | undefined;
      if (!resumed) await new Promise((r) => setTimeout(r, 100));
    }
    expect(resumed, "resume after the storage came back").toBeDefined();
    const back = await joinAs(game, h.code, "Ana", ana.pin);
    expect(back.id).toBe(ana.id);
    expect(back.room.state.players.get(ana.id)!.score).toBe(620);
    expect(back.room.state.paused).toBe(true);
  });
});
