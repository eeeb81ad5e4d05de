import { describe, expect, it } from "vitest";
import { Script } from "../../helpers/game.ts";

describe("a blacklist shock", () => {
  it("blacklists exactly the players below the threshold, and leaves scores alone", () => {
    const g = new Script({ actionPoints: 10, shockBelow: 500 });
    const [ana, bo, cy, di] = g.join("Ana", "Bo", "Cy", "Di");
    g.host({ type: "start" });
    g.act(ana, "post-opinion");
    g.act(ana, "post-opinion");
    g.act(ana, "post-opinion"); // 480
    g.act(bo, "post-opinion");
    g.act(bo, "post-opinion"); // 520
    g.act(cy, "default-debt"); // 570, already blacklisted
    g.act(di, "post-opinion");
    g.act(di, "post-opinion");
    g.act(di, "buy-games");
    g.act(di, "buy-games");
    g.act(di, "share-approved"); // 600 - 80 - 30 + 10 = 500: not below
    const out = g.host({ type: "blacklist-shock" });
    expect(out.events[0]).toMatchObject({ type: "live", detail: { kind: "blacklist-shock", below: 500, players: [ana] } });
    expect(out.events[1]).toMatchObject({ type: "blacklisted", player: ana, on: true, cause: { rule: "blacklist-shock" } });
    expect([ana, bo, cy, di].map((p) => g.s.players[p].blacklisted)).toEqual([true, false, true, false]);
    expect([ana, bo, cy, di].map((p) => g.score(p))).toEqual([480, 520, 570, 500]);
    const higher = g.host({ type: "blacklist-shock", below: 530 });
    expect(higher.events[0]).toMatchObject({ detail: { below: 530, players: [bo, di] } });
  });

  it("with a travel-ban penalty, the blacklisted get fewer action points next round", () => {
    const g = new Script({ actionPoints: 3, blacklistPenaltyPoints: 1, startScore: 480 });
    const [ana] = g.join("Ana");
    g.host({ type: "start" });
    g.host({ type: "blacklist-shock", below: 490 });
    g.host({ type: "next-round" });
    expect(g.s.players[ana].actionPoints).toBe(2);
  });
});
