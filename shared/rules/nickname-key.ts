/**
 * The parts of the nickname rules a page needs without the look-alike table and the word
 * list behind `checkNickname`: the join form's length limit and the search's name folding.
 * Kept apart so the join page and the phone do not download those libraries.
 */
export const NICKNAME_MAX = 20;

const CACHE_LIMIT = 10_000;

/**
 * Remembers a pure function of a nickname: a join compares the newcomer with every player, and
 * a replay does that for every join, so the same names are folded again and again.
 */
export function memo(fn: (name: string) => string): (name: string) => string {
  const cache = new Map<string, string>();
  return (name) => {
    let out = cache.get(name);
    if (out === undefined) {
      out = fn(name);
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(name, out);
    }
    return out;
  };
}

/** The form two nicknames are compared in: case and Unicode compatibility forms folded. */
export const nicknameKey = memo((name) => name.normalize("NFKC").toLocaleLowerCase("en"));
