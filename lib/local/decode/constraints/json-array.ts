import { Frame, type MachineContext, startValue } from "./json-frames";
import type { ArrayNode } from "./json-nodes";

/** Character codes, local to the module: imported constants cost a getter per use under some bundlers. */
const COMMA = 44;
const SPACE = 32;

const INF = Number.POSITIVE_INFINITY;
const Arr = { Open: 0, First: 1, After: 2, Comma: 3, CommaSpace: 4 } as const;

/** An array; `count` items so far (saturated at minItems when there is no maxItems). */
export class ArrayFrame extends Frame {
  declare readonly dist: number;

  constructor(
    private readonly ctx: MachineContext,
    readonly node: ArrayNode,
    readonly phase: number,
    readonly count: number,
    readonly next: Frame,
  ) {
    super();
    this.dist = this.localDistance() + next.dist;
  }

  static open(ctx: MachineContext, node: ArrayNode, next: Frame): ArrayFrame {
    return new ArrayFrame(ctx, node, Arr.Open, 0, next);
  }

  /** Items cannot be written at all when their schema is unsatisfiable. */
  private get maxItems(): number {
    return this.node.items.minLen === INF ? 0 : this.node.maxItems;
  }

  private localDistance(): number {
    const item = this.node.items.minLen + 1; // an item and its comma (or the closing bracket)
    const need = Math.max(0, this.node.minItems - this.count);
    switch (this.phase) {
      case Arr.Open:
        return 1 + (this.node.minItems === 0 ? 1 : this.node.minItems * item);
      case Arr.First:
        return this.node.minItems === 0 ? 1 : this.node.minItems * item;
      case Arr.After:
        return need === 0 ? 1 : need * item + 1;
      default:
        return Math.max(1, need) * item;
    }
  }

  private with(phase: number, count = this.count): ArrayFrame {
    const c = this.node.maxItems === INF ? Math.min(count, this.node.minItems) : count;
    return phase === this.phase && c === this.count ? this : new ArrayFrame(this.ctx, this.node, phase, c, this.next);
  }

  step(cp: number, out: Frame[]): void {
    const closable = this.count >= this.node.minItems;
    switch (this.phase) {
      case Arr.Open:
        if (cp === 91) out.push(this.with(Arr.First));
        return;
      case Arr.First:
        if (cp === 93 && closable) out.push(this.next);
        else if (this.maxItems > 0) startValue(this.ctx, this.node.items, this.with(Arr.After, 1), cp, out);
        return;
      case Arr.After:
        if (cp === 93 && closable) out.push(this.next);
        else if (cp === COMMA && this.count < this.maxItems) out.push(this.with(Arr.Comma));
        return;
      default: {
        const after = this.with(Arr.After, this.count + 1);
        if (cp === SPACE && this.phase === Arr.Comma) out.push(this.with(Arr.CommaSpace));
        else startValue(this.ctx, this.node.items, after, cp, out);
      }
    }
  }

  protected makeKey(): string {
    return `a${this.node.id}.${this.phase}.${this.count}>${this.next.key}`;
  }
}
