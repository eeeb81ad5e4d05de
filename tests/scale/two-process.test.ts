import { Client } from "@colyseus/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Bot } from "../../server/bots/bot.ts";
import { until } from "../helpers/server.ts";
import { homeOf, hostSession, joinBots, replayFromPostgres, roomsListed, scoresOf, startCluster, type Cluster } from "./cluster.ts";

describe("two server processes sharing Redis and PostgreSQL", () => {
  let cluster: Cluster;
  const bots: Bot[] = [];

  beforeAll(async () => {
    cluster = await startCluster("two_process");
  }, 120_000);

  afterAll(async () => {
    await Promise.all(bots.map((b) => b.leave()));
    await cluster?.stop();
  }, 60_000);

  it("a session hosted through A is played to the end by 20 bots joining through B, and PostgreSQL replays it", async () => {
    const [a] = cluster.processes;
    const host = await hostSession(a.url, { seed: 11, rounds: 2, roundSeconds: 10, actionPoints: 6 });
    const { home, other } = await homeOf(cluster, host.code);

    bots.push(...(await joinBots(other.url, host.code, 20, 3)));
    await until(() => host.room.state.players.size === 20, "the host sees 20 players", 10_000);
    host.room.send("facilitate", { type: "start" });
    for (const bot of bots) bot.play(300);
    await until(() => host.room.state.phase === "ended", "the game ends", 60_000);
    await until(() => bots.every((b) => b.room.state.phase === "ended"), "every bot sees the end", 5_000);

    const seen = scoresOf(host.room);
    expect(Object.keys(seen)).toHaveLength(20);
    for (const bot of bots) expect(bot.room.state.players.get(bot.id)!.score).toBe(seen[bot.id]);
    const actions = bots.reduce((n, b) => n + b.actions, 0);
    expect(actions).toBeGreaterThan(100);

    const stored = await replayFromPostgres(cluster.databaseUrl, host.code);
    expect(stored.state.phase).toBe("ended");
    expect(Object.fromEntries(Object.values(stored.state.players).map((p) => [p.id, p.score]))).toEqual(seen);
    expect(stored.log.filter((e) => e.command.kind === "act").length).toBeGreaterThan(50);
    expect(stored.summary).toMatchObject({ status: "ended", players: 20 });
    expect(home.output()).not.toMatch(/could not be saved|Error:/);
    await Promise.all(bots.map((b) => b.leave()));
    await host.room.leave(true);
  }, 120_000);

  it("shares one room list: a second session goes to the other process, and either address reaches both", async () => {
    const [a, b] = cluster.processes;
    // A new session goes to the process with the fewest rooms: the room of the test before, which everyone has left,
    // must be gone from the list first, or it counts against its process.
    await until(async () => (await roomsListed(cluster)) === 0, "no room left from the test before", 10_000);
    const first = await hostSession(a.url, { seed: 1 });
    const second = await hostSession(b.url, { seed: 2 });
    const homes = [(await homeOf(cluster, first.code)).home, (await homeOf(cluster, second.code)).home];
    expect(new Set(homes.map((p) => p.name)).size).toBe(2);
    for (const { code } of [first, second]) {
      for (const via of [a, b]) {
        const player = await new Client(via.url).joinById(code, { name: `Via${via.name}` });
        await until(() => player.state?.code === code, `joined ${code} through ${via.name}`);
        await player.leave(true);
      }
    }
    await first.room.leave(true);
    await second.room.leave(true);
  }, 60_000);
});
