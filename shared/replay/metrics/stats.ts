/** Small statistics for the debrief: plain numbers in, plain numbers out. */

/** Gini coefficient of non-negative values: 0 when all are equal, toward 1 as one holds everything. */
export function gini(values: readonly number[]): number {
  const n = values.length;
  if (n === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  let total = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    total += sorted[i];
    weighted += (i + 1) * sorted[i];
  }
  if (total === 0) return 0;
  return (2 * weighted) / (n * total) - (n + 1) / n;
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Pearson correlation of paired values; null when either side does not vary. */
function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  const n = xs.length;
  if (n < 2) return null;
  const mx = mean(xs)!;
  const my = mean(ys)!;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i] - mx;
    const dy = ys[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy);
}

export type Graph = ReadonlyMap<string, ReadonlySet<string>>;

/**
 * Score assortativity (Newman's, for a scalar): the correlation of the scores at the two ends
 * of each friendship, each friendship counted in both directions. Positive when friends have
 * similar scores. Null without friendships or when the scores at their ends do not vary.
 */
export function assortativity(graph: Graph, score: (id: string) => number): number | null {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const [a, friends] of graph) {
    for (const b of friends) {
      xs.push(score(a));
      ys.push(score(b));
    }
  }
  return pearson(xs, ys);
}

/** Connected components, largest first; a player without friends is a component of one. */
export function components(graph: Graph): string[][] {
  const seen = new Set<string>();
  const out: string[][] = [];
  for (const start of graph.keys()) {
    if (seen.has(start)) continue;
    const part = [start];
    seen.add(start);
    for (let i = 0; i < part.length; i++) {
      for (const next of graph.get(part[i]) ?? []) {
        if (seen.has(next) || !graph.has(next)) continue;
        seen.add(next);
        part.push(next);
      }
    }
    out.push(part);
  }
  return out.sort((a, b) => b.length - a.length);
}

/** A share, or null when there is nothing to share out (rather than a misleading 0). */
export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}
