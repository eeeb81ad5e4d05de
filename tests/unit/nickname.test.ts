import { describe, expect, it } from "vitest";
import type { Command } from "../../shared/rules/commands.ts";
import { fold } from "../../shared/rules/fold.ts";
import { lookalikeKey } from "../../shared/rules/nickname-lookalike.ts";
import { Script } from "../helpers/game.ts";

function joinAttempt(g: Script, nickname: string) {
  return g.try({ kind: "join", at: g.at, nickname });
}

describe("nicknames a classroom should not see", () => {
  it.each([
    ["a NUL byte", "Ana\u0000"],
    ["a zero-width space", "\u200BAna"],
    ["a right-to-left override", "Ana\u202Eevil"],
    ["a Hangul filler that renders as nothing", "\u3164"],
    ["a blank braille cell", "\u2800\u2800"],
    ["a lone surrogate", "Ana\uD800"],
    ["a pile of combining accents", "Ana\u0301\u0302\u0303\u0304\u0305\u0306"],
    ["nothing but spaces", "   "],
    ["21 characters", "abcdefghijklmnopqrstu"],
  ])("refuses %s", (_what, name) => {
    const out = joinAttempt(new Script(), name);
    expect(out).toMatchObject({ code: "nickname-invalid" });
    expect((out as { message: string }).message.length).toBeGreaterThan(20);
  });

  it("accepts names from other scripts, accents and emoji", () => {
    const g = new Script();
    const names = ["Zoë", "José María", "李小龙", "Нина", "محمد", "Nguyễn", "Ana 🦊", "❤️"];
    const ids = g.join(...names);
    expect(ids).toHaveLength(names.length);
    expect(g.s.players[ids.at(-1)!].nickname).toBe("❤");
  });

  it("refuses a name that passes for someone already playing, and says whose", () => {
    const g = new Script();
    g.join("Alice", "Bob", "Sam");
    for (const fake of ["Аlice", "AIice", "B0b", "Ｂob", "Sarn", "ΒοΒ"]) {
      const out = joinAttempt(g, fake);
      expect(out, fake).toMatchObject({ code: expect.stringMatching(/nickname-(lookalike|taken)/) });
    }
    expect(joinAttempt(g, "Аlice")).toMatchObject({ code: "nickname-lookalike", message: expect.stringContaining('"Alice"') });
    expect(joinAttempt(g, "ALICE")).toMatchObject({ code: "nickname-taken" });
    expect(g.join("Alice2", "Bobby", "Sami")).toHaveLength(3);
  });

  it("look-alike keys fold scripts, digits and case but keep different names apart", () => {
    expect(lookalikeKey("Раураl")).toBe(lookalikeKey("Paypal"));
    expect(lookalikeKey("AIice")).toBe(lookalikeKey("alice"));
    expect(lookalikeKey("Ana")).not.toBe(lookalikeKey("Ann"));
    expect(lookalikeKey("Li")).not.toBe(lookalikeKey("Lu"));
  });

  it("refuses profanity, including leetspeak and look-alike letters, and names the part to change", () => {
    const g = new Script();
    for (const name of ["fuck", "xXfuckXx", "sh1t", "ѕhit", "Big Dick"]) {
      expect(joinAttempt(g, name), name).toMatchObject({ code: "nickname-offensive" });
    }
    expect(joinAttempt(g, "xXfuckXx")).toMatchObject({ message: expect.stringContaining('"fuck"') });
  });

  it("keeps real names that merely contain a listed word", () => {
    const g = new Script();
    const names = ["Dickens", "Scunthorpe", "Hancock", "Analise", "Cumhur", "Matsushita", "Cassie", "Dikshit", "Sam 455", "Player 80085"];
    expect(g.join(...names)).toHaveLength(names.length);
  });

  it("a ban covers the nickname in any case and its look-alikes", () => {
    const g = new Script();
    const [troll] = g.join("Troll", "Ana");
    g.host({ type: "remove", player: troll, ban: true });
    for (const name of ["Troll", "TROLL", "Tr0ll", "TroII"]) {
      expect(joinAttempt(g, name), name).toMatchObject({ code: "nickname-banned" });
    }
  });

  it("a replay of a log holding refused names ends in the same state", () => {
    const g = new Script();
    const attempts = ["Ana", "Аna", "fuck", "Bo\u200B", "Bo", "B0", "Cy"];
    const log: Command[] = attempts.map((nickname) => ({ kind: "join", at: g.at, nickname }));
    for (const c of log) g.try(c);
    expect(Object.values(g.s.players).map((p) => p.nickname)).toEqual(["Ana", "Bo", "Cy"]);
    expect(fold(g.config, 42, log)).toEqual(g.s);
  });
});

describe("locking the session", () => {
  it("refuses new players while locked and takes them again once unlocked; both are logged", () => {
    const g = new Script();
    g.join("Ana");
    const locked = g.host({ type: "lock" });
    expect(locked.events).toMatchObject([{ type: "locked", on: true }]);
    expect(joinAttempt(g, "Bo")).toMatchObject({ code: "room-locked", message: expect.stringContaining("locked") });
    expect(g.try({ kind: "facilitate", at: g.at, command: { type: "lock" } })).toMatchObject({ code: "bad-phase" });
    g.host({ type: "start" });
    g.host({ type: "unlock" });
    g.join("Bo");
    expect(g.log.filter((c) => c.kind === "facilitate").map((c) => c.kind === "facilitate" && c.command.type)).toEqual(["lock", "start", "unlock"]);
    expect(fold(g.config, 42, g.log)).toEqual(g.s);
  });

  it("late joins follow the facilitator's setting, separately from the lock", () => {
    const g = new Script({ allowLateJoin: false });
    g.join("Ana");
    g.host({ type: "start" });
    expect(joinAttempt(g, "Bo")).toMatchObject({ code: "join-closed" });
    g.host({ type: "settings", allowLateJoin: true });
    g.join("Bo");
  });
});
