/**
 * Numbers under bounds. Generated syntax: `-?(0|[1-9][0-9]*)(\.[0-9]+)?` (no exponent), with
 * capped digit counts. Bounds are compared exactly, as decimals: the text is within the decimal
 * form of the bound, so (parsing being monotone) the parsed double is within the bound too.
 * Exclusive bounds become inclusive ones at the next double, for the same reason.
 */

/** m × 10^-s, exactly. */
export interface Dec {
  readonly m: bigint;
  readonly s: number;
}

export interface NumSpec {
  readonly integer: boolean;
  /** Inclusive bounds, exact; null = unbounded. */
  readonly lo: Dec | null;
  readonly hi: Dec | null;
  readonly intCap: number;
  readonly fracCap: number;
}

/** A number's text so far, split into its parts. */
export interface NumPrefix {
  readonly neg: boolean;
  readonly int: string;
  readonly dot: boolean;
  readonly frac: string;
}

/** Beyond this many digits a bound is treated as out of reach (keeps the search small). */
const MAX_DIGITS = 40;

export const EMPTY_PREFIX: NumPrefix = { neg: false, int: "", dot: false, frac: "" };

export function decFromNumber(x: number): Dec {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x));
  if (!m) throw new Error(`not a finite number: ${x}`);
  const [, sign, int, frac = "", exp = "0"] = m;
  let digits = BigInt(`${sign}${int}${frac}`);
  let s = frac.length - Number(exp);
  if (s < 0) {
    digits *= 10n ** BigInt(-s);
    s = 0;
  }
  return { m: digits, s };
}

function scaled(d: Dec, s: number): bigint {
  return d.m * 10n ** BigInt(s - d.s);
}

export function compareDec(a: Dec, b: Dec): number {
  const s = Math.max(a.s, b.s);
  const x = scaled(a, s);
  const y = scaled(b, s);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The double just above (dir 1) or below (dir -1) x. */
export function nextDouble(x: number, dir: 1 | -1): number {
  if (x === 0) return dir * Number.MIN_VALUE;
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  const bits = buf.getBigInt64(0);
  buf.setBigInt64(0, x > 0 === dir > 0 ? bits + 1n : bits - 1n);
  return buf.getFloat64(0);
}

function digitsOf(d: Dec | null): number {
  if (!d) return 0;
  const abs = d.m < 0n ? -d.m : d.m;
  return Math.max(0, abs.toString().length - d.s);
}

export function makeNumSpec(integer: boolean, lo: number | null, hi: number | null): NumSpec {
  const l = lo === null ? null : decFromNumber(lo);
  const h = hi === null ? null : decFromNumber(hi);
  const intCap = Math.min(MAX_DIGITS, Math.max(15, digitsOf(l), digitsOf(h)));
  const fracCap = integer ? 0 : Math.min(MAX_DIGITS, Math.max(6, (l?.s ?? 0) + 1, (h?.s ?? 0) + 1));
  return { integer, lo: l, hi: h, intCap, fracCap };
}

function negate(d: Dec | null): Dec | null {
  return d ? { m: -d.m, s: d.s } : null;
}

/**
 * Is there a multiple of 10^-j in [a, b] (a ≥ 0; b null = unbounded) that also lies within the
 * magnitude bounds [mlo, mhi]?
 */
function gridHit(a: Dec, b: Dec | null, j: number, mlo: Dec | null, mhi: Dec | null): boolean {
  const lo = mlo && compareDec(mlo, a) > 0 ? mlo : a;
  const hi = b && mhi ? (compareDec(b, mhi) < 0 ? b : mhi) : (b ?? mhi);
  const s = Math.max(j, lo.s, hi?.s ?? 0);
  const step = 10n ** BigInt(s - j);
  const L = scaled(lo, s);
  const g = L <= 0n ? 0n : ((L + step - 1n) / step) * step;
  return hi === null || g <= scaled(hi, s);
}

function pow10(k: number): bigint {
  return 10n ** BigInt(k);
}

/**
 * Least number of characters that turns `p` into a number within `spec` (0: it already is one;
 * Infinity: it never will). Tries completions by increasing length and stops at the first hit.
 */
export function numberDistance(spec: NumSpec, p: NumPrefix): number {
  const own = magnitudeDistance(spec, p);
  if (p.neg || p.int !== "") return own;
  return Math.min(own, 1 + magnitudeDistance(spec, { ...p, neg: true }));
}

function magnitudeDistance(spec: NumSpec, p: NumPrefix): number {
  const mlo = p.neg ? negate(spec.hi) : spec.lo;
  const mhi = p.neg ? negate(spec.lo) : spec.hi;
  if (mhi && mhi.m < 0n) return Number.POSITIVE_INFINITY;
  const maxJ = spec.integer ? 0 : spec.fracCap;
  if (p.dot) {
    // Fraction digits extend [D.F, D.F + 10^-|F|) on a finer grid.
    const base: Dec = { m: BigInt(p.int + p.frac), s: p.frac.length };
    for (let j = p.frac === "" ? 1 : 0; p.frac.length + j <= maxJ; j++) {
      const top: Dec = { m: (base.m + 1n) * pow10(j) - 1n, s: p.frac.length + j };
      if (gridHit(base, top, p.frac.length + j, mlo, mhi)) return j;
    }
    return Number.POSITIVE_INFINITY;
  }
  let best = Number.POSITIVE_INFINITY;
  const kMin = p.int === "" ? 1 : 0;
  const kMax = p.int === "0" ? 0 : spec.intCap - p.int.length;
  for (let k = kMin; k <= kMax && k < best; k++) {
    const [ilo, ihi] = intRange(p.int, k);
    for (let j = 0; j <= maxJ; j++) {
      const n = k + (j > 0 ? 1 + j : 0);
      if (n >= best) break;
      const top: Dec = { m: (ihi + 1n) * pow10(j) - 1n, s: j };
      if (gridHit({ m: ilo, s: 0 }, top, j, mlo, mhi)) best = n;
    }
  }
  return best;
}

/** Integer parts reachable by appending k digits to `int`. */
function intRange(int: string, k: number): [bigint, bigint] {
  if (int === "") return k === 1 ? [0n, 9n] : [pow10(k - 1), pow10(k) - 1n];
  const d = BigInt(int);
  return [d * pow10(k), d * pow10(k) + pow10(k) - 1n];
}

/** The prefix after one more character, or null when the syntax forbids it. */
export function extendPrefix(spec: NumSpec, p: NumPrefix, ch: number): NumPrefix | null {
  if (ch === 45) return p.int === "" && !p.neg ? { ...p, neg: true } : null; // "-"
  if (ch === 46) return spec.integer || p.dot || p.int === "" ? null : { ...p, dot: true }; // "."
  if (ch < 48 || ch > 57) return null;
  const digit = String.fromCharCode(ch);
  if (p.dot) return p.frac.length < spec.fracCap ? { ...p, frac: p.frac + digit } : null;
  if (p.int === "0" || p.int.length >= spec.intCap) return null;
  return { ...p, int: p.int + digit };
}

export function prefixText(p: NumPrefix): string {
  return `${p.neg ? "-" : ""}${p.int}${p.dot ? "." : ""}${p.frac}`;
}
