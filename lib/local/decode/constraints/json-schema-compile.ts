import { badRequest } from "../../../errors";
import {
  type AnyOfNode,
  type ArrayNode,
  type NumberNode,
  type StringNode,
  type ConcreteNode,
  type LiteralNode,
  type Node,
  type ObjectNode,
  type Prop,
  type RefNode,
  solveAlternatives,
  solveMinLengths,
  accepts,
} from "./json-nodes";
import { makeNumSpec, nextDouble } from "./json-number";
import { jsonCodePoints } from "./json-text";

/**
 * JSON Schema → node graph. The supported subset is listed below; any other keyword is a 400
 * naming it (a keyword we ignored could make an output invalid, and a silently wrong answer is
 * worse than a clear refusal). Annotations that cannot affect validity are accepted and ignored.
 */
const ANNOTATIONS = new Set([
  "title",
  "description",
  "$schema",
  "$id",
  "$comment",
  "default",
  "examples",
  "deprecated",
  "readOnly",
  "writeOnly",
  "nullable",
]);
const CONTAINERS = new Set(["$defs", "definitions"]);
const SUPPORTED = new Set([
  "type",
  "properties",
  "required",
  "additionalProperties",
  "items",
  "enum",
  "const",
  "anyOf",
  "minItems",
  "maxItems",
  "minLength",
  "maxLength",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "$ref",
  "uniqueItems",
]);
const TYPES = ["string", "number", "integer", "boolean", "null", "object", "array"] as const;
type TypeName = (typeof TYPES)[number];
const KEYWORD_TYPES: Record<string, readonly TypeName[]> = {
  properties: ["object"],
  required: ["object"],
  additionalProperties: ["object"],
  items: ["array"],
  minItems: ["array"],
  maxItems: ["array"],
  uniqueItems: ["array"],
  minLength: ["string"],
  maxLength: ["string"],
  minimum: ["number"],
  maximum: ["number"],
  exclusiveMinimum: ["number"],
  exclusiveMaximum: ["number"],
};

type Schema = Record<string, unknown>;
const INF = Number.POSITIVE_INFINITY;

export interface CompiledSchema {
  readonly root: Node;
  readonly alternatives: ReadonlyMap<Node, readonly ConcreteNode[]>;
}

