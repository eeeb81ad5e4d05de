import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createOptions, facilitateMessage } from "../../shared/messages/messages.ts";
import { SETTING_LIMITS, type LimitedSetting } from "../../shared/rules/limits.ts";
import { Script } from "../helpers/game.ts";

const NAMES = Object.keys(SETTING_LIMITS) as LimitedSetting[];
const range = (name: LimitedSetting) => `${SETTING_LIMITS[name].min}-${SETTING_LIMITS[name].max}`;

describe("the settings' limits, held in one place", () => {
  it("are the edges of what create and settings accept", () => {
    for (const name of NAMES) {
      const { min, max } = SETTING_LIMITS[name];
      expect(createOptions.safeParse({ [name]: min }).success, `${name} ${min}`).toBe(true);
      expect(createOptions.safeParse({ [name]: max }).success, `${name} ${max}`).toBe(true);
      expect(createOptions.safeParse({ [name]: max + 1 }).success, `${name} ${max + 1}`).toBe(false);
      expect(facilitateMessage.safeParse({ type: "settings", [name]: min - 1 }).success, `${name} ${min - 1}`).toBe(false);
    }
    expect(facilitateMessage.safeParse({ type: "round-length", seconds: SETTING_LIMITS.roundSeconds.max + 1 }).success).toBe(false);
  });

  it("are what the rules refuse, for a command that never passed the message schema (a replayed log)", () => {
    const g = new Script({}, 1);
    g.join("Ana");
    for (const name of NAMES) {
      const out = g.try({ kind: "facilitate", at: g.at, command: { type: "settings", [name]: SETTING_LIMITS[name].max + 1 } });
      expect(out, name).toMatchObject({
        code: "bad-settings",
        message: `${name} must be between ${SETTING_LIMITS[name].min} and ${SETTING_LIMITS[name].max}.`,
      });
    }
  });

  it("are the ranges docs/PROTOCOL.md gives", () => {
    const doc = readFileSync("docs/PROTOCOL.md", "utf8");
    expect(doc).toContain(`(${NAMES.map(range).join(", ")}, boolean)`);
    for (const name of ["rounds", "roundSeconds", "actionPoints"] as const) expect(doc).toContain(`\`${name}\` ${range(name)}`);
  });
});
