import { EMPTY_PREFIX, type NumSpec, numberDistance } from "./json-number";
import { deepEqual } from "./json-text";

/**
 * The compiled form of a JSON schema: a graph (cyclic through $ref) of the value shapes the
 * generator knows. `minLen` is the length of the shortest JSON text of a valid value (Infinity
 * when none exists) and drives both unsatisfiability errors and closing-mode distances.
 */
interface Base {
  readonly id: number;
  minLen: number;
}

export interface StringNode extends Base {
  readonly kind: "string";
  readonly minLength: number;
  readonly maxLength: number;
}

export interface NumberNode extends Base {
  readonly kind: "number";
  readonly spec: NumSpec;
  /** The schema's own test, for filtering enum values. */
  readonly test: (v: number) => boolean;
}

export interface LiteralNode extends Base {
  readonly kind: "literal";
  readonly values: readonly unknown[];
  readonly texts: readonly (readonly number[])[];
}

export interface Prop {
  readonly name: string;
  /** The key's JSON text, quotes included. */
  readonly keyCps: readonly number[];
  readonly node: Node;
  readonly required: boolean;
}

export interface ObjectNode extends Base {
  readonly kind: "object";
  /** Generation: only these keys (the listed mode) … */
  readonly props: readonly Prop[];
  /** … or, when this is set, any key with values of this node (the free mode). */
  readonly free: Node | null;
  /** Validation of keys not in props: null = additionalProperties false. */
  readonly additional: Node | null;
}

export interface ArrayNode extends Base {
  readonly kind: "array";
  readonly items: Node;
  readonly minItems: number;
  readonly maxItems: number;
}

export interface AnyOfNode extends Base {
  readonly kind: "anyOf";
  readonly options: Node[];
}

export interface RefNode extends Base {
  readonly kind: "ref";
  target: Node | null;
}

export type Node = StringNode | NumberNode | LiteralNode | ObjectNode | ArrayNode | AnyOfNode | RefNode;
export type ConcreteNode = StringNode | NumberNode | LiteralNode | ObjectNode | ArrayNode;

const codePointLength = (s: string) => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

/** Does `value` satisfy `node`'s schema? (Schema semantics, not the narrower generation.) */
export function accepts(node: Node, value: unknown, depth = 0): boolean {
  if (depth > 200) return false;
  switch (node.kind) {
    case "string":
      return typeof value === "string" && codePointLength(value) >= node.minLength && codePointLength(value) <= node.maxLength;
    case "number":
      return typeof value === "number" && node.test(value);
    case "literal":
      return node.values.some((v) => deepEqual(v, value));
    case "array":
      return (
        Array.isArray(value) &&
        value.length >= node.minItems &&
        value.length <= node.maxItems &&
        value.every((v) => accepts(node.items, v, depth + 1))
      );
    case "anyOf":
      return node.options.some((o) => accepts(o, value, depth + 1));
    case "ref":
      return node.target !== null && accepts(node.target, value, depth + 1);
    case "object":
      return acceptsObject(node, value, depth);
  }
}

function acceptsObject(node: ObjectNode, value: unknown, depth: number): boolean {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  for (const p of node.props) {
    if (Object.hasOwn(record, p.name)) {
      if (!accepts(p.node, record[p.name], depth + 1)) return false;
    } else if (p.required) return false;
  }
  for (const k of Object.keys(record)) {
    if (node.props.some((p) => p.name === k)) continue;
    if (node.additional === null || !accepts(node.additional, record[k], depth + 1)) return false;
  }
  return true;
}

/** Length of `"key":` plus the shortest value. */
export function memberCost(p: Prop): number {
  return p.keyCps.length + 1 + p.node.minLen;
}

function computeMinLen(node: Node): number {
  switch (node.kind) {
    case "string":
      return node.minLength <= node.maxLength ? 2 + node.minLength : Number.POSITIVE_INFINITY;
    case "number":
      return numberDistance(node.spec, EMPTY_PREFIX);
    case "literal":
      return node.texts.reduce((m, t) => Math.min(m, t.length), Number.POSITIVE_INFINITY);
    case "array": {
      if (node.minItems > node.maxItems) return Number.POSITIVE_INFINITY;
      return node.minItems === 0 ? 2 : 2 + node.minItems * (node.items.minLen + 1) - 1;
    }
    case "anyOf":
      return node.options.reduce((m, o) => Math.min(m, o.minLen), Number.POSITIVE_INFINITY);
    case "ref":
      return node.target?.minLen ?? Number.POSITIVE_INFINITY;
    case "object": {
      if (node.free) return 2;
      const required = node.props.filter((p) => p.required);
      return 2 + required.reduce((sum, p) => sum + memberCost(p), 0) + Math.max(0, required.length - 1);
    }
  }
}

/** Least fixpoint from Infinity down: terminates because lengths only fall and are integers. */
export function solveMinLengths(nodes: readonly Node[]): void {
  for (const n of nodes) n.minLen = Number.POSITIVE_INFINITY;
  for (let changed = true; changed; ) {
    changed = false;
    for (const n of nodes) {
      const m = computeMinLen(n);
      if (m < n.minLen) {
        n.minLen = m;
        changed = true;
      }
    }
  }
}

/**
 * The satisfiable concrete shapes a value of each node can take, through anyOf and $ref, as a
 * least fixpoint (a cycle made only of anyOf/$ref adds nothing). Agrees with minLen: a node has
 * alternatives exactly when its minLen is finite.
 */
export function solveAlternatives(nodes: readonly Node[]): Map<Node, readonly ConcreteNode[]> {
  const alts = new Map<Node, Set<ConcreteNode>>();
  for (const n of nodes) alts.set(n, new Set(n.kind !== "anyOf" && n.kind !== "ref" && n.minLen < Number.POSITIVE_INFINITY ? [n] : []));
  for (let changed = true; changed; ) {
    changed = false;
    for (const n of nodes) {
      const sources = n.kind === "anyOf" ? n.options : n.kind === "ref" && n.target ? [n.target] : [];
      const mine = alts.get(n)!;
      for (const src of sources) {
        for (const a of alts.get(src)!) {
          if (!mine.has(a)) {
            mine.add(a);
            changed = true;
          }
        }
      }
    }
  }
  return new Map([...alts].map(([n, set]) => [n, [...set]]));
}
