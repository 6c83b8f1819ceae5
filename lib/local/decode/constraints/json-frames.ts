import type { ConcreteNode, Node } from "./json-nodes";

/**
 * One level of the JSON pushdown machine. Frames are immutable: a step builds new frames (or
 * returns the same one), so a matcher's state is shared freely between clones and beams. Each
 * frame holds its continuation `next` (what follows once this value is complete), and `dist`
 * is the exact number of characters still needed to finish the whole output from here.
 */
export abstract class Frame {
  abstract readonly dist: number;
  // `declare`: no class-field define on every construction (frames are made per character).
  declare private cachedKey: string | undefined;

  /** Pushes every state the character can lead to (several when anyOf alternatives diverge). */
  abstract step(cp: number, out: Frame[]): void;

  /** See CharAutomaton.plainBudget; most frames take no plain run whole. */
  plainBudget(_closing: boolean): number {
    return 0;
  }

  /** Equal keys mean equal futures (the mask cache relies on it). */
  get key(): string {
    this.cachedKey ??= this.makeKey();
    return this.cachedKey;
  }

  protected abstract makeKey(): string;
}

/** The whole output is complete: nothing may follow. */
class Done extends Frame {
  readonly dist = 0;
  step(): void {}
  protected makeKey(): string {
    return "$";
  }
}

export const DONE: Frame = new Done();

/** What every frame needs from the compiled schema. */
export interface MachineContext {
  alternatives(node: Node): readonly ConcreteNode[];
  /** The first frame of a value of one concrete shape. */
  open(node: ConcreteNode, next: Frame): Frame | null;
}

/** Frames for the start of a value of `node` (one per anyOf alternative). */
export function pushValue(ctx: MachineContext, node: Node, next: Frame, out: Frame[]): void {
  for (const alt of ctx.alternatives(node)) {
    const f = ctx.open(alt, next);
    if (f) out.push(f);
  }
}

/** Starts a value of `node` and feeds it its first character. */
export function startValue(ctx: MachineContext, node: Node, next: Frame, cp: number, out: Frame[]): void {
  for (const alt of ctx.alternatives(node)) ctx.open(alt, next)?.step(cp, out);
}
