import { Frame, type MachineContext, pushValue, startValue } from "./json-frames";
import { type Node, type ObjectNode, memberCost } from "./json-nodes";

/** Character codes, local to the module: imported constants cost a getter per use under some bundlers. */
const BACKSLASH = 92;
const COLON = 58;
const COMMA = 44;
const QUOTE = 34;
const SPACE = 32;

const INF = Number.POSITIVE_INFINITY;

/** Object phases. Whitespace: at most one space after ":" and after ",". */
export const Obj = { Open: 0, First: 1, Key: 2, Colon: 3, Value: 4, After: 5, Comma: 6, CommaSpace: 7 } as const;

/** What the rest of an object costs, given which properties are already written. */
interface Summary {
  /** Σ member costs and count of required properties still missing. */
  readonly missingCost: number;
  readonly missing: number;
  /** Properties that may still be written (not yet written, satisfiable). */
  readonly available: readonly number[];
  /** Cheapest optional member still available (Infinity if none). */
  readonly cheapestOptional: number;
}

/** Per-node facts for the listed mode, memoised by which properties were written. */
class ObjectInfo {
  private readonly summaries = new Map<string, Summary>();
  readonly costs: readonly number[];

  constructor(readonly node: ObjectNode) {
    this.costs = node.props.map(memberCost);
  }

  summary(written: string): Summary {
    let s = this.summaries.get(written);
    if (!s) {
      s = this.summarise(written);
      this.summaries.set(written, s);
    }
    return s;
  }

  private summarise(written: string): Summary {
    let missingCost = 0;
    let missing = 0;
    let cheapestOptional = INF;
    const available: number[] = [];
    this.node.props.forEach((p, i) => {
      if (written[i] === "1") return;
      if (p.required) {
        missingCost += this.costs[i]!;
        missing++;
      } else if (this.costs[i]! < INF) cheapestOptional = Math.min(cheapestOptional, this.costs[i]!);
      if (this.costs[i]! < INF) available.push(i);
    });
    return { missingCost, missing, available, cheapestOptional };
  }

  /** From after a member to the closing brace: the missing required members, then "}". */
  closeCost(written: string): number {
    const s = this.summary(written);
    return s.missing === 0 ? 1 : s.missingCost + s.missing + 1;
  }
}

const infos = new WeakMap<ObjectNode, ObjectInfo>();
function infoOf(node: ObjectNode): ObjectInfo {
  let info = infos.get(node);
  if (!info) {
    info = new ObjectInfo(node);
    infos.set(node, info);
  }
  return info;
}

const mark = (written: string, i: number) => `${written.slice(0, i)}1${written.slice(i + 1)}`;

/**
 * An object whose keys come from its property list, in any order, each at most once; `}` is
 * allowed once every required property is written.
 */
export class ListedObjectFrame extends Frame {
  declare readonly dist: number;
  declare private readonly info: ObjectInfo;

  constructor(
    private readonly ctx: MachineContext,
    readonly node: ObjectNode,
    readonly phase: number,
    readonly written: string,
    /** Key candidates (Key phase) or the chosen property (Colon, Value). */
    readonly candidates: readonly number[],
    readonly pos: number,
    readonly next: Frame,
  ) {
    super();
    this.info = infoOf(node);
    this.dist = this.localDistance() + next.dist;
  }

  static open(ctx: MachineContext, node: ObjectNode, next: Frame): ListedObjectFrame {
    return new ListedObjectFrame(ctx, node, Obj.Open, "0".repeat(node.props.length), [], 0, next);
  }

  private localDistance(): number {
    const s = this.info.summary(this.written);
    const member = (i: number, charsLeft: number) =>
      charsLeft + this.info.costs[i]! - this.node.props[i]!.keyCps.length + this.info.closeCost(mark(this.written, i));
    switch (this.phase) {
      case Obj.Open:
        return 1 + (s.missing === 0 ? 1 : s.missingCost + s.missing);
      case Obj.First:
        return s.missing === 0 ? 1 : s.missingCost + s.missing;
      case Obj.Key:
        return Math.min(...this.candidates.map((i) => member(i, this.node.props[i]!.keyCps.length - this.pos)));
      case Obj.Colon:
        return member(this.candidates[0]!, 0);
      case Obj.Value:
        return member(this.candidates[0]!, 0) - 1;
      case Obj.After:
        return this.info.closeCost(this.written);
      default:
        return s.missing === 0 ? s.cheapestOptional + 1 : s.missingCost + s.missing;
    }
  }

  private with(phase: number, candidates: readonly number[] = [], pos = 0, written = this.written): ListedObjectFrame {
    return new ListedObjectFrame(this.ctx, this.node, phase, written, candidates, pos, this.next);
  }

  step(cp: number, out: Frame[]): void {
    const s = this.info.summary(this.written);
    switch (this.phase) {
      case Obj.Open:
        if (cp === 123) out.push(this.with(Obj.First));
        return;
      case Obj.First:
      case Obj.After:
        if (cp === 125 && s.missing === 0) out.push(this.next);
        else if (this.phase === Obj.First ? cp === QUOTE && s.available.length > 0 : cp === COMMA && s.available.length > 0) {
          out.push(this.phase === Obj.First ? this.with(Obj.Key, s.available, 1) : this.with(Obj.Comma));
        }
        return;
      case Obj.Comma:
      case Obj.CommaSpace:
        if (cp === QUOTE) out.push(this.with(Obj.Key, s.available, 1));
        else if (cp === SPACE && this.phase === Obj.Comma) out.push(this.with(Obj.CommaSpace));
        return;
      case Obj.Key:
        this.stepKey(cp, out);
        return;
      case Obj.Colon:
        if (cp === COLON) out.push(this.with(Obj.Value, this.candidates));
        return;
      default:
        this.stepValue(cp, out);
    }
  }

