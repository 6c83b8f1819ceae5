/** Figures for evaluation results, with no dependency on how the runs were made. */

export interface Interval {
  low: number;
  high: number;
}

/**
 * The Wilson score interval for k successes in n trials (95 % by default, z = 1.96). Unlike
 * p ± z·√(p(1−p)/n) it stays inside [0, 1] and is not zero-width at 0 of 3 or 3 of 3, which is
 * what small evaluations produce. Null when there are no trials.
 */
export function wilson(k: number, n: number, z = 1.959963984540054): Interval | null {
  if (n <= 0) return null;
  const p = k / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  // At 0 of n and n of n the bound is exactly 0 or 1; floating point would leave 5e-17.
  return { low: k <= 0 ? 0 : Math.max(0, center - half), high: k >= n ? 1 : Math.min(1, center + half) };
}

/** The q-th percentile (0 < q ≤ 1) by nearest rank, nulls skipped; null when none. */
export function percentile(numbers: readonly (number | null | undefined)[], q: number): number | null {
  const xs = numbers.filter((n): n is number => typeof n === "number" && Number.isFinite(n)).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const rank = Math.min(xs.length, Math.max(1, Math.ceil(q * xs.length)));
  return xs[rank - 1]!;
}
