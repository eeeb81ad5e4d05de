import { z } from "zod";

/** A seat's rejoin PIN: six digits, shown once on the phone that took the seat. */
export const PIN_LENGTH = 6;
export const pinSchema = z.string().regex(/^\d{6}$/, "A rejoin PIN is 6 digits.");

/** A player's join options: `pin` claims an offline seat back; `ask` asks the facilitator for it, or to let a refused name in. */
export const playerJoinOptions = z.strictObject({
  name: z.string().max(200),
  pin: pinSchema.optional(),
  ask: z.literal(true).optional(),
});

/** What a phone waits for after asking: its seat back, or to be let in under a name the checks refused. */
export type SeatRequestKind = "seat-back" | "admit";

/** One request as the facilitators' screens list it. */
export interface SeatRequest {
  id: string;
  kind: SeatRequestKind;
  nickname: string;
  /** For `admit`: the check's sentence, so the facilitator sees why the name was refused. */
  reason: string;
}

/** The facilitator's answer to a request (`answer-request`). */
export const answerRequestMessage = z.strictObject({ id: z.string().min(1).max(40), allow: z.boolean() });

/** From a facilitator's screen: a new host key, which signs every other facilitator screen out. */
export const rotateHostKeyMessage = z.strictObject({}).optional();

/**
 * Close codes of this part of the protocol (docs/PROTOCOL.md): the facilitator said no to a
 * request; the host key was changed on another screen.
 */
export const CLOSE_REQUEST_DENIED = 4020;
export const CLOSE_HOST_KEY_CHANGED = 4021;

/** Join refusals of a seat claim, beside JOIN_ERRORS. */
export const SEAT_ERRORS = {
  "seat-needs-pin": 4420,
  "wrong-pin": 4421,
  "requests-full": 4422,
} as const;

/** Reconnecting with a token whose seat is in use on a live connection: refused over HTTP, not a takeover. */
export const SEAT_IN_USE = 409;
