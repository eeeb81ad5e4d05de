import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { serverRoom } from "../helpers/faults.ts";
import { browserGlobals } from "../helpers/page-connection.ts";
import { startTestServer, until, type TestGame } from "../helpers/server.ts";

describe("the page's connection after its room is gone", () => {
  let game: TestGame;
  beforeAll(async () => {
    game = await startTestServer();
    browserGlobals(game.url);
  });
  afterAll(async () => {
    vi.unstubAllGlobals();
    await game.shutdown();
  });

  it("a host whose session can no longer be resumed is told so and stops retrying", async () => {
    const { Connection } = await import("../../client/net/connection.ts");
    const conn = new Connection();
    const statuses: string[] = [];
    const errors: string[] = [];
    conn.onStatus((s) => statuses.push(s));
    conn.onError((e) => errors.push(e.message));
    const code = await conn.create({ seed: 1 });
    const tries = vi.spyOn(conn.client, "create");

    // The session's record is gone (deleted by its owner) and the room with it.
    await game.store.delete(code);
    await serverRoom(game, code).disconnect(4999);

    await until(() => statuses.at(-1) === "closed", "the connection to give up", 10_000);
    expect(errors.at(-1)).toMatch(new RegExp(`no stored session with the code ${code}`));
    const asked = tries.mock.calls.length;
    expect(asked).toBe(1);
    // Well past the slowest retry: nothing more is asked.
    await new Promise((r) => setTimeout(r, 4000));
    expect(tries.mock.calls.length).toBe(asked);
    expect(statuses.filter((s) => s === "closed")).toHaveLength(1);
    await conn.leave();
  });

  it("a player whose session is not running is told it waits for its facilitator, and is back in the seat once it resumes", async () => {
    const { Connection } = await import("../../client/net/connection.ts");
    const host = new Connection();
    const code = await host.create({ seed: 2 });
    const player = new Connection();
    const statuses: string[] = [];
    player.onStatus((s) => statuses.push(s));
    await player.join(code, "Ana");
    const seat = player.playerId;
    const hostKey = (await import("../../client/net/storage.ts")).hostKeys.get(code)!;
    await host.leave();

    await serverRoom(game, code).disconnect(4999);
    await until(() => statuses.at(-1) === "waiting", "the player told the session waits", 10_000);
    expect(statuses).not.toContain("closed");

    const back = new Connection();
    await back.host(code, hostKey);
    await until(() => statuses.at(-1) === "online", "the player back", 10_000);
    expect(player.playerId).toBe(seat);
    expect(back.room!.state.players.get(seat)?.nickname).toBe("Ana");
    await player.leave();
    await back.leave();
  });
});
