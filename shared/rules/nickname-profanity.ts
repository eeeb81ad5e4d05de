import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from "obscenity";

/**
 * Given names, surnames and ordinary words that contain a listed word and that the package's
 * own whitelist (Scunthorpe, Dickens, Hancock, ...) does not cover.
 */
const ALSO_FINE = ["analise", "analisa", "cumhur", "dikshit", "shiitake", "penistone", "rapeseed"];

const built = englishDataset.build();
const matcher = new RegExpMatcher({
  ...built,
  whitelistedTerms: [...(built.whitelistedTerms ?? []), ...ALSO_FINE],
  ...englishRecommendedTransformers,
});

/** The first flagged part of `text` that has a letter in it: "455" reads as "ass" only to leetspeak. */
function flagged(text: string): string | undefined {
  for (const m of matcher.getAllMatches(text, true)) {
    const part = text.slice(m.startIndex, m.endIndex + 1);
    if (/\p{L}/u.test(part)) return part;
  }
  return undefined;
}

/**
 * The part of a nickname that the maintained English word list (the `obscenity` package, with
 * its leetspeak and look-alike transformers) flags, or undefined. `spelled` is the same name
 * with Unicode look-alikes resolved, which catches disguises the package's own table misses.
 */
export function offensivePart(nickname: string, spelled: string): string | undefined {
  return flagged(nickname) ?? (flagged(spelled) === undefined ? undefined : nickname);
}
