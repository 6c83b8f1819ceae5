import { Frame } from "./json-frames";
import type { LiteralNode, NumberNode, StringNode } from "./json-nodes";
import { type NumPrefix, type NumSpec, extendPrefix, numberDistance, prefixText } from "./json-number";

/** Character codes, local to the module: imported constants cost a getter per use under some bundlers. */
const BACKSLASH = 92;
const QUOTE = 34;

const INF = Number.POSITIVE_INFINITY;

/** String phases. Hex2Low: the digit after `\uD` must be 0-7, so no surrogate escapes (they would miscount length). */
const Str = { Open: 0, Body: 1, Escape: 2, Hex1: 3, Hex2Low: 4, Hex2: 5, Hex3: 6, Hex4: 7 } as const;

/** Characters still owed to an escape sequence in each phase. */
const ESCAPE_LEFT = [0, 0, 1, 4, 3, 3, 2, 1];
const SIMPLE_ESCAPES = new Set([...'"\\/bfnrt'].map((c) => c.codePointAt(0)!));

const isHex = (cp: number) => (cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 70) || (cp >= 97 && cp <= 102);

/** A JSON string; `count` is the length so far in code points (saturated when unbounded above). */
export class StringFrame extends Frame {
  declare readonly dist: number;

  constructor(
    readonly node: StringNode,
    readonly phase: number,
    readonly count: number,
    readonly next: Frame,
  ) {
    super();
    const body = Math.max(0, node.minLength - count) + 1 + next.dist;
    this.dist = phase === Str.Open ? 1 + body : ESCAPE_LEFT[phase]! + body;
  }

  static open(node: StringNode, next: Frame): StringFrame {
    return new StringFrame(node, Str.Open, 0, next);
  }

  private with(phase: number, count = this.count): StringFrame {
    return phase === this.phase && count === this.count ? this : new StringFrame(this.node, phase, count, this.next);
  }

  /** Counting stops mattering once minLength is reached and there is no maxLength. */
  private plusOne(): number {
    const c = this.count + 1;
    return this.node.maxLength === INF ? Math.min(c, this.node.minLength) : c;
  }

  /** Plain characters only add to the count; in closing mode they help only below minLength. */
  plainBudget(closing: boolean): number {
    if (this.phase !== Str.Body) return 0;
    if (closing && this.count >= this.node.minLength) return 0;
    return this.node.maxLength - this.count;
  }

  step(cp: number, out: Frame[]): void {
    switch (this.phase) {
      case Str.Open:
        if (cp === QUOTE) out.push(this.with(Str.Body));
        return;
      case Str.Body:
        if (cp === QUOTE) {
          if (this.count >= this.node.minLength) out.push(this.next);
        } else if (cp >= 0x20 && this.count < this.node.maxLength)
          out.push(this.with(cp === BACKSLASH ? Str.Escape : Str.Body, this.plusOne()));
        return;
      case Str.Escape:
        if (SIMPLE_ESCAPES.has(cp)) out.push(this.with(Str.Body));
        else if (cp === 117) out.push(this.with(Str.Hex1));
        return;
      case Str.Hex1:
        if (cp === 68 || cp === 100) out.push(this.with(Str.Hex2Low));
        else if (isHex(cp)) out.push(this.with(Str.Hex2));
        return;
      case Str.Hex2Low:
        if (cp >= 48 && cp <= 55) out.push(this.with(Str.Hex3));
        return;
      default:
        if (isHex(cp)) out.push(this.with(this.phase === Str.Hex4 ? Str.Body : this.phase + 1));
    }
  }

  protected makeKey(): string {
    return `s${this.node.id}.${this.phase}.${this.count}>${this.next.key}`;
  }
}

const distanceCache = new WeakMap<NumSpec, Map<string, number>>();

function cachedDistance(spec: NumSpec, p: NumPrefix): number {
  let m = distanceCache.get(spec);
  if (!m) {
    m = new Map();
    distanceCache.set(spec, m);
  }
  const text = prefixText(p);
  let d = m.get(text);
  if (d === undefined) {
    d = numberDistance(spec, p);
    m.set(text, d);
  }
  return d;
}

/** A number; it ends when a character that cannot extend it arrives, which then goes to `next`. */
export class NumberFrame extends Frame {
  declare readonly dist: number;

  constructor(
    readonly node: NumberNode,
    readonly prefix: NumPrefix,
    readonly own: number,
    readonly next: Frame,
  ) {
    super();
    this.dist = own + next.dist;
  }

  static open(node: NumberNode, prefix: NumPrefix, next: Frame): NumberFrame | null {
    const own = cachedDistance(node.spec, prefix);
    return own === INF ? null : new NumberFrame(node, prefix, own, next);
  }

  step(cp: number, out: Frame[]): void {
    const p = extendPrefix(this.node.spec, this.prefix, cp);
    const f = p && NumberFrame.open(this.node, p, this.next);
    if (f) out.push(f);
    if (this.own === 0) this.next.step(cp, out);
  }

  protected makeKey(): string {
    return `n${this.node.id}.${prefixText(this.prefix)}>${this.next.key}`;
  }
}

/** One of a fixed set of JSON texts (enum, const, booleans, null). */
export class LiteralFrame extends Frame {
  declare readonly dist: number;
  declare private readonly complete: boolean;

  constructor(
    readonly node: LiteralNode,
    readonly candidates: readonly number[],
    readonly pos: number,
    readonly next: Frame,
  ) {
    super();
    let own = INF;
    for (const i of candidates) own = Math.min(own, node.texts[i]!.length - pos);
    this.complete = own === 0;
    this.dist = own + next.dist;
  }

  static open(node: LiteralNode, next: Frame): LiteralFrame | null {
    return node.texts.length === 0
      ? null
      : new LiteralFrame(
          node,
          node.texts.map((_, i) => i),
          0,
          next,
        );
  }

  step(cp: number, out: Frame[]): void {
    const texts = this.node.texts;
    const keep = this.candidates.filter((i) => texts[i]![this.pos] === cp);
    if (keep.length > 0) out.push(new LiteralFrame(this.node, keep, this.pos + 1, this.next));
    if (this.complete) this.next.step(cp, out);
  }

  protected makeKey(): string {
    return `l${this.node.id}.${this.pos}.${this.candidates.join(",")}>${this.next.key}`;
  }
}
