import { AutomatonMatcher, type CharAutomaton, MaskEngine } from "./automaton";
import { ArrayFrame } from "./json-array";
import { DONE, type Frame, type MachineContext, pushValue } from "./json-frames";
import type { ConcreteNode, Node } from "./json-nodes";
import { EMPTY_PREFIX } from "./json-number";
import { FreeObjectFrame, ListedObjectFrame } from "./json-object";
import { LiteralFrame, NumberFrame, StringFrame } from "./json-scalars";
import type { CompiledSchema } from "./json-schema-compile";
import type { Constraint } from "./types";
import type { VocabTrie } from "./vocab-trie";

/**
 * The matcher's state: the live alternatives — usually one frame, held bare so that a step
 * allocates no array; an array while anyOf branches still agree.
 */
export type JsonState = Frame | readonly Frame[];

/** Reused by every step (steps never nest), so the common one-result step allocates no array. */
const scratch: Frame[] = [];

class JsonAutomaton implements CharAutomaton<JsonState>, MachineContext {
  readonly start: JsonState;
  readonly unitSteps = true;

  constructor(private readonly schema: CompiledSchema) {
    const out: Frame[] = [];
    pushValue(this, schema.root, DONE, out);
    this.start = dedupe(out);
  }

  alternatives(node: Node): readonly ConcreteNode[] {
    return this.schema.alternatives.get(node) ?? [];
  }

  open(node: ConcreteNode, next: Frame): Frame | null {
    switch (node.kind) {
      case "string":
        return StringFrame.open(node, next);
      case "number":
        return NumberFrame.open(node, EMPTY_PREFIX, next);
      case "literal":
        return LiteralFrame.open(node, next);
      case "array":
        return ArrayFrame.open(this, node, next);
      case "object":
        return node.free ? FreeObjectFrame.open(this, node, next) : ListedObjectFrame.open(this, node, next);
    }
  }

  step(state: JsonState, cp: number): JsonState | null {
    while (scratch.length > 0) scratch.pop();
    if (Array.isArray(state)) for (const f of state as readonly Frame[]) f.step(cp, scratch);
    else (state as Frame).step(cp, scratch);
    if (scratch.length === 0) return null;
    if (scratch.length === 1) return scratch[0]!;
    return dedupe(scratch.slice());
  }

  plainBudget(state: JsonState, closing: boolean): number {
    return Array.isArray(state) ? 0 : (state as Frame).plainBudget(closing);
  }

  distance(state: JsonState): number {
    if (!Array.isArray(state)) return (state as Frame).dist;
    let d = Number.POSITIVE_INFINITY;
    for (const f of state as readonly Frame[]) d = Math.min(d, f.dist);
    return d;
  }

  key(state: JsonState): string {
    return Array.isArray(state)
      ? (state as readonly Frame[])
          .map((f) => f.key)
          .sort()
          .join("|")
      : (state as Frame).key;
  }
}

/** Alternatives with the same future are one alternative. */
function dedupe(frames: Frame[]): JsonState {
  if (frames.length < 2) return frames[0]!;
  const seen = new Map<string, Frame>();
  for (const f of frames) if (!seen.has(f.key)) seen.set(f.key, f);
  return seen.size === 1 ? frames[0]! : [...seen.values()];
}

export function jsonConstraint(schema: CompiledSchema, trie: VocabTrie, kind: "json_schema" | "json_object"): Constraint {
  const automaton = new JsonAutomaton(schema);
  const engine = new MaskEngine(automaton, trie);
  return { kind, matcher: () => new AutomatonMatcher(engine, automaton.start) };
}
