import { describe, expect, it } from "vitest";
import { Script } from "../helpers/game.ts";

function started(names: string[], overrides = {}) {
  const g = new Script({ actionPoints: 10, ...overrides });
  const ids = g.join(...names);
  g.host({ type: "start" });
  return { g, ids };
}

describe("actions move the actor's score by the configured amounts", () => {
  it.each([
    ["share-approved", 610],
    ["post-opinion", 560],
    ["buy-games", 585],
    ["buy-responsible", 605],
    ["pay-bill", 615],
    ["default-debt", 570],
    ["volunteer", 620],
    ["lookup", 600],
  ] as const)("%s takes a fresh player from 600 to %i", (action, expected) => {
    const { g, ids } = started(["Ana", "Bo"]);
    g.act(ids[0], action, action === "lookup" ? ids[1] : undefined);
    expect(g.score(ids[0])).toBe(expected);
  });

  it("an unapproved opinion costs every friend 10 points, and no one else", () => {
    const { g, ids } = started(["Ana", "Bo", "Cy", "Di"]);
    const [ana, bo, cy, di] = ids;
    g.befriend(ana, bo);
    g.befriend(ana, cy);
    const out = g.act(ana, "post-opinion");
    expect([g.score(ana), g.score(bo), g.score(cy), g.score(di)]).toEqual([560, 590, 590, 600]);
    const spill = out.events.filter((e) => e.type === "score" && e.cause.rule === "friend-spillover");
    expect(spill).toHaveLength(2);
    expect(spill.every((e) => e.type === "score" && e.cause.actor === ana && e.cause.action === "post-opinion")).toBe(true);
  });

  it("defaulting blacklists, blocks luxury spending, and paying a bill lifts it", () => {
    const { g, ids } = started(["Ana"]);
    g.act(ids[0], "default-debt");
    expect(g.s.players[ids[0]].blacklisted).toBe(true);
    expect(g.tryAct(ids[0], "buy-games")).toMatchObject({ code: "blacklisted" });
    g.act(ids[0], "pay-bill");
    expect(g.s.players[ids[0]].blacklisted).toBe(false);
    expect(g.score(ids[0])).toBe(585);
  });

  it("reporting pays the informer 15 and costs the target 25", () => {
    const { g, ids } = started(["Ana", "Bo"]);
    g.act(ids[0], "report", ids[1]);
    expect([g.score(ids[0]), g.score(ids[1])]).toEqual([615, 575]);
  });

  it("unfriending ends the link and its spillover at a cost of 5", () => {
    const { g, ids } = started(["Ana", "Bo"]);
    g.befriend(ids[0], ids[1]);
    g.act(ids[0], "unfriend", ids[1]);
    expect(g.score(ids[0])).toBe(595);
    g.act(ids[1], "post-opinion");
    expect(g.score(ids[0])).toBe(595);
    expect(g.s.friends[ids[0]]).toEqual([]);
  });

  it("vouching pays both at 650 or above", () => {
    const { g, ids } = started(["Ana", "Bo"], { startScore: 660 });
    g.befriend(ids[0], ids[1]);
    g.act(ids[0], "vouch", ids[1]);
    expect([g.score(ids[0]), g.score(ids[1])]).toEqual([665, 665]);
  });

  it("vouching for a friend below 550 costs the voucher 10; in between it does nothing", () => {
    const { g, ids } = started(["Ana", "Cy"]);
    const [ana, cy] = ids;
    g.befriend(ana, cy);
    g.act(cy, "post-opinion"); // cy 560, ana 590
    g.act(ana, "vouch", cy);
    expect([g.score(ana), g.score(cy)]).toEqual([590, 560]);
    g.act(cy, "buy-games"); // cy 545
    g.act(ana, "vouch", cy);
    expect([g.score(ana), g.score(cy)]).toEqual([580, 545]);
    expect(g.tryAct(ana, "vouch", "p9")).toMatchObject({ code: "bad-target" });
  });

  it("bragging needs 700 and pays 5", () => {
    const { g, ids } = started(["Ana"], { startScore: 690 });
    expect(g.tryAct(ids[0], "brag")).toMatchObject({ code: "not-eligible" });
    g.act(ids[0], "share-approved");
    g.act(ids[0], "brag");
    expect(g.score(ids[0])).toBe(705);
  });

  it("a lookup tells the target who looked, and costs no points", () => {
    const { g, ids } = started(["Ana", "Bo"]);
    const out = g.act(ids[0], "lookup", ids[1]);
    expect(g.s.players[ids[1]].lookedUpBy.map((l) => l.by)).toEqual([ids[0]]);
    expect(out.events.find((e) => e.type === "looked-up")).toMatchObject({ by: ids[0], target: ids[1], score: 600 });
  });

  it("mutual friend requests make friends; accepting needs a request", () => {
    const { g, ids } = started(["Ana", "Bo"]);
    expect(g.tryAct(ids[1], "accept-friend", ids[0])).toMatchObject({ code: "no-request" });
    g.act(ids[0], "friend-request", ids[1]);
    expect(g.tryAct(ids[0], "friend-request", ids[1])).toMatchObject({ code: "already-requested" });
    g.act(ids[1], "friend-request", ids[0]);
    expect(g.s.friends[ids[0]]).toEqual([ids[1]]);
    expect(g.s.players[ids[1]].incomingRequests).toEqual([]);
  });

  it("an appeal reverses a deduction with the seeded chance, once", () => {
    let reversed = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const g = new Script({ actionPoints: 10 }, seed);
      const [ana] = g.join("Ana");
      g.host({ type: "start" });
      g.act(ana, "buy-games");
      g.act(ana, "appeal");
      if (g.score(ana) === 600) reversed++;
      else expect(g.score(ana)).toBe(585);
      expect(g.tryAct(ana, "appeal")).toMatchObject({ code: "nothing-to-appeal" });
    }
    expect(reversed).toBeGreaterThan(10);
    expect(reversed).toBeLessThan(30);
  });

  it("action points run out and come back next round", () => {
    const { g, ids } = started(["Ana"], { actionPoints: 2 });
    g.act(ids[0], "volunteer");
    g.act(ids[0], "volunteer");
    expect(g.tryAct(ids[0], "volunteer")).toMatchObject({ code: "no-action-points" });
    g.host({ type: "next-round" });
    g.act(ids[0], "volunteer");
    expect(g.score(ids[0])).toBe(660);
  });

  it("a target that is not in the session, or yourself, is refused without change", () => {
    const { g, ids } = started(["Ana"]);
    const before = JSON.stringify(g.s);
    expect(g.tryAct(ids[0], "report", "p99")).toMatchObject({ code: "bad-target" });
    expect(g.tryAct(ids[0], "report", ids[0])).toMatchObject({ code: "bad-target" });
    expect(g.tryAct(ids[0], "report")).toMatchObject({ code: "bad-target" });
    expect(JSON.stringify(g.s)).toBe(before);
  });
});
