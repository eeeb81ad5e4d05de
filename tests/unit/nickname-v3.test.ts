import { describe, expect, it } from "vitest";
import { makeConfig } from "../../shared/rules/config.ts";
import { fold } from "../../shared/rules/fold.ts";
import { initialState } from "../../shared/rules/state.ts";
import { tidyTables } from "../../shared/replay/tables.ts";
import { buildReplay } from "../../shared/replay/replay-index.ts";
import { Script } from "../helpers/game.ts";

function attempt(g: Script, nickname: string, admitted?: boolean) {
  return g.try({ kind: "join", at: g.at, nickname, ...(admitted ? { admitted } : {}) });
}

/** A game as a version-2 log replays it: the checks of the time, not today's. */
function version2(): Script {
  const g = new Script();
  g.s = initialState(makeConfig(), 42, 2);
  return g;
}

describe("nicknames, rules version 3", () => {
  it.each(["f-u-c-k", "fu_ck", "phuk", "sl*t", "nazi", "1488", "f u c k", "s.h.i.t", "5h1t"])("refuses %s and quotes it", (name) => {
    const out = attempt(new Script(), name);
    expect(out).toMatchObject({ code: "nickname-offensive", message: `"${name}" is not allowed in a nickname here; choose a nickname without it.` });
  });

  it("accepts the real names the word list mistook for words, and ordinary punctuation", () => {
    const g = new Script();
    const names = ["Analia", "Cumming", "T17", "Bich", "Ignazio", "Mary-Ann", "O'Brien", "Jean-Luc", "Ana L.", "Player 14", "88 Keys"];
    expect(g.join(...names)).toHaveLength(names.length);
  });

  it("judges look-alikes with the accents stripped: Anȧ beside Ana is refused, Anȧ alone is fine", () => {
    const g = new Script();
    g.join("Ana");
    expect(attempt(g, "Anȧ")).toMatchObject({ code: "nickname-lookalike", message: expect.stringContaining('"Ana"') });
    expect(attempt(g, "Ána")).toMatchObject({ code: "nickname-lookalike" });
    expect(new Script().join("Anȧ")).toHaveLength(1);
    expect(g.join("Anabel", "Нина", "李小龙")).toHaveLength(3);
  });

  it("counts combining accents after decomposing: Zoe with four is refused however it was composed", () => {
    const four = "Zoe\u0301\u0302\u0303\u0304";
    for (const form of [four, four.normalize("NFC"), four.normalize("NFD")]) {
      expect(attempt(new Script(), form)).toMatchObject({ code: "nickname-invalid", message: expect.stringContaining("at most three") });
    }
    expect(new Script().join("Zoe\u0301\u0302\u0303", "Nguyễn", "Ậnh")).toHaveLength(3);
  });

  it("a name the facilitator admitted skips the word and look-alike checks, not the others", () => {
    const g = new Script();
    g.join("Ana");
    expect(attempt(g, "Anȧ", true)).not.toHaveProperty("code");
    expect(attempt(g, "Dick Grayson", true)).not.toHaveProperty("code");
    expect(attempt(g, "ANA", true)).toMatchObject({ code: "nickname-taken" });
    expect(attempt(g, "\u200BBo", true)).toMatchObject({ code: "nickname-invalid" });
    expect(fold(g.config, 42, g.log)).toEqual(g.s);
  });

  it("a version-2 game keeps version 2's checks, and ignores an admission", () => {
    const g = version2();
    expect(g.join("f-u-c-k", "1488", "Zoe\u0301\u0302\u0303\u0304".normalize("NFC"))).toHaveLength(3);
    expect(attempt(g, "Analia")).toMatchObject({ code: "nickname-offensive" });
    expect(attempt(g, "Analia", true)).toMatchObject({ code: "nickname-offensive" });
    g.join("Ana");
    expect(g.join("Anȧ")).toHaveLength(1);
    expect(fold(g.config, 42, g.log, undefined, 2)).toEqual(g.s);
  });
});

describe("removal keeps the score, rules version 3", () => {
  function removedAt550() {
    const g = new Script();
    const [maya, bo] = g.join("Maya", "Bo");
    g.host({ type: "start" });
    g.s.players[maya].score = 550;
    g.log.length = 0;
    return { g, maya, bo };
  }

  it("a player removed without a ban returns, in any letter case, as the same player with the same score", () => {
    const g = new Script();
    const [maya] = g.join("Maya", "Bo");
    g.host({ type: "start" });
    for (let i = 0; i < 2; i++) g.act(maya, "report", "p2");
    const before = g.score(maya);
    expect(before).not.toBe(g.config.startScore);
    g.host({ type: "remove", player: maya });
    expect(g.s.players[maya]).toBeUndefined();
    const [back] = g.join("MAYA");
    expect(back).toBe(maya);
    expect(g.score(back)).toBe(before);
    expect(Object.keys(g.s.players)).toHaveLength(2);
    expect(fold(g.config, 42, g.log)).toEqual(g.s);

    const log = {
      meta: { code: "ABCDE", createdAt: 0, seed: 42, rulesVersion: 3, config: g.config },
      commands: g.log.map((command, i) => ({ seq: i + 1, command })),
    };
    const tables = tidyTables(log);
    if ("code" in tables) throw new Error(tables.message);
    g.host({ type: "end" });
    const ended = tidyTables({ ...log, commands: g.log.map((command, i) => ({ seq: i + 1, command })) });
    if ("code" in ended) throw new Error(ended.message);
    const final = ended.scores.filter((r) => r.round === 1);
    expect(final.map((r) => r.player).sort()).toEqual(["p1", "p2"]);
    const replay = buildReplay({ meta: { ...log.meta, createdAt: 0 }, commands: g.log.map((command, i) => ({ seq: i + 1, command })) });
    if ("code" in replay) throw new Error(replay.message);
    expect(new Set(replay.events.filter((e) => e.type === "player-joined").map((e) => e.type === "player-joined" && e.player))).toEqual(new Set(["p1", "p2"]));
  });

  it("the facilitator may reset the score: the same player returns at the start score", () => {
    const { g, maya } = removedAt550();
    g.host({ type: "remove", player: maya, resetScore: true });
    const [back] = g.join("Maya");
    expect(back).toBe(maya);
    expect(g.score(back)).toBe(g.config.startScore);
  });

  it("a ban still keeps the name out, and a version-2 game still gives a new seat at the start score", () => {
    const { g, maya } = removedAt550();
    g.host({ type: "remove", player: maya, ban: true });
    expect(attempt(g, "maya")).toMatchObject({ code: "nickname-banned" });
    const old = version2();
    const [p] = old.join("Maya");
    old.s.players[p].score = 550;
    old.host({ type: "remove", player: p });
    const [again] = old.join("Maya");
    expect(again).not.toBe(p);
    expect(old.score(again)).toBe(old.config.startScore);
  });
});
