import { describe, expect, it } from "vitest";
import { keyedDraw } from "../../../shared/rules/luck.ts";
import { Script } from "../../helpers/game.ts";

const NAMES = ["Ana", "Bo", "Cy", "Di", "Ed", "Fi", "Gu", "Ha", "Io", "Jo"];

function game(seed = 42, rulesVersion?: number) {
  const g = new Script({ actionPoints: 5, auditShare: 0.2, auditPoints: 30 }, seed, rulesVersion);
  const ids = g.join(...NAMES);
  g.host({ type: "start" });
  return { g, ids };
}

function auditOf(events: { type: string }[]) {
  const live = events[0];
  if (live.type !== "live" || !("detail" in live) || (live as { detail: { kind: string } }).detail.kind !== "audit") throw new Error("no audit event first");
  return (live as unknown as { detail: { players: string[]; points: number; deductions: number[]; wrong: number } }).detail;
}

describe("a random audit", () => {
  it("takes 30 points from the 20% whose keyed draws are lowest, and marks exactly one deduction as the mistake", () => {
    const { g, ids } = game();
    const out = g.host({ type: "audit" });
    const audit = auditOf(out.events);
    // Each player draws under "audit:<round>:<n-th audit of the round>:<nickname>": Ed 0.04 and Io 0.04 are lowest for seed 42.
    const lowest = [...NAMES].sort((a, b) => keyedDraw(42, `audit:1:1:${a}`) - keyedDraw(42, `audit:1:1:${b}`)).slice(0, 2);
    expect(lowest).toEqual(["Ed", "Io"]);
    expect(audit.players).toEqual(["p5", "p9"]);
    expect(audit.points).toBe(30);
    expect(ids.map((p) => g.score(p))).toEqual([600, 600, 600, 600, 570, 600, 600, 600, 570, 600]);
    expect(audit.deductions).toEqual([out.events[1].seq, out.events[2].seq]);
    const wrong = ids.flatMap((p) => g.s.players[p].deductions.filter((d) => d.wrong));
    expect(wrong).toHaveLength(1);
    expect(wrong[0].id).toBe(audit.wrong);
    const mistaken = keyedDraw(42, "audit:1:1:mistake:Ed") < keyedDraw(42, "audit:1:1:mistake:Io") ? 0 : 1;
    expect(audit.wrong).toBe(audit.deductions[mistaken]);
  });

  it("the same seed draws the same sample; another seed may not", () => {
    const a = game(42).g.host({ type: "audit" }).events[0];
    const b = game(42).g.host({ type: "audit" }).events[0];
    expect(a).toEqual(b);
    expect(auditOf(game(7).g.host({ type: "audit" }).events).players).toEqual(["p1", "p3"]);
  });

  it("a player's luck does not depend on who else is in the game, nor on draws before it", () => {
    const { g } = game();
    g.act("p2", "default-debt");
    g.host({ type: "audit" }); // the second world draws nothing here, yet its next audit is the same
    const second = auditOf(g.host({ type: "audit" }).events);
    const fresh = new Script({ actionPoints: 5, auditShare: 0.2, auditPoints: 30 }, 42);
    fresh.join(...NAMES.filter((n) => n !== "Bo"), "Bo");
    fresh.host({ type: "start" });
    fresh.host({ type: "audit" });
    const again = auditOf(fresh.host({ type: "audit" }).events);
    const names = (s: Script, ids: string[]) => ids.map((id) => s.s.players[id].nickname).sort();
    expect(names(fresh, again.players)).toEqual(names(g, second.players));
  });

  it("an appeal against the mistaken deduction is always upheld", () => {
    const { g } = game();
    const audit = auditOf(g.host({ type: "audit" }).events);
    const [mistake, other] = audit.wrong === audit.deductions[0] ? audit.players : [...audit.players].reverse();
    const out = g.act(mistake, "appeal");
    expect(out.events).toMatchObject([
      { type: "acted" },
      { type: "appeal", reversed: true },
      { type: "score", player: mistake, delta: 30, cause: { rule: "appeal-upheld" } },
    ]);
    expect(g.score(mistake)).toBe(600);
    // The other appeal is a coin keyed by the deduction: whose, which rule, when, and its place among theirs then.
    const upheld = keyedDraw(42, `appeal:${g.s.players[other].nickname}:audit:${g.at}:0`) < 0.5;
    expect(g.act(other, "appeal").events).toMatchObject([{ type: "acted" }, { type: "appeal", reversed: upheld }]);
    expect(g.score(other)).toBe(upheld ? 600 : 570);
  });

  it("under rules version 2 draws from the one stream, as sessions recorded then did", () => {
    const { g, ids } = game(42, 2);
    const out = g.host({ type: "audit" });
    const audit = auditOf(out.events);
    expect(audit.players).toEqual(["p6", "p7"]);
    expect(ids.map((p) => g.score(p))).toEqual([600, 600, 600, 600, 600, 570, 570, 600, 600, 600]);
    expect(audit.wrong).toBe(audit.deductions[1]);
    expect(auditOf(game(7, 2).g.host({ type: "audit" }).events).players).toEqual(["p1", "p2"]);
    // p6's appeal is the stream's fourth draw of seed 42 (0.67, after the audit's three): above the 50% chance, it fails.
    expect(g.act("p7", "appeal").events).toMatchObject([{ type: "acted" }, { type: "appeal", reversed: true }, { type: "score", player: "p7", delta: 30 }]);
    expect(g.act("p6", "appeal").events).toMatchObject([{ type: "acted" }, { type: "appeal", reversed: false }]);
  });

  it("needs a running game and sane numbers", () => {
    const g = new Script();
    g.join("Ana");
    expect(g.try({ kind: "facilitate", at: g.at, command: { type: "audit" } })).toMatchObject({ code: "bad-phase" });
    g.host({ type: "start" });
    expect(g.try({ kind: "facilitate", at: g.at, command: { type: "audit", share: 0 } })).toMatchObject({ code: "bad-change" });
    expect(g.try({ kind: "facilitate", at: g.at, command: { type: "audit", points: 0 } })).toMatchObject({ code: "bad-change" });
    const out = g.host({ type: "audit", share: 0.01, points: 45 });
    expect(g.score("p1")).toBe(555);
    expect(out.events[0]).toMatchObject({ detail: { players: ["p1"] } });
  });
});
