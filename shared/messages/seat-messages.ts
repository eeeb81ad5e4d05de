import { z } from "zod";
import type { ErrorParams } from "../rules/commands.ts";

export * from "./seat-codes.ts";

const pinSchema = z.string().regex(/^\d{6}$/, "A rejoin PIN is 6 digits.");

/** A player's join options: `pin` claims an offline seat back; `ask` asks the facilitator for it, or to let a refused name in. */
export const playerJoinOptions = z.strictObject({
  // No length here: the rules' nickname check refuses a long name with nickname-invalid (4401).
  name: z.string(),
  pin: pinSchema.optional(),
  ask: z.literal(true).optional(),
});

/** What a phone waits for after asking: its seat back, or to be let in under a name the checks refused. */
export type SeatRequestKind = "seat-back" | "admit" | "late";

/** One request as the facilitators' screens list it. */
export interface SeatRequest {
  id: string;
  kind: SeatRequestKind;
  nickname: string;
  /** For `admit`: the check's sentence in English, so the facilitator sees why the name was refused. */
  reason: string;
  /** The same sentence's catalog key and params ("errors.rule.nickname-lookalike", { name }), for screens in other languages. */
  reasonKey?: string;
  params?: ErrorParams;
}

/** The facilitator's answer to a request (`answer-request`). */
export const answerRequestMessage = z.strictObject({ id: z.string().min(1).max(40), allow: z.boolean() });
