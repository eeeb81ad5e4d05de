import { DataSet, englishDataset, englishRecommendedTransformers, pattern, RegExpMatcher } from "obscenity";

/**
 * The nickname word check of rules version 3: the `obscenity` package's English list and
 * transformers, configured with a few more words a classroom should not see and the real names
 * its list mistakes for words, then run over the forms a student types to slip past it.
 */
const dataset = new DataSet<{ originalWord: string }>()
  .addAll(englishDataset)
  .addPhrase((p) => p.setMetadata({ originalWord: "fuck" }).addPattern(pattern`phu[c]k`))
  .addPhrase((p) => p.setMetadata({ originalWord: "nazi" }).addPattern(pattern`|nazi`))
  .addPhrase((p) => p.setMetadata({ originalWord: "hitler" }).addPattern(pattern`hitler`));

/** Given names and surnames that contain a listed word (Analia, Cumming, Bích), and v2's list. */
const REAL_NAMES = ["analia", "analise", "analisa", "cumming", "cumhur", "bich", "dikshit", "shiitake", "penistone", "rapeseed"];

const built = dataset.build();
const matcher = new RegExpMatcher({
  ...built,
  whitelistedTerms: [...(built.whitelistedTerms ?? []), ...REAL_NAMES],
  ...englishRecommendedTransformers,
});

/** Hate-group numbers, read as a whole number only ("Player 14" and "88 keys" are fine). */
const HATE_NUMBER = /(?<!\d)14\W?88(?!\d)/u;
/** Marks a student types for a letter they leave out: "sl*t". */
const MASK = /[*#?%]+/gu;
const HAS_MASK = /[*#?%]/u;
const SEPARATOR = /(?<=[\p{L}\p{N}])[\p{P}\p{S}]+(?=[\p{L}\p{N}])/gu;

/**
 * A flagged part counts when it has at least as many letters as digits: "sh1t" is a word with a
 * digit for a letter, "T17" and "455" are a tag and a number that leetspeak alone reads as words.
 */
function flagged(text: string): string | undefined {
  for (const m of matcher.getAllMatches(text, true)) {
    const part = text.slice(m.startIndex, m.endIndex + 1);
    const letters = part.match(/\p{L}/gu)?.length ?? 0;
    const digits = part.match(/\p{N}/gu)?.length ?? 0;
    if (letters > 0 && letters >= digits) return part;
  }
  return undefined;
}

/** The same name with its evasions undone: separators between letters dropped, spaced single letters joined, a mask read as each vowel. */
function evasions(name: string): string[] {
  const out = [name.replace(SEPARATOR, "")];
  const words = name.split(" ");
  if (words.length > 2 && words.every((w) => [...w].length === 1)) out.push(words.join(""));
  if (HAS_MASK.test(name)) for (const v of "aeiou") out.push(name.replace(MASK, v).replace(SEPARATOR, ""));
  return out;
}

/**
 * The part of a nickname to quote in the refusal, or undefined when the name is fine. `spelled`
 * is the name with look-alike characters resolved; a name that is only flagged once spelled out
 * or undone is quoted whole, since no single part of it is the word.
 */
export function offensivePartV3(nickname: string, spelled: string): string | undefined {
  const direct = flagged(nickname);
  if (direct !== undefined) return direct;
  if (HATE_NUMBER.test(nickname)) return nickname;
  for (const form of [spelled, ...evasions(nickname), ...evasions(spelled)]) {
    if (flagged(form) !== undefined) return nickname;
  }
  return undefined;
}