const isSchemaObject = (v: unknown): v is Schema => typeof v === "object" && v !== null && !Array.isArray(v);
const escapePointer = (s: string) => s.replace(/~/g, "~0").replace(/\//g, "~1");

export class SchemaCompiler {
  private readonly nodes: Node[] = [];
  private readonly refs = new Map<string, RefNode>();
  private readonly pendingLiterals: { node: LiteralNode; candidates: unknown[]; rest: Node }[] = [];
  private anyNode: Node | null = null;

  constructor(
    private readonly document: unknown,
    private readonly param: string,
    private readonly spellable: (cp: number) => boolean,
  ) {}

  run(): CompiledSchema {
    const root = this.compile(this.document, "#");
    for (const { node, candidates, rest } of this.pendingLiterals) this.finishLiteral(node, candidates, rest);
    solveMinLengths(this.nodes);
    if (root.minLen === INF) this.fail("no JSON value satisfies the schema", "#");
    return { root, alternatives: solveAlternatives(this.nodes) };
  }

  /** A compiled "any JSON value" schema (also what response_format json_object builds on). */
  any(): Node {
    if (this.anyNode) return this.anyNode;
    const options: Node[] = [];
    const node = this.add<AnyOfNode>({ kind: "anyOf", options });
    this.anyNode = node;
    options.push(
      this.add<StringNode>({ kind: "string", minLength: 0, maxLength: INF }),
      this.numberNode(false, null, null, null, null),
      this.literal([true, false, null]),
      this.add<ObjectNode>({ kind: "object", props: [], free: node, additional: node }),
      this.add<ArrayNode>({ kind: "array", items: node, minItems: 0, maxItems: INF }),
    );
    return node;
  }

  /** An object with any keys and values (response_format json_object). */
  anyObject(): Node {
    const any = this.any();
    return this.add<ObjectNode>({ kind: "object", props: [], free: any, additional: any });
  }

  private fail(message: string, path: string): never {
    throw badRequest(`Invalid ${this.param}: ${message} (at ${path}).`, this.param);
  }

  private add<T extends Node>(fields: Omit<T, "id" | "minLen">): T {
    const node = { ...fields, id: this.nodes.length, minLen: INF } as unknown as T;
    this.nodes.push(node);
    return node;
  }

  private never(): Node {
    return this.add<AnyOfNode>({ kind: "anyOf", options: [] });
  }

  compile(schema: unknown, path: string): Node {
    if (schema === true) return this.any();
    if (schema === false) return this.never();
    if (!isSchemaObject(schema)) this.fail("a schema must be an object or a boolean", path);
    const constraints = this.checkKeywords(schema, path);
    this.compileDefinitions(schema, path);
    if ("$ref" in schema) {
      const others = constraints.filter((k) => k !== "$ref");
      if (others.length > 0)
        this.fail(`"$ref" alongside other keywords (${others.map((k) => `"${k}"`).join(", ")}) is not supported`, path);
      return this.ref(schema.$ref, path);
    }
    if ("anyOf" in schema) return this.anyOf(schema, constraints, path);
    if ("enum" in schema || "const" in schema) return this.enumeration(schema, path);
    return this.typed(schema, path);
  }

  /** Returns the keywords that constrain (annotations and containers left out). */
  private checkKeywords(schema: Schema, path: string): string[] {
    const constraints: string[] = [];
    for (const [k, v] of Object.entries(schema)) {
      if (ANNOTATIONS.has(k) || CONTAINERS.has(k)) continue;
      if (!SUPPORTED.has(k)) this.fail(`unsupported JSON Schema keyword "${k}"`, path);
      if (k === "uniqueItems" && v !== false) this.fail('unsupported JSON Schema keyword "uniqueItems" (only false is accepted)', path);
      constraints.push(k);
    }
    return constraints;
  }

  /** Definitions are compiled even when unused, so a bad keyword in them is still reported. */
  private compileDefinitions(schema: Schema, path: string): void {
    for (const container of CONTAINERS) {
      const defs = schema[container];
      if (defs === undefined) continue;
      if (!isSchemaObject(defs)) this.fail(`"${container}" must be an object`, path);
      for (const name of Object.keys(defs)) this.ref(`${path}/${container}/${escapePointer(name)}`, path);
    }
  }

  private ref(ref: unknown, path: string): Node {
    if (typeof ref !== "string") this.fail('"$ref" must be a string', path);
    if (!ref.startsWith("#")) this.fail(`unsupported $ref "${ref}" (only local references such as "#/$defs/name")`, path);
    let pointer: string;
    try {
      pointer = decodeURIComponent(ref);
    } catch {
      this.fail(`invalid $ref "${ref}"`, path);
    }
    const known = this.refs.get(pointer);
    if (known) return known;
    const node = this.add<RefNode>({ kind: "ref", target: null });
    this.refs.set(pointer, node);
    node.target = this.compile(this.resolvePointer(pointer, ref, path), pointer);
    return node;
  }

  private resolvePointer(pointer: string, ref: string, path: string): unknown {
    if (pointer === "#") return this.document;
    if (!pointer.startsWith("#/")) this.fail(`unsupported $ref "${ref}" (only JSON pointers such as "#/$defs/name")`, path);
    let at: unknown = this.document;
    for (const raw of pointer.slice(2).split("/")) {
      const seg = raw.replace(/~1/g, "/").replace(/~0/g, "~");
      if (typeof at !== "object" || at === null || !Object.hasOwn(at, seg)) this.fail(`unknown $ref "${ref}"`, path);
      at = (at as Record<string, unknown>)[seg];
    }
    return at;
  }

  /** anyOf with sibling keywords: each option is merged with the siblings (they must not overlap). */
  private anyOf(schema: Schema, constraints: string[], path: string): Node {
    const list = schema.anyOf;
    if (!Array.isArray(list) || list.length === 0) this.fail('"anyOf" must be a non-empty array', path);
    const siblings: Schema = {};
    for (const k of constraints) if (k !== "anyOf") siblings[k] = schema[k];
    const options = list.map((option, i) => {
      const at = `${path}/anyOf/${i}`;
      if (Object.keys(siblings).length === 0) return this.compile(option, at);
      if (option === false) return this.never();
      if (option === true) return this.compile(siblings, path);
      if (!isSchemaObject(option)) this.fail("a schema must be an object or a boolean", at);
      const clash = Object.keys(option).find((k) => k in siblings);
      if (clash) this.fail(`"anyOf" option repeating the sibling keyword "${clash}" is not supported`, at);
      return this.compile({ ...siblings, ...option }, at);
    });
    return this.add<AnyOfNode>({ kind: "anyOf", options });
  }

  /** enum/const: the listed values that also pass the rest of the schema (checked after compiling). */
  private enumeration(schema: Schema, path: string): Node {
    let candidates: unknown[];
    if ("enum" in schema) {
      if (!Array.isArray(schema.enum)) this.fail('"enum" must be an array', path);
      candidates = schema.enum;
    } else candidates = [schema.const];
    if ("enum" in schema && "const" in schema) candidates = candidates.filter((v) => JSON.stringify(v) === JSON.stringify(schema.const));
    const { enum: _e, const: _c, ...rest } = schema;
    const node = this.add<LiteralNode>({ kind: "literal", values: [], texts: [] });
    this.pendingLiterals.push({ node, candidates, rest: this.compile(rest, path) });
    return node;
  }

  private finishLiteral(node: LiteralNode, candidates: unknown[], rest: Node): void {
    const kept = candidates.filter((v) => accepts(rest, v));
    const texts = new Map<string, number[]>();
    for (const v of kept) texts.set(JSON.stringify(v), jsonCodePoints(v, this.spellable));
    Object.assign(node, { values: kept, texts: [...texts.values()] });
  }

  private literal(values: unknown[]): LiteralNode {
    return this.add<LiteralNode>({ kind: "literal", values, texts: values.map((v) => jsonCodePoints(v, this.spellable)) });
  }

  private typed(schema: Schema, path: string): Node {
    const types = this.types(schema, path);
    if (types === null) return this.any();
    const nodes = [...new Set(types)].map((t) => this.ofType(t, schema, path));
    return nodes.length === 1 ? nodes[0]! : this.add<AnyOfNode>({ kind: "anyOf", options: nodes });
  }

  /** Declared types, or the ones the keywords imply (null: nothing constrains the type). */
  private types(schema: Schema, path: string): TypeName[] | null {
    const t = schema.type;
    if (t === undefined) {
      const implied = new Set(Object.keys(schema).flatMap((k) => KEYWORD_TYPES[k] ?? []));
      return implied.size === 0 ? null : [...implied];
    }
    const list = Array.isArray(t) ? t : [t];
    if (list.length === 0) this.fail('"type" must not be empty', path);
    for (const x of list) if (!TYPES.includes(x as TypeName)) this.fail(`unknown type ${JSON.stringify(x)}`, path);
    return list as TypeName[];
  }

  private ofType(t: TypeName, schema: Schema, path: string): Node {
    switch (t) {
      case "string":
        return this.add<StringNode>({
          kind: "string",
          minLength: this.count(schema, "minLength", 0, path),
          maxLength: this.count(schema, "maxLength", INF, path),
        });
      case "number":
      case "integer":
        return this.number(t === "integer", schema, path);
      case "boolean":
        return this.literal([true, false]);
      case "null":
        return this.literal([null]);
      case "object":
        return this.object(schema, path);
      case "array":
        return this.array(schema, path);
    }
  }

  private count(schema: Schema, key: string, fallback: number, path: string): number {
    const v = schema[key];
    if (v === undefined) return fallback;
    if (typeof v !== "number" || !Number.isInteger(v) || v < 0) this.fail(`"${key}" must be a non-negative integer`, path);
    return v;
  }

  private bound(schema: Schema, key: string, path: string): number | null {
    const v = schema[key];
    if (v === undefined) return null;
    if (typeof v !== "number" || !Number.isFinite(v)) this.fail(`"${key}" must be a number`, path);
    return v;
  }

  private number(integer: boolean, schema: Schema, path: string): Node {
    const b = ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"].map((k) => this.bound(schema, k, path));
    return this.numberNode(integer, b[0]!, b[1]!, b[2]!, b[3]!);
  }

  private numberNode(integer: boolean, min: number | null, max: number | null, exMin: number | null, exMax: number | null): Node {
    // Exclusive bounds become inclusive ones: the next integer, or the next double.
    const up = (x: number) => (integer ? Math.floor(x) + 1 : nextDouble(x, 1));
    const down = (x: number) => (integer ? Math.ceil(x) - 1 : nextDouble(x, -1));
    const pick = (a: number | null, b: number | null, f: (x: number, y: number) => number) => (a === null ? b : b === null ? a : f(a, b));
    const lo = pick(min, exMin === null ? null : up(exMin), Math.max);
    const hi = pick(max, exMax === null ? null : down(exMax), Math.min);
    const test = (v: number) =>
      (!integer || Number.isInteger(v)) &&
      (min === null || v >= min) &&
      (max === null || v <= max) &&
      (exMin === null || v > exMin) &&
      (exMax === null || v < exMax);
    return this.add<NumberNode>({ kind: "number", spec: makeNumSpec(integer, lo, hi), test });
  }

  private object(schema: Schema, path: string): Node {
    const properties = schema.properties ?? {};
    if (!isSchemaObject(properties)) this.fail('"properties" must be an object', path);
    const required = schema.required ?? [];
    if (!Array.isArray(required) || required.some((r) => typeof r !== "string")) this.fail('"required" must be an array of strings', path);
    const add = schema.additionalProperties;
    if (add !== undefined && typeof add !== "boolean" && !isSchemaObject(add))
      this.fail('"additionalProperties" must be a boolean or a schema', path);
    const additional =
      add === false ? null : add === undefined || add === true ? this.any() : this.compile(add, `${path}/additionalProperties`);
    const req = new Set(required as string[]);
    const prop = (name: string, node: Node): Prop => ({
      name,
      keyCps: jsonCodePoints(name, this.spellable),
      node,
      required: req.has(name),
    });
    const props = Object.entries(properties).map(([name, s]) => prop(name, this.compile(s, `${path}/properties/${escapePointer(name)}`)));
    // Required keys without a property schema are still generated, valued by additionalProperties.
    for (const name of req) if (!Object.hasOwn(properties, name)) props.push(prop(name, additional ?? this.never()));
    const free = props.length === 0 && additional !== null ? additional : null;
    return this.add<ObjectNode>({ kind: "object", props, free, additional });
  }

  private array(schema: Schema, path: string): Node {
    if (Array.isArray(schema.items)) this.fail('"items" as an array (tuple validation) is not supported', path);
    const items = schema.items === undefined ? this.any() : this.compile(schema.items, `${path}/items`);
    return this.add<ArrayNode>({
      kind: "array",
      items,
      minItems: this.count(schema, "minItems", 0, path),
      maxItems: this.count(schema, "maxItems", INF, path),
    });
  }
}
