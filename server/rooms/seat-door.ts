import type { JoinErrorCode } from "../../shared/messages/messages.ts";
import type { SEAT_ERRORS, SeatRequestKind } from "../../shared/messages/seat-messages.ts";
import { checkJoin } from "../../shared/rules/join.ts";
import { cleanNickname, nicknameKey } from "../../shared/rules/nickname.ts";
import type { GameState, PlayerId } from "../../shared/rules/state.ts";
import { ruleWorded, type Worded, worded } from "../../shared/messages/worded.ts";
import type { SeatPins } from "./seat-pins.ts";

export type DoorRefusal = JoinErrorCode | keyof typeof SEAT_ERRORS;

/** Where a player's join leads: an offline seat proven theirs, a new seat by the rules, a wait for the facilitator, or a refusal. */
export type Door =
  | { to: "seat"; player: PlayerId }
  | { to: "join" }
  | { to: "wait"; kind: SeatRequestKind; player?: PlayerId; reason?: Worded }
  | { to: "refused"; code: DoorRefusal; said: Worded };

/** Refusals a facilitator may overrule: the word list and the look-alike check misjudge real names now and then. */
const ADMITTABLE = new Set(["nickname-offensive", "nickname-lookalike"]);

/**
 * A seat belongs to the device that took it. Within the grace period only that device's
 * reconnection token gets it back (a nickname join is `nickname-taken` by the rules); after it,
 * a nickname join needs the seat's rejoin PIN, shown on that phone when it joined, or the
 * facilitator's yes. Typing a name in another letter case is the same name.
 */
export function door(
  game: GameState,
  inUse: (p: PlayerId) => boolean,
  pins: SeatPins,
  opts: { name: string; pin?: string; ask?: true },
  at: number,
  lateAsks = false,
): Door {
  const nickname = cleanNickname(opts.name);
  const key = nicknameKey(nickname);
  const seat = Object.values(game.players).find((p) => nicknameKey(p.nickname) === key);
  // A player removed without a ban keeps their score for their return (rules version 3): the
  // same PIN guards it, or anyone typing the name would pick it up.
  const owner = seat && !inUse(seat.id) ? seat.nickname : !seat && game.departed[key] ? nickname : undefined;
  if (owner !== undefined) {
    const check = opts.pin === undefined ? "none" : pins.check(nickname, opts.pin);
    if (check === "ok") return seat ? { to: "seat", player: seat.id } : { to: "join" };
    if (check === "wrong") return { to: "refused", code: "wrong-pin", said: worded("errors.seat.wrong-pin", { name: owner }) };
    if (check === "locked") return { to: "refused", code: "wrong-pin", said: worded("errors.seat.pin-locked", { name: owner }) };
    if (opts.ask) return { to: "wait", kind: "seat-back", ...(seat ? { player: seat.id } : {}) };
    return { to: "refused", code: "seat-needs-pin", said: worded("errors.seat.needs-pin", { name: owner }) };
  }
  if (opts.ask && !seat) {
    const refused = checkJoin(game, { kind: "join", at, nickname: opts.name });
    if (refused && ADMITTABLE.has(refused.code)) return { to: "wait", kind: "admit", reason: ruleWorded(refused) };
  }
  // A newcomer once the game runs asks the facilitator first (a refused name is refused now, not after a wait).
  if (lateAsks && game.phase !== "lobby" && !seat && !checkJoin(game, { kind: "join", at, nickname: opts.name })) return { to: "wait", kind: "late" };
  return { to: "join" };
}
