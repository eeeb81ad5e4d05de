import { describe, expect, it } from "vitest";
import { Feed, FEED_BATCH, FEED_SIZE, isForPlayers } from "../../server/rooms/feed.ts";
import { inboxOf, PrivateData } from "../../server/rooms/private-data.ts";
import { EMPTY_INBOX, mergeInbox, type Inbox } from "../../shared/messages/inbox.ts";
import { project } from "../../server/rooms/project.ts";
import { apply } from "../../shared/rules/apply.ts";
import type { Command, FacilitatorCommand } from "../../shared/rules/commands.ts";
import { ACTION_NAMES, makeConfig } from "../../shared/rules/config.ts";
import type { GameEvent } from "../../shared/rules/events.ts";
import { seededRandom } from "../../shared/rules/rng.ts";
import { byStanding, initialState, leaderboard, type GameState } from "../../shared/rules/state.ts";
import { ClassroomState } from "../../shared/schema/classroom-state.ts";

const HOST: FacilitatorCommand[] = [
  { type: "pause" },
  { type: "resume" },
  { type: "next-round" },
  { type: "settings", actionPoints: 3 },
  { type: "visibility", mode: "hidden" },
  { type: "visibility", mode: "owner" },
  { type: "visibility", mode: "public" },
  { type: "rule-change", change: { rule: "threshold", threshold: "visaAt", value: 640 } },
  { type: "ban-topic", topic: "politics", retroactive: true, penalty: 20 },
  { type: "audit", share: 0.3, points: 15 },
  { type: "blacklist-shock", below: 590 },
  { type: "vote-open", share: 0.5 },
  { type: "vote-close" },
];

/** A busy random game: joins, every action, facilitator commands and live events (removals included), ticks. */
function randomCommands(seed: number, n: number): Command[] {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const someone = () => `p${1 + Math.floor(rnd() * 12)}`;
  const out: Command[] = [{ kind: "facilitate", at: 0, command: { type: "start" } }];
  let at = 0;
  for (let i = 0; i < n; i++) {
    at += Math.floor(rnd() * 2000);
    const r = rnd();
    if (i < 10 || r < 0.04) out.push({ kind: "join", at, nickname: `n${i}` });
    else if (r < 0.06) out.push({ kind: "facilitate", at, command: { type: "remove", player: someone() } });
    else if (r < 0.1) out.push({ kind: "facilitate", at, command: pick(HOST) });
    else if (r < 0.13) out.push({ kind: "vote", at, player: someone(), option: "reward-informers" });
    else if (r < 0.16) out.push({ kind: "show-score", at, player: someone(), on: rnd() < 0.5 });
    else if (r < 0.2) out.push({ kind: "tick", at });
    else
      out.push({
        kind: "act",
        at,
        player: someone(),
        action: pick(ACTION_NAMES),
        target: someone(),
        topic: rnd() < 0.5 ? "politics" : undefined,
        deduction: Math.floor(rnd() * 40),
      });
  }
  return out;
}

/** What every screen sees of every player, from a projection made in one go. */
function fullProjection(g: GameState, at: number): ClassroomState {
  const state = new ClassroomState();
  const joins = Object.values(g.players).map((p, i): GameEvent => ({ type: "player-joined", player: p.id, nickname: p.nickname, seq: i + 1, at }));
  project(g, state, joins, at);
  return state;
}

const shown = (state: ClassroomState) =>
  [...state.players.values()].map((p) => ({
    id: p.id,
    score: p.score,
    tier: p.tier,
    blacklisted: p.blacklisted,
    showsScore: p.showsScore,
    joinedAt: p.joinedAt,
  }));

const config = () => makeConfig({ rounds: 50, roundSeconds: 20, actionPoints: 4 });

describe("projecting the rules' state onto the synced state", () => {
  it("command by command, touching only the players the events name, gives what a full projection gives", () => {
    for (let seed = 1; seed <= 25; seed++) {
      const g = initialState(config(), seed);
      const live = new ClassroomState();
      const commands = randomCommands(seed, 400);
      for (const c of commands) {
        const out = apply(g, c);
        if (!("code" in out)) project(g, live, out.events, c.at);
      }
      const at = commands.at(-1)!.at;
      expect(shown(live), `seed ${seed}`).toEqual(shown(fullProjection(g, at)));
      expect([...live.friendships.keys()].sort(), `seed ${seed}`).toEqual(Object.keys(g.friendships).sort());
    }
  });

  it("a screen ranking the synced scores gets the rules' leaderboard", () => {
    const g = initialState(makeConfig({ rounds: 50, roundSeconds: 20, actionPoints: 4 }), 3);
    const state = new ClassroomState();
    for (const c of randomCommands(3, 300).filter((c) => !(c.kind === "facilitate" && c.command.type === "visibility"))) {
      const out = apply(g, c);
      if (!("code" in out)) project(g, state, out.events, c.at);
    }
    expect(Object.keys(g.players).length).toBeGreaterThan(5);
    expect([...state.players.values()].sort(byStanding).map((p) => p.id)).toEqual(leaderboard(g));
  });
});

