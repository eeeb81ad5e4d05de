/**
 * The numbers of the seat-claim part of the protocol, apart from the zod schemas so the join
 * page can read them without loading a validator (docs/PROTOCOL.md lists them).
 */

/** A seat's rejoin PIN: six digits, shown once on the phone that took the seat. */
export const PIN_LENGTH = 6;

/** Join refusals of a seat claim, beside JOIN_ERRORS. */
export const SEAT_ERRORS = {
  "seat-needs-pin": 4420,
  "wrong-pin": 4421,
  "requests-full": 4422,
} as const;

/** JOIN_ERRORS' nickname-lookalike and nickname-offensive: the refusals a facilitator may overrule (tests/unit/seat-codes.test.ts keeps them equal). */
export const ADMITTABLE_JOIN_ERRORS: readonly number[] = [4411, 4412];

/** The facilitator said no to a request; the host key was changed on another screen. */
export const CLOSE_REQUEST_DENIED = 4020;
export const CLOSE_HOST_KEY_CHANGED = 4021;

/** Reconnecting with a token whose seat is in use on a live connection: refused over HTTP, not a takeover. */
export const SEAT_IN_USE = 409;
