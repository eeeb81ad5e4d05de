import { type MessageFormatElement, parse, TYPE } from "@formatjs/icu-messageformat-parser";
import { printAST } from "@formatjs/icu-messageformat-parser/printer.js";

/**
 * The pseudo-locale: every catalog message with its letters accented, 35% longer and bracketed
 * (⟦…⟧), its placeholders and plural forms untouched. A screen in it shows at a glance any text
 * that bypassed the catalogs (plain English) and any box too tight for a longer language.
 */
const ACCENTED: Record<string, string> = {
  a: "á",
  b: "ƀ",
  c: "ç",
  d: "ð",
  e: "é",
  f: "ƒ",
  g: "ĝ",
  h: "ĥ",
  i: "í",
  j: "ĵ",
  k: "ķ",
  l: "ĺ",
  m: "ɱ",
  n: "ñ",
  o: "ö",
  p: "þ",
  q: "ǫ",
  r: "ŕ",
  s: "š",
  t: "ţ",
  u: "û",
  v: "ṽ",
  w: "ŵ",
  x: "ẋ",
  y: "ý",
  z: "ž",
  A: "Á",
  B: "Ɓ",
  C: "Ç",
  D: "Ð",
  E: "É",
  F: "Ƒ",
  G: "Ĝ",
  H: "Ĥ",
  I: "Í",
  J: "Ĵ",
  K: "Ķ",
  L: "Ĺ",
  M: "Ṁ",
  N: "Ñ",
  O: "Ö",
  P: "Þ",
  Q: "Ǫ",
  R: "Ŕ",
  S: "Š",
  T: "Ţ",
  U: "Û",
  V: "Ṽ",
  W: "Ŵ",
  X: "Ẋ",
  Y: "Ý",
  Z: "Ž",
};

function accent(text: string): string {
  let out = "";
  for (const ch of text) out += ACCENTED[ch] ?? ch;
  return out;
}

/** About 35% more letters, as a longer language would need; spaces count too. */
function lengthen(text: string): string {
  const extra = Math.ceil(text.replace(/\s/g, "").length * 0.35);
  return extra > 0 ? `${text}${"·".repeat(extra)}` : text;
}

function walk(elements: MessageFormatElement[]): void {
  for (const el of elements) {
    if (el.type === TYPE.literal) el.value = lengthen(accent(el.value));
    else if (el.type === TYPE.plural || el.type === TYPE.select) for (const option of Object.values(el.options)) walk(option.value);
    else if (el.type === TYPE.tag) walk(el.children);
  }
}

export function pseudoMessage(message: string): string {
  const ast = parse(message);
  walk(ast);
  return `⟦${printAST(ast)}⟧`;
}

/** Plain text (a scenario's own words, not a catalog message) as the pseudo-locale shows it. */
export function pseudoText(text: string): string {
  return `⟦${lengthen(accent(text))}⟧`;
}
