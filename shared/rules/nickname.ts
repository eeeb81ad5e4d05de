import type { Rejection } from "./commands.ts";
import { reject } from "./commands.ts";
import type { GameState } from "./state.ts";

export const NICKNAME_MAX = 20;

/** The form two nicknames are compared in: case and Unicode compatibility forms folded. */
export function nicknameKey(name: string): string {
  return name.normalize("NFKC").toLocaleLowerCase("en");
}

export function cleanNickname(raw: string): string {
  return raw.normalize("NFC").trim().replace(/\s+/g, " ");
}

export function checkNickname(s: GameState, nickname: string): Rejection | undefined {
  const length = [...nickname].length;
  if (length < 1 || length > NICKNAME_MAX) {
    return reject("nickname-invalid", `Choose a nickname of 1 to ${NICKNAME_MAX} characters.`);
  }
  if (/[\p{Cc}\p{Cf}\p{Co}\p{Cn}]/u.test(nickname)) {
    return reject("nickname-invalid", "Your nickname contains invisible or control characters; use letters, digits and ordinary punctuation.");
  }
  const key = nicknameKey(nickname);
  if (s.bannedNicknames.includes(key)) return reject("nickname-banned", "The facilitator removed that nickname from this session; choose another.");
  for (const p of Object.values(s.players)) {
    if (nicknameKey(p.nickname) === key) return reject("nickname-taken", `"${p.nickname}" is already playing in this session; choose another nickname.`);
  }
  return undefined;
}
