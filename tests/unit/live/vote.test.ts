import { describe, expect, it } from "vitest";
import { Script } from "../../helpers/game.ts";
import type { VoteOption } from "../../../shared/rules/live/types.ts";

const voteMenu: VoteOption[] = [
  { id: "double-guilt", label: "Double the friend weight", change: { rule: "friend-weight", value: 0.2 } },
  { id: "informers", label: "Reports pay 30", change: { rule: "action", action: "report", field: "self", value: 30 } },
  { id: "visa-800", label: "Visa from 800", change: { rule: "threshold", threshold: "visaAt", value: 800 } },
];

/** Ten players; p1 to p10 volunteer 0 to 9 times, so the top two are p10 (780) and p9 (760). */
function game(roundSeconds = 60) {
  const g = new Script({ voteMenu, actionPoints: 10, roundSeconds, friendWeight: 0 });
  const ids = g.join("Ana", "Bo", "Cy", "Di", "Ed", "Fi", "Gu", "Ha", "Io", "Jo");
  g.host({ type: "start" });
  ids.forEach((p, i) => {
    for (let k = 0; k < i; k++) g.act(p, "volunteer");
  });
  return { g, ids };
}

const vote = (g: Script, player: string, option: string) => g.try({ kind: "vote", at: g.at, player, option });

describe("the top 20% propose a rule", () => {
  it("only the top 20% by score may vote, once each, for an option on the menu", () => {
    const { g } = game();
    const out = g.host({ type: "vote-open" });
    expect(out.events[0]).toMatchObject({
      type: "live",
      detail: { kind: "vote-opened", options: ["double-guilt", "informers", "visa-800"], eligible: ["p10", "p9"] },
    });
    expect(vote(g, "p1", "informers")).toMatchObject({ code: "not-eligible" });
    expect(vote(g, "p10", "teleport")).toMatchObject({ code: "bad-option" });
    expect(vote(g, "p10", "informers")).toMatchObject({ events: [{ type: "voted", player: "p10", option: "informers" }] });
    expect(vote(g, "p10", "visa-800")).toMatchObject({ code: "already-voted" });
    expect(g.s.config.actions.report.self).toBe(15);
  });

  it("the majority choice is applied when the last eligible player votes", () => {
    const { g } = game();
    g.host({ type: "vote-open", share: 0.3 }); // p10, p9, p8
    vote(g, "p10", "visa-800");
    vote(g, "p9", "informers");
    const out = vote(g, "p8", "informers");
    // The facilitator opened it by hand, so its result is theirs too, not the plan's.
    expect(out).toMatchObject({
      events: [
        { type: "voted" },
        {
          type: "live",
          scheduled: false,
          detail: { kind: "vote-closed", option: "informers", tally: { "double-guilt": 0, informers: 2, "visa-800": 1 }, before: 15 },
        },
      ],
    });
    expect(g.s.config.actions.report.self).toBe(30);
    expect(g.s.config.visaAt).toBe(750);
    expect(g.s.vote).toBeNull();
    g.act("p1", "report", "p2");
    expect(g.score("p1")).toBe(630);
  });

  it("a tie goes to the option listed first; the round's end closes the vote", () => {
    const { g } = game(60);
    g.host({ type: "vote-open" });
    vote(g, "p10", "visa-800");
    vote(g, "p9", "double-guilt");
    expect(g.s.vote).toBeNull();
    expect(g.s.config.friendWeight).toBe(0.2);
    g.host({ type: "vote-open" });
    vote(g, "p10", "visa-800");
    const end = g.advance(60_000);
    expect(end.events[0]).toMatchObject({ type: "live", scheduled: false, detail: { kind: "vote-closed", option: "visa-800", before: 750 } });
    expect(g.s.config.visaAt).toBe(800);
  });

  it("a vote nobody answers changes nothing; the facilitator can close it early", () => {
    const { g } = game();
    g.host({ type: "vote-open" });
    expect(g.try({ kind: "facilitate", at: g.at, command: { type: "vote-open" } })).toMatchObject({ code: "bad-phase" });
    const out = g.host({ type: "vote-close" });
    expect(out.events).toMatchObject([{ detail: { kind: "vote-closed", option: null, change: null, before: null } }]);
    expect(g.s.config.friendWeight).toBe(0);
    expect(g.try({ kind: "facilitate", at: g.at, command: { type: "vote-close" } })).toMatchObject({ code: "no-vote" });
  });

  it("without a menu there is nothing to vote on", () => {
    const g = new Script();
    g.join("Ana");
    g.host({ type: "start" });
    expect(g.try({ kind: "facilitate", at: g.at, command: { type: "vote-open" } })).toMatchObject({ code: "no-vote" });
  });
});
