/**
 * A deep copy of plain data (objects, arrays, numbers, strings, booleans), which is all a
 * GameState holds. It knows nothing of the state's fields, so it stays right whatever the
 * rules add, and on a large session it runs several times faster than structuredClone.
 */
export function copyState<T>(x: T): T {
  return copy(x) as T;
}

function copy(x: unknown): unknown {
  if (typeof x !== "object" || x === null) return x;
  if (Array.isArray(x)) {
    const out = new Array(x.length);
    for (let i = 0; i < x.length; i++) out[i] = copy(x[i]);
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const key in x) out[key] = copy((x as Record<string, unknown>)[key]);
  return out;
}
