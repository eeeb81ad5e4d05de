import { describe, expect, it } from "vitest";
import { JOIN_ERRORS } from "../../shared/messages/messages.ts";
import { ADMITTABLE_JOIN_ERRORS, SEAT_ERRORS } from "../../shared/messages/seat-codes.ts";

describe("seat-claim codes", () => {
  it("the refusals a facilitator may overrule are the nickname checks' own codes", () => {
    expect([...ADMITTABLE_JOIN_ERRORS].sort()).toEqual([JOIN_ERRORS["nickname-lookalike"], JOIN_ERRORS["nickname-offensive"]].sort());
  });

  it("no seat-claim code is also a join code", () => {
    const join = new Set<number>(Object.values(JOIN_ERRORS));
    for (const code of Object.values(SEAT_ERRORS)) expect(join.has(code), String(code)).toBe(false);
  });
});
