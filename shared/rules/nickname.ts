import type { Rejection } from "./commands.ts";
import { reject } from "./commands.ts";
import { offensivePartV3 } from "./nickname-evasion.ts";
import { lookalikeKey, lookalikeKeyV3 } from "./nickname-lookalike.ts";
import { NICKNAME_MAX, nicknameKey } from "./nickname-key.ts";
import { offensivePart } from "./nickname-profanity.ts";
import { since, type GameState } from "./state.ts";

export { nicknameKey };

/** Emoji presentation selectors are dropped so "❤️" is a plain heart, not an invisible extra. */
export function cleanNickname(raw: string): string {
  return raw
    .normalize("NFC")
    .replace(/[\uFE0E\uFE0F]/g, "")
    .trim()
    .replace(/\s+/g, " ");
}

/** Control, format, private, unassigned and lone-surrogate code points, and anything Unicode calls ignorable. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\p{Default_Ignorable_Code_Point}\u2800]/u;
/** Four or more combining marks in a row: no script needs them, "Zalgo" text does. */
const MARK_PILE = /\p{M}{4,}/u;
const VISIBLE = /[\p{L}\p{N}\p{S}\p{P}]/u;

/** Each rules version's word and look-alike checks: a replay judges names as they were judged live. */
function checksOf(s: GameState) {
  return since(s, 3)
    ? { looks: lookalikeKeyV3, offensive: offensivePartV3, marks: (n: string) => n.normalize("NFD") }
    : { looks: lookalikeKey, offensive: offensivePart, marks: (n: string) => n };
}

function checkCharacters(nickname: string, marks: (n: string) => string): Rejection | undefined {
  const length = [...nickname].length;
  if (length < 1 || length > NICKNAME_MAX) {
    return reject("nickname-invalid", "nickname-length", { max: NICKNAME_MAX });
  }
  if (INVISIBLE.test(nickname)) {
    return reject("nickname-invalid", "nickname-invisible");
  }
  // Version 3 counts the marks of the decomposed name: "é" is e and an accent, so "Zoe" with
  // four accents is refused even though composing merges the first of them into the "e".
  if (MARK_PILE.test(marks(nickname))) {
    return reject("nickname-invalid", "nickname-accents");
  }
  if (!VISIBLE.test(nickname)) {
    return reject("nickname-invalid", "nickname-empty");
  }
  return undefined;
}

/**
 * Whether a (cleaned) nickname may join. Every check is pure and versioned with the rules, so
 * a replay of the log refuses exactly the names the live session refused. A name the
 * facilitator admitted (version 3) skips the word and look-alike checks, which misjudge real
 * names now and then; it must still be a valid name, not taken and not banned.
 */
export function checkNickname(s: GameState, nickname: string, admitted = false): Rejection | undefined {
  const rules = checksOf(s);
  const bad = checkCharacters(nickname, rules.marks);
  if (bad) return bad;
  const key = nicknameKey(nickname);
  const looks = rules.looks(nickname);
  const judged = !(admitted && since(s, 3));
  const offensive = judged ? rules.offensive(nickname, looks) : undefined;
  if (offensive !== undefined) {
    return reject("nickname-offensive", "nickname-offensive", { part: offensive });
  }
  for (const banned of s.bannedNicknames) {
    if (banned === key || rules.looks(banned) === looks) {
      return reject("nickname-banned", "nickname-banned");
    }
  }
  for (const p of Object.values(s.players)) {
    if (nicknameKey(p.nickname) === key) return reject("nickname-taken", "nickname-taken", { name: p.nickname });
    if (judged && rules.looks(p.nickname) === looks) {
      return reject("nickname-lookalike", "nickname-lookalike", { name: p.nickname });
    }
  }
  return undefined;
}
