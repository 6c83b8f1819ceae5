/**
 * JSON text of fixed values (enum, const, property names), as code points. Characters the
 * vocabulary cannot spell one at a time are written as \u escapes, so every literal can always
 * be finished with single-character tokens.
 */
export function jsonCodePoints(value: unknown, spellable: (cp: number) => boolean): number[] {
  const out: number[] = [];
  for (const ch of JSON.stringify(value)) {
    const cp = ch.codePointAt(0)!;
    if (spellable(cp)) {
      out.push(cp);
      continue;
    }
    // Only string contents can hold such characters; JSON.stringify already escaped the rest.
    const units = cp > 0xffff ? [0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff)] : [cp];
    for (const u of units) for (const c of `\\u${u.toString(16).padStart(4, "0")}`) out.push(c.codePointAt(0)!);
  }
  return out;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  const ka = Object.keys(a);
  const rb = b as Record<string, unknown>;
  const ra = a as Record<string, unknown>;
  return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(rb, k) && deepEqual(ra[k], rb[k]));
}
