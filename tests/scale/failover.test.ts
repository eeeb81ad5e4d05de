import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Bot } from "../../server/bots/bot.ts";
import type { FeedLine } from "../../shared/messages/messages.ts";
import { fold } from "../../shared/rules/fold.ts";
import type { GameEvent } from "../../shared/rules/events.ts";
import { until } from "../helpers/server.ts";
import { homeOf, hostSession, joinBots, reopenHost, replayFromPostgres, scoresOf, startCluster, type Cluster, type HostRoom } from "./cluster.ts";

/** What a client had been shown: the public feed and each bot's own score. */
function snapshot(host: HostRoom, lines: readonly FeedLine[], bots: Bot[]) {
  const feed = lines.map((f) => ({ seq: f.seq, type: f.type }));
  const own = bots.map((b) => ({ id: b.id, score: b.inbox.ownScore }));
  return { feed, own, players: host.state.players.size };
}

describe("a process dies mid-round", () => {
  let cluster: Cluster;
  const bots: Bot[] = [];

  beforeAll(async () => {
    cluster = await startCluster("failover");
  }, 120_000);

  afterAll(async () => {
    await Promise.all(bots.map((b) => b.leave()));
    await cluster?.stop();
  }, 60_000);

  it("the other process takes the session over, the host and the bots come back, and nothing acknowledged is lost", async () => {
    const [a] = cluster.processes;
    const host = await hostSession(a.url, { seed: 5, rounds: 2, roundSeconds: 12, actionPoints: 8 });
    host.room.reconnection.maxRetries = 0;
    const { home, other } = await homeOf(cluster, host.code);

    // Bots enter through the survivor's address, as they would through a load balancer.
    bots.push(...(await joinBots(other.url, host.code, 20, 9)));
    await until(() => host.room.state.players.size === 20, "20 players", 10_000);
    host.room.send("facilitate", { type: "start" });
    for (const bot of bots) bot.play(250);
    const scored = () => [...host.room.state.players.values()].filter((p) => p.score !== 600).length;
    await until(() => host.room.state.phase === "round" && scored() >= 15 && host.feed.length >= 30, "a busy round", 15_000);

    const seen = snapshot(host.room, host.feed, bots);
    await home.kill();

    // The survivor takes the session over by itself; the facilitator's screen finds it by code.
    const resumed = await reopenHost(other.url, host.code, host.hostKey);
    await until(() => resumed.room.state.players?.size === 20, "the resumed room holds every player", 10_000);
    expect(resumed.room.state.phase).toBe("round");
    expect(resumed.room.state.paused).toBe(true);

    // Every line of the feed and every own score a client was shown is in the shared log.
    const before = await replayFromPostgres(cluster.databaseUrl, host.code);
    const events = new Map<number, GameEvent>();
    const history = new Map<string, Set<number>>();
    fold(
      before.meta.config,
      before.meta.seed,
      before.log.map((e) => e.command),
      (evs) => {
        for (const e of evs) events.set(e.seq, e);
        for (const ev of evs) if (ev.type === "score") (history.get(ev.player) ?? history.set(ev.player, new Set()).get(ev.player)!).add(ev.score);
      },
    );
    expect(seen.feed.length).toBeGreaterThanOrEqual(20);
    for (const line of seen.feed) expect(events.get(line.seq)?.type, `feed line ${line.seq}`).toBe(line.type);
    for (const { id, score } of seen.own) if (score !== 600) expect(history.get(id)?.has(score), `${id} was shown ${score}`).toBe(true);

    await until(() => bots.every((b) => b.connected && b.rejoins >= 1), "every bot back in its seat", 60_000);
    await until(() => [...resumed.room.state.players.values()].every((p) => p.connected), "the host sees everyone connected", 10_000);
    const actsBefore = before.log.filter((e) => e.command.kind === "act").length;
    resumed.room.send("facilitate", { type: "resume" });
    await until(() => resumed.room.state.phase === "ended", "the game ends", 60_000);

    const after = await replayFromPostgres(cluster.databaseUrl, host.code);
    expect(Object.fromEntries(Object.values(after.state.players).map((p) => [p.id, p.score]))).toEqual(scoresOf(resumed.room));
    expect(after.log.filter((e) => e.command.kind === "act").length).toBeGreaterThan(actsBefore);
    expect(after.log.slice(0, before.log.length)).toEqual(before.log);
    expect(after.summary).toMatchObject({ status: "ended", players: 20 });
    expect(seen.players).toBe(20);
    await resumed.room.leave(true);
  }, 180_000);
});
