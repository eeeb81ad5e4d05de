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

/**
 * The part of a nickname that the maintained English word list (the `obscenity` package, with
 * its leetspeak and look-alike transformers) flags, or undefined. `spelled` is the same name
 * with Unicode look-alikes resolved, which catches disguises the package's own table misses.
 */
export function offensivePart(nickname: string, spelled: string): string | undefined {
  const direct = matcher.getAllMatches(nickname, true)[0];
  if (direct) return nickname.slice(direct.startIndex, direct.endIndex + 1);
  if (matcher.hasMatch(spelled)) return nickname;
  return undefined;
}
