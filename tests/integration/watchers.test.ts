import { Client } from "@colyseus/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServerMessages } from "../../shared/messages/messages.ts";
import { buildReplay } from "../../shared/replay/replay-index.ts";
import { isReplayProblem } from "../../shared/replay/log.ts";
import { debriefMetrics } from "../../shared/replay/metrics/index.ts";
import { host, joinAs, listen, nextMessage, startTestServer, until, type GameRoom, type TestGame } from "../helpers/server.ts";

let game: TestGame;
beforeAll(async () => {
  game = await startTestServer();
});
afterAll(() => game.shutdown());

/** A screen that only watches, with every message it receives by type. */
async function watcher(code: string, name?: string) {
  const room = (await new Client(game.url).joinById(code, { watch: true, ...(name ? { name } : {}) })) as GameRoom;
  const got: Record<string, unknown[]> = {};
  for (const type of ["welcome", "rules", "host-scores", "seat-requests", "auto-resume", "inbox", "watchers", "error", "lookup-result", "host-key"]) {
    room.onMessage(type, (m: unknown) => (got[type] ??= []).push(m));
  }
  const heard = listen(room);
  await until(() => (got.welcome?.length ?? 0) > 0, "the welcome");
  return { room, got, feed: heard.feed };
}

describe("watching screens and observers", () => {
  it("are sent the projector's view and nothing of the facilitator's, cannot act, and are never players, in the log, the metrics or the export", async () => {
    const h = await host(game, { scenario: "citizen-score-2015", overrides: { visibility: "public" } });
    const ana = await joinAs(game, h.code, "Ana");
    const ben = await joinAs(game, h.code, "Ben");
    const hostHears = nextMessage(h.room, "watchers");
    const screen = await watcher(h.code);
    const obi = await watcher(h.code, "Obi");
    expect(screen.got.welcome).toEqual([{ role: "watch", code: h.code }]);
    expect(obi.got.welcome).toEqual([{ role: "watch", code: h.code }]);
    await hostHears;
    await until(() => JSON.stringify(obi.got.watchers?.at(-1)) === JSON.stringify({ count: 2, names: ["Obi"] }), "the observer listed");
    // The lobby lists observers apart: they are not in the synced players.
    expect([...obi.room.state.players.values()].map((p) => p.nickname).sort()).toEqual(["Ana", "Ben"]);

    // An observer's name is a nickname: unique among observers, not a player's, and checked for words.
    await expect(watcher(h.code, "Obi")).rejects.toMatchObject({ code: 4402, message: expect.stringContaining("already watching") });
    await expect(watcher(h.code, "ana")).rejects.toMatchObject({ code: 4402 });
    await expect(watcher(h.code, "f-u-c-k")).rejects.toMatchObject({ code: 4412 });

    h.room.send("facilitate", { type: "start" });
    await until(() => ana.room.state.phase === "round", "the round");
    ana.room.send("act", { action: "friend-request", target: ben.id });
    ana.room.send("act", { action: "share-approved" });
    await until(() => screen.feed.some((l) => l.type === "acted" && l.actor === ana.id), "the projector's feed on the watch view");

    obi.room.send("act", { action: "share-approved" });
    obi.room.send("vote", { option: "double-guilt" });
    obi.room.send("facilitate", { type: "end" });
    await until(() => (obi.got.error?.length ?? 0) >= 3, "three refusals");
    const refusals = obi.got.error as ServerMessages["error"][];
    expect(refusals.map((e) => [e.about, e.code])).toEqual([
      ["act", "not-a-player"],
      ["vote", "not-a-player"],
      ["facilitate", "not-host"],
    ]);
    expect(refusals[0].message).toBe("You joined to watch: an observer cannot act, vote or answer. Join again with a nickname to play.");

    h.room.send("facilitate", { type: "end" });
    await until(() => obi.room.state.phase === "ended", "the end");
    for (const w of [screen, obi]) {
      for (const hostOnly of ["host-scores", "seat-requests", "auto-resume", "inbox", "host-key", "lookup-result"])
        expect(w.got[hostOnly], hostOnly).toBeUndefined();
      expect(w.got.rules?.every((r) => !("schedule" in (r as object)))).toBe(true);
    }

    // Nothing of either watching screen is in the log, so nothing is in the replay, its metrics or the export.
    const meta = (await game.store.get(h.code))!;
    const commands = await game.store.commands(h.code);
    expect(JSON.stringify(commands)).not.toContain("Obi");
    const replay = buildReplay({ meta, commands });
    if (isReplayProblem(replay)) throw new Error(replay.message);
    expect(
      Object.values(replay.players)
        .map((p) => p.nickname)
        .sort(),
    ).toEqual(["Ana", "Ben"]);
    expect(debriefMetrics(replay).rounds[0]).toBeDefined();
    const res = await fetch(`${game.url}/api/sessions/${h.code}/export.csv?table=scores`, { headers: { Authorization: `Bearer ${h.hostKey}` } });
    expect(await res.text()).not.toContain("Obi");
    await Promise.all([screen.room.leave(), obi.room.leave(), ana.room.leave(), ben.room.leave()]);
  });
});