  /** Keys are JSON texts with quotes, so no key is a prefix of another: a full match is final. */
  private stepKey(cp: number, out: Frame[]): void {
    const props = this.node.props;
    const keep = this.candidates.filter((i) => props[i]!.keyCps[this.pos] === cp);
    if (keep.length === 0) return;
    const done = keep.find((i) => props[i]!.keyCps.length === this.pos + 1);
    out.push(done === undefined ? this.with(Obj.Key, keep, this.pos + 1) : this.with(Obj.Colon, [done]));
  }

  private stepValue(cp: number, out: Frame[]): void {
    const i = this.candidates[0]!;
    const after = this.with(Obj.After, [], 0, mark(this.written, i));
    const value: Node = this.node.props[i]!.node;
    if (cp === SPACE) pushValue(this.ctx, value, after, out);
    else startValue(this.ctx, value, after, cp, out);
  }

  protected makeKey(): string {
    return `o${this.node.id}.${this.phase}.${this.written}.${this.candidates.join(",")}.${this.pos}>${this.next.key}`;
  }
}

/** Printable ASCII minus `"` and `\`: what free keys are extended with when one is taken. */
const KEY_CHARS = Array.from({ length: 95 }, (_, i) => 32 + i).filter((c) => c !== QUOTE && c !== BACKSLASH);

/** Characters to add to `text` before it is a key not yet written (0 if it already is). */
function keyExtra(text: string, taken: readonly string[]): number {
  if (!taken.includes(text)) return 0;
  let best = INF;
  for (const c of KEY_CHARS) {
    const t = text + String.fromCharCode(c);
    if (!taken.includes(t)) return 1;
    if (!taken.some((k) => k.startsWith(t))) continue;
    best = Math.min(best, 1 + keyExtra(t, taken));
  }
  return best;
}

/**
 * An object with free keys (additionalProperties without listed properties, or json_object).
 * Keys are plain text (no escapes) and never repeat; values follow `node.free`.
 */
export class FreeObjectFrame extends Frame {
  declare readonly dist: number;

  constructor(
    private readonly ctx: MachineContext,
    readonly node: ObjectNode,
    readonly phase: number,
    readonly taken: readonly string[],
    readonly text: string,
    /** Written keys that start with `text` (in the Key phase): usually none, so steps stay O(1). */
    readonly rivals: readonly string[],
    readonly next: Frame,
  ) {
    super();
    this.dist = this.localDistance() + next.dist;
  }

  static open(ctx: MachineContext, node: ObjectNode, next: Frame): FreeObjectFrame {
    return new FreeObjectFrame(ctx, node, Obj.Open, [], "", [], next);
  }

  private localDistance(): number {
    const value = this.node.free!.minLen;
    switch (this.phase) {
      case Obj.Open:
        return 2;
      case Obj.First:
      case Obj.After:
        return 1;
      case Obj.Key:
        return (this.rivals.length === 0 ? 0 : keyExtra(this.text, this.rivals)) + 2 + value + 1;
      case Obj.Colon:
        return 1 + value + 1;
      case Obj.Value:
        return value + 1;
      default:
        return 2 + keyExtra("", this.taken) + 1 + value + 1;
    }
  }

  /** A key that no written key starts with takes any plain text (which never brings the end nearer). */
  plainBudget(closing: boolean): number {
    return this.phase === Obj.Key && !closing && this.rivals.length === 0 ? INF : 0;
  }

  private with(phase: number, text = "", taken = this.taken): FreeObjectFrame {
    const rivals = phase === Obj.Key ? taken : [];
    return new FreeObjectFrame(this.ctx, this.node, phase, taken, text, rivals, this.next);
  }

  private extendKey(cp: number): FreeObjectFrame {
    const text = this.text + String.fromCodePoint(cp);
    const rivals = this.rivals.length === 0 ? this.rivals : this.rivals.filter((k) => k.startsWith(text));
    return new FreeObjectFrame(this.ctx, this.node, Obj.Key, this.taken, text, rivals, this.next);
  }

  step(cp: number, out: Frame[]): void {
    switch (this.phase) {
      case Obj.Open:
        if (cp === 123) out.push(this.with(Obj.First));
        return;
      case Obj.First:
      case Obj.After:
        if (cp === 125) out.push(this.next);
        else if (cp === QUOTE && this.phase === Obj.First) out.push(this.with(Obj.Key));
        else if (cp === COMMA && this.phase === Obj.After) out.push(this.with(Obj.Comma));
        return;
      case Obj.Comma:
      case Obj.CommaSpace:
        if (cp === QUOTE) out.push(this.with(Obj.Key));
        else if (cp === SPACE && this.phase === Obj.Comma) out.push(this.with(Obj.CommaSpace));
        return;
      case Obj.Key:
        if (cp === QUOTE) {
          if (!this.rivals.includes(this.text)) out.push(this.with(Obj.Colon, this.text));
        } else if (cp >= 0x20 && cp !== BACKSLASH) out.push(this.extendKey(cp));
        return;
      case Obj.Colon:
        if (cp === COLON) out.push(this.with(Obj.Value, this.text));
        return;
      default: {
        const after = this.with(Obj.After, "", [...this.taken, this.text]);
        if (cp === SPACE) pushValue(this.ctx, this.node.free!, after, out);
        else startValue(this.ctx, this.node.free!, after, cp, out);
      }
    }
  }

  protected makeKey(): string {
    const taken = [...this.taken].sort().map((k) => JSON.stringify(k));
    return `f${this.node.id}.${this.phase}.${JSON.stringify(this.text)}.${taken.join(",")}>${this.next.key}`;
  }
}
