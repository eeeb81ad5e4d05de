import { nextRandom } from "./rng.ts";

const UTF8 = new TextEncoder();

/** 32-bit FNV-1a over the text's UTF-8 bytes. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (const byte of UTF8.encode(text)) h = Math.imul(h ^ byte, 0x01000193) >>> 0;
  return h;
}

/**
 * A draw in [0, 1) that depends only on the session's seed and a key naming what it decides
 * ("audit:4:1:Ana", "appeal:Bo:audit:1700000123456:0"): the first number of mulberry32 started
 * from fnv1a("<seed>:<key>"). A choice meets the same luck in every world where it still
 * happens, whatever else was drawn before it. docs/REPLAY.md spells this out for other languages.
 */
export function keyedDraw(seed: number, key: string): number {
  return nextRandom(fnv1a(`${seed >>> 0}:${key}`)).value;
}