describe("the private messages", () => {
  it("send every change of a player's inbox, and of a true score, in the next patch", () => {
    for (let seed = 1; seed <= 10; seed++) {
      const g = initialState(config(), seed);
      const priv = new PrivateData();
      const inboxes = new Map<string, Inbox>();
      const hostScores = new Map<string, number>();
      const lastScoreEvent = new Map<string, number>();
      let changes = 0;
      for (const c of randomCommands(seed, 500)) {
        const out = apply(g, c);
        if ("code" in out) continue;
        priv.note(g, out.events);
        for (const e of out.events) if (e.type === "score") lastScoreEvent.set(e.player, e.seq);
        const sent = priv.changes(g, () => true);
        for (const [id, update] of sent.inboxes) inboxes.set(id, mergeInbox(inboxes.get(id) ?? EMPTY_INBOX, update));
        for (const [id, score] of Object.entries(sent.hostScores ?? {})) hostScores.set(id, score);
        changes += sent.inboxes.length;
        for (const p of Object.values(g.players)) {
          expect(inboxes.get(p.id), `${p.id} after ${c.kind}`).toEqual(priv.inboxOf(g, p.id));
          expect(inboxes.get(p.id)!.lastChange?.seq, `${p.id}'s last score change`).toBe(lastScoreEvent.get(p.id));
          expect(hostScores.get(p.id), `${p.id}'s true score`).toBe(p.score);
        }
      }
      expect(changes).toBeGreaterThan(10);
    }
  });

  it("hide the own score while scores are hidden, from its owner too", () => {
    const g = initialState(config(), 1);
    for (const c of [
      { kind: "join", at: 0, nickname: "Ana" },
      { kind: "facilitate", at: 1, command: { type: "start" } },
      { kind: "act", at: 2, player: "p1", action: "post-opinion" },
    ] as Command[])
      apply(g, c);
    g.visibility = "hidden";
    expect(inboxOf(g, g.players.p1)).toMatchObject({ ownScore: 0, ownTier: "" });
    g.visibility = "owner";
    expect(inboxOf(g, g.players.p1)).toMatchObject({ ownScore: g.players.p1.score, ownTier: "standard" });
  });
});

describe("the public feed", () => {
  const acted = (seq: number): GameEvent => ({ type: "acted", player: "p1", action: "volunteer", seq, at: seq });
  const g = initialState(config(), 1);

  it("batches the lines of every command since the last batch, and a joiner gets the ones already sent", () => {
    const feed = new Feed();
    feed.add([acted(1), { type: "looked-up", by: "p1", target: "p2", score: 600, seq: 2, at: 2 }], g);
    feed.add([acted(3)], g);
    expect(feed.last).toEqual([]);
    expect(feed.takeBatch()!.map((l) => l.seq)).toEqual([1, 3]);
    expect(feed.takeBatch()).toBeUndefined();
    feed.add([acted(4)], g);
    expect(feed.last.map((l) => l.seq)).toEqual([1, 3]);
    expect(feed.takeBatch()).toEqual([{ seq: 4, type: "acted", actor: "p1", action: "volunteer", round: 0 }]);
  });

  it("stays bounded however busy the room is", () => {
    const feed = new Feed();
    for (let i = 1; i <= 500; i++) feed.add([acted(i)], g);
    const batch = feed.takeBatch()!;
    expect(batch).toHaveLength(FEED_BATCH);
    expect(batch.at(-1)!.seq).toBe(500);
    expect(feed.last).toHaveLength(FEED_SIZE);
  });

  it("in a busy batch, a round starting or a friendship outranks the hundredth post", () => {
    const feed = new Feed();
    feed.add([{ type: "phase", phase: "round", round: 2, paused: false, change: "round-started", seq: 1, at: 1 }], g);
    feed.add([{ type: "friends", a: "p1", b: "p2", seq: 2, at: 2 }], g);
    for (let i = 3; i <= 100; i++) feed.add([acted(i)], g);
    expect(feed.takeBatch()!.map((l) => l.seq)).toEqual([1, 2, ...Array.from({ length: FEED_BATCH - 2 }, (_, i) => 101 - FEED_BATCH + 2 + i)]);
  });

  it("never leaves out a phase line, the only kind a phone is sent, however many rarer lines follow it", () => {
    const feed = new Feed();
    feed.add([{ type: "phase", phase: "round", round: 2, paused: false, change: "round-started", seq: 1, at: 1 }], g);
    for (let i = 2; i <= 40; i++) feed.add([{ type: "friends", a: "p1", b: `p${i}`, seq: i, at: i }], g);
    const batch = feed.takeBatch()!;
    expect(batch.map((l) => l.seq)).toEqual([1, 39, 40]);
    expect(batch.filter(isForPlayers)).toMatchObject([{ type: "phase", action: "round-started", round: 2 }]);
  });

  it("never leaves out a join, so the projector can count a class that arrives at once", () => {
    const feed = new Feed();
    for (let i = 1; i <= 26; i++) feed.add([{ type: "player-joined", player: `p${i}`, nickname: `P${i}`, seq: i, at: i } as GameEvent], g);
    for (let i = 27; i <= 60; i++) feed.add([acted(i)], g);
    const batch = feed.takeBatch()!;
    expect(batch.filter((l) => l.type === "player-joined")).toHaveLength(26);
  });

  it("keeps a friendship that came with a class's joins: joins take no room from other lines", () => {
    const feed = new Feed();
    for (let i = 1; i <= 5; i++) feed.add([{ type: "player-joined", player: `p${i}`, nickname: `P${i}`, seq: i, at: i } as GameEvent], g);
    feed.add([{ type: "friends", a: "p1", b: "p2", seq: 6, at: 6 } as GameEvent], g);
    const batch = feed.takeBatch()!;
    expect(batch.map((l) => l.type)).toContain("friends");
  });
});
