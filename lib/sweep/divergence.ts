/** Where two answers' token sequences first differ: an index into both, or null when they are the same. */
export function firstDivergence(a: readonly { token: string }[], b: readonly { token: string }[]): number | null {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i]?.token !== b[i]?.token) return i;
  return a.length === b.length ? null : n;
}
