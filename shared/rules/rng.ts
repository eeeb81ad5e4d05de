/**
 * Seeded generator (mulberry32). Its whole state is one uint32 kept inside the game state,
 * so every random draw is part of the fold and a replay draws the same numbers.
 */
export function nextRandom(rngState: number): { value: number; state: number } {
  const state = (rngState + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  const value = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  return { value, state };
}

/** A standalone generator for code outside the rules (bots, load generators). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    const r = nextRandom(state);
    state = r.state;
    return r.value;
  };
}
