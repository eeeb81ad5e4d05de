/**
 * The rules' version. A log is folded by the version it was recorded under, so a session
 * replays as it was played even after the rules changed:
 * 2: nicknames are also refused for look-alikes and profanity; the room can be locked.
 * 3: every random draw is keyed by what it decides (shared/rules/luck.ts, docs/REPLAY.md)
 *    instead of taken from one shared stream. Nicknames are judged against spelled-out
 *    evasions (f-u-c-k, sl*t) and with accents stripped for look-alikes, and the facilitator
 *    can admit a name the checks refused; a player removed without a ban returns as the same
 *    player with the score they left with, unless the facilitator reset it. While scores are
 *    their owners' own, a lookup of a player who has not shown theirs is refused.
 */
export const RULES_VERSION = 3;

/** The versions whose logs these rules still fold exactly as they were played. */
export const REPLAYABLE_VERSIONS: readonly number[] = [2, 3];

export function isReplayable(version: number): boolean {
  return REPLAYABLE_VERSIONS.includes(version);
}

/** Whether a game plays under version `v` or a later one: `if (since(s, 3)) …`, with the older behaviour kept in the else branch. */
export function since(s: { rulesVersion: number }, v: number): boolean {
  return s.rulesVersion >= v;
}
