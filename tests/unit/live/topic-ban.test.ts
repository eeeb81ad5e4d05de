import { describe, expect, it } from "vitest";
import { Script } from "../../helpers/game.ts";

const topics = [
  { id: "corruption", label: "Corruption" },
  { id: "sport", label: "Sport" },
];

function game() {
  const g = new Script({ topics, actionPoints: 10, topicBanPenalty: 30 });
  const ids = g.join("Ana", "Bo", "Cy");
  g.host({ type: "start" });
  return { g, ids };
}

const post = (g: Script, player: string, action: "share-approved" | "post-opinion", topic?: string) =>
  g.send({ kind: "act", at: g.at, player, action, ...(topic ? { topic } : {}) });

describe("banning a topic", () => {
  it("retroactively penalises exactly the past posts on that topic, once per post", () => {
    const { g, ids } = game();
    const [ana, bo, cy] = ids;
    const a1 = post(g, ana, "share-approved", "corruption").events[0].seq; // ana 610
    const a2 = post(g, ana, "post-opinion", "corruption").events[0].seq; // ana 570
    post(g, ana, "share-approved", "sport"); // ana 580
    const b1 = post(g, bo, "share-approved", "corruption").events[0].seq; // bo 610
    post(g, bo, "share-approved"); // bo 620, no topic
    post(g, cy, "post-opinion", "sport"); // cy 560
    const out = g.host({ type: "ban-topic", topic: "corruption", retroactive: true, penalty: 25 });
    expect([g.score(ana), g.score(bo), g.score(cy)]).toEqual([530, 595, 560]);
    expect(out.events[0]).toMatchObject({
      type: "live",
      detail: { kind: "topic-ban", topic: "corruption", retroactive: true, penalty: 25, posts: [a1, a2, b1], players: [ana, bo] },
    });
    const penalties = out.events.filter((e) => e.type === "score");
    expect(penalties.map((e) => e.type === "score" && [e.player, e.delta, e.cause.rule])).toEqual([
      [ana, -25, "topic-ban"],
      [ana, -25, "topic-ban"],
      [bo, -25, "topic-ban"],
    ]);
    expect(g.s.players[ana].deductions.filter((d) => d.rule === "topic-ban")).toHaveLength(2);
  });

  it("without retroaction, past posts stay unpunished and each new post on the topic pays the penalty", () => {
    const { g, ids } = game();
    const [ana, bo] = ids;
    post(g, ana, "share-approved", "corruption"); // 610
    g.host({ type: "ban-topic", topic: "corruption" });
    expect(g.score(ana)).toBe(610);
    const out = post(g, bo, "share-approved", "corruption"); // 610 - 30
    expect(g.score(bo)).toBe(580);
    expect(out.events.map((e) => e.type)).toEqual(["acted", "score", "score"]);
    post(g, bo, "share-approved", "sport");
    expect(g.score(bo)).toBe(590);
  });

  it("a ban reaching back after a later ban adds nothing twice, and bad topics are refused", () => {
    const { g, ids } = game();
    const [ana] = ids;
    expect(g.try({ kind: "facilitate", at: g.at, command: { type: "ban-topic", topic: "weather" } })).toMatchObject({ code: "bad-topic" });
    expect(g.tryAct(ana, "volunteer")).not.toHaveProperty("code");
    expect(g.try({ kind: "act", at: g.at, player: ana, action: "volunteer", topic: "sport" })).toMatchObject({ code: "bad-topic" });
    expect(g.try({ kind: "act", at: g.at, player: ana, action: "share-approved", topic: "weather" })).toMatchObject({ code: "bad-topic" });
    g.host({ type: "ban-topic", topic: "sport", retroactive: true });
    expect(g.try({ kind: "facilitate", at: g.at, command: { type: "ban-topic", topic: "sport", retroactive: true } })).toMatchObject({ code: "bad-topic" });
  });
});
