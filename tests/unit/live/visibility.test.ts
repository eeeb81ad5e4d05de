import { describe, expect, it } from "vitest";
import { Script } from "../../helpers/game.ts";
import { ownSight, publicLeaderboard, publicSight } from "../../../shared/rules/view.ts";

function game(visibility: "hidden" | "owner" | "public") {
  const g = new Script({ visibility, actionPoints: 5 });
  const [ana, bo] = g.join("Ana", "Bo");
  g.host({ type: "start" });
  g.act(ana, "volunteer"); // 620
  return { g, ana, bo };
}

describe("score visibility: hidden, owner only (voluntary), public (mandatory)", () => {
  it("hidden: nobody sees a score, not even its owner, and there is nothing to look up", () => {
    const { g, ana, bo } = game("hidden");
    const p = g.s.players[ana];
    expect(publicSight(g.s, p)).toBeNull();
    expect(ownSight(g.s, p)).toBeNull();
    expect(publicLeaderboard(g.s)).toEqual([]);
    expect(g.tryAct(ana, "lookup", bo)).toMatchObject({ code: "scores-hidden" });
  });

  it("owner: each sees their own; opting in shows it to everyone; no leaderboard", () => {
    const { g, ana } = game("owner");
    const p = g.s.players[ana];
    expect(ownSight(g.s, p)).toEqual({ score: 620, tier: "standard" });
    expect(publicSight(g.s, p)).toBeNull();
    const out = g.send({ kind: "show-score", at: g.at, player: ana, on: true });
    expect(out.events).toMatchObject([{ type: "score-shown", player: ana, on: true }]);
    expect(publicSight(g.s, p)).toEqual({ score: 620, tier: "standard" });
    expect(publicLeaderboard(g.s)).toEqual([]);
  });

  it("public: every score and the leaderboard", () => {
    const { g, ana, bo } = game("public");
    expect(publicSight(g.s, g.s.players[bo])).toEqual({ score: 600, tier: "standard" });
    expect(publicLeaderboard(g.s)).toEqual([ana, bo]);
  });

  it("the facilitator's switch is a live event in the log, and opting in matters only in owner mode", () => {
    const { g, ana } = game("hidden");
    g.send({ kind: "show-score", at: g.at, player: ana, on: true });
    expect(publicSight(g.s, g.s.players[ana])).toBeNull();
    const out = g.host({ type: "visibility", mode: "owner" });
    expect(out.events).toMatchObject([{ type: "live", round: 1, scheduled: false, detail: { kind: "visibility", mode: "owner", before: "hidden" } }]);
    expect(g.s.live).toHaveLength(1);
    expect(publicSight(g.s, g.s.players[ana])).toEqual({ score: 620, tier: "standard" });
    g.host({ type: "visibility", mode: "public" });
    expect(g.s.visibility).toBe("public");
    expect(g.try({ kind: "facilitate", at: g.at, command: { type: "visibility", mode: "public" } })).toMatchObject({ code: "bad-change" });
  });
});
