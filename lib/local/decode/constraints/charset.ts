/**
 * Sets of code points as sorted, disjoint, non-adjacent inclusive ranges `[lo0, hi0, lo1, hi1, …]`.
 * Regex classes such as `[^"]` or `.` cover most of Unicode, so they are kept as ranges rather
 * than enumerated.
 */
export type CharSet = readonly number[];

export const MAX_CODE_POINT = 0x10ffff;

export function single(cp: number): CharSet {
  return [cp, cp];
}

export function range(lo: number, hi: number): CharSet {
  return lo <= hi ? [lo, hi] : [];
}

/** Normalises any list of ranges (unsorted, overlapping) into a CharSet. */
export function union(...sets: CharSet[]): CharSet {
  const pairs: [number, number][] = [];
  for (const s of sets) for (let i = 0; i < s.length; i += 2) pairs.push([s[i]!, s[i + 1]!]);
  pairs.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [lo, hi] of pairs) {
    const last = out.length - 1;
    if (last > 0 && lo <= out[last]! + 1) out[last] = Math.max(out[last]!, hi);
    else out.push(lo, hi);
  }
  return out;
}

export function complement(set: CharSet): CharSet {
  const out: number[] = [];
  let next = 0;
  for (let i = 0; i < set.length; i += 2) {
    if (set[i]! > next) out.push(next, set[i]! - 1);
    next = set[i + 1]! + 1;
  }
  if (next <= MAX_CODE_POINT) out.push(next, MAX_CODE_POINT);
  return out;
}

export function has(set: CharSet, cp: number): boolean {
  let lo = 0;
  let hi = set.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < set[2 * mid]!) hi = mid - 1;
    else if (cp > set[2 * mid + 1]!) lo = mid + 1;
    else return true;
  }
  return false;
}

export function intersects(a: CharSet, b: CharSet): boolean {
  return firstCommon(a, b) !== -1;
}

/** The smallest member of `a` that is also in `b`, or -1. */
export function firstCommon(a: CharSet, b: CharSet): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i + 1]! < b[j]!) i += 2;
    else if (b[j + 1]! < a[i]!) j += 2;
    else return Math.max(a[i]!, b[j]!);
  }
  return -1;
}

export function fromCodePoints(cps: Iterable<number>): CharSet {
  const sorted = [...new Set(cps)].sort((x, y) => x - y);
  return union(sorted.flatMap((c) => [c, c]));
}
