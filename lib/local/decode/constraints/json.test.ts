import Ajv2020 from "ajv/dist/2020";
import { describe, expect, it } from "vitest";
import { ApiError } from "../../../errors";
import { compileConstraint } from "./index";
import { PERSON_SCHEMA as person, randomWalk, testVocab } from "./test-helpers";

const vocab = testVocab();
const ajv = new Ajv2020({ strict: false });

const tree = {
  $defs: {
    node: {
      type: "object",
      properties: {
        label: { type: "string", minLength: 1, maxLength: 5 },
        children: { type: "array", items: { $ref: "#/$defs/node" }, maxItems: 3 },
      },
      required: ["label", "children"],
      additionalProperties: false,
    },
  },
  $ref: "#/$defs/node",
};

const SCHEMAS: Record<string, unknown> = {
  person,
  tree,
  strings: {
    type: "object",
    properties: { a: { type: "string", minLength: 3, maxLength: 5 }, b: { type: "string", minLength: 2 } },
    required: ["a", "b"],
  },
  numbers: {
    type: "array",
    minItems: 2,
    maxItems: 6,
    items: {
      anyOf: [
        { type: "number", minimum: -2.5, maximum: 3.75 },
        { type: "integer", minimum: 100, maximum: 250 },
        { type: "number", exclusiveMinimum: 0.2, exclusiveMaximum: 0.3 },
        { type: "integer", minimum: -1000000 },
        { type: "number", maximum: -7.125 },
      ],
    },
  },
  enums: {
    type: "object",
    properties: {
      color: { enum: ["red", "green", "日本", 'q"uote', 1, 12, null, { x: [1, 2] }] },
      fixed: { const: "v1" },
      kind: { type: "string", enum: ["a", "b", 3] },
    },
    required: ["color", "fixed", "kind"],
    additionalProperties: false,
  },
  nullable: { type: ["string", "null", "integer"], maxLength: 4, minimum: 5, maximum: 7 },
  optional: {
    type: "object",
    properties: { p: { type: "integer" }, q: { type: "boolean" }, r: { type: "string", maxLength: 3 }, s: { type: "null" } },
    required: ["q"],
  },
  anyOfObjects: {
    anyOf: [
      {
        type: "object",
        properties: { kind: { const: "circle" }, r: { type: "number", minimum: 0 } },
        required: ["kind", "r"],
        additionalProperties: false,
      },
      {
        type: "object",
        properties: { kind: { const: "rect" }, w: { type: "integer" }, h: { type: "integer" } },
        required: ["kind", "w", "h"],
        additionalProperties: false,
      },
    ],
  },
  freeMap: { type: "object", additionalProperties: { type: "integer", minimum: 0, maximum: 9 } },
  anything: {},
  requiredWithoutProperty: { type: "object", required: ["z"], additionalProperties: { type: "boolean" } },
  mixedArray: {
    type: "array",
    items: { type: ["boolean", "null", "array"], items: { type: "integer", minimum: 0, maximum: 3 }, maxItems: 2 },
  },
  topString: { type: "string", minLength: 1, maxLength: 8 },
  topInteger: { type: "integer", minimum: 10, maximum: 20 },
  negativeOnly: { type: "array", items: { type: "number", maximum: -7.125 }, minItems: 1, maxItems: 3 },
  smallFloat: { type: "number", minimum: 0.001, maximum: 0.002 },
  anyOfWithSiblings: {
    type: "object",
    properties: { a: { type: "integer" }, b: { type: "integer" } },
    anyOf: [{ required: ["a"] }, { required: ["b"] }],
    additionalProperties: false,
  },
  definitionsAlias: {
    definitions: { s: { type: "string", maxLength: 2 } },
    type: "array",
    items: { $ref: "#/definitions/s" },
    minItems: 1,
  },
  annotated: {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: "T",
    description: "d",
    type: "object",
    properties: { x: { type: "number", default: 1, examples: [2] } },
    required: ["x"],
  },
};

function validator(schema: unknown): (text: string) => string | null {
  const validate = ajv.compile(schema as object);
  return (text) => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      return `not JSON: ${(e as Error).message}`;
    }
    return validate(value) ? null : ajv.errorsText(validate.errors);
  };
}

describe("guided_json: random walks validate against the schema", () => {
  for (const [name, schema] of Object.entries(SCHEMAS)) {
    it(name, () => {
      const c = compileConstraint({ guided_json: schema }, vocab)!;
      const check = validator(schema);
      for (let seed = 0; seed < 60; seed++) {
        const { text } = randomWalk(c.matcher(), vocab, seed, seed % 5 === 0 ? 0 : 10 + seed, 0.1);
        expect(check(text), `${name}: ${JSON.stringify(text)}`).toBeNull();
      }
    });
  }

  it("recursion through $ref terminates in closing mode, from deep inside", () => {
    const c = compileConstraint({ guided_json: tree }, vocab)!;
    const check = validator(tree);
    for (let seed = 0; seed < 30; seed++) {
      const { text } = randomWalk(c.matcher(), vocab, seed, 120, 0);
      expect(check(text), text).toBeNull();
    }
  });

  it("response_format json_schema and json_object", () => {
    const c = compileConstraint({ response_format: { type: "json_schema", json_schema: { name: "p", schema: person } } }, vocab)!;
    const check = validator(person);
    const obj = compileConstraint({ response_format: { type: "json_object" } }, vocab)!;
    expect(obj.kind).toBe("json_object");
    for (let seed = 0; seed < 40; seed++) {
      expect(check(randomWalk(c.matcher(), vocab, seed, 25).text)).toBeNull();
      const text = randomWalk(obj.matcher(), vocab, seed, 40, 0.05).text;
      const v = JSON.parse(text);
      expect(typeof v === "object" && v !== null && !Array.isArray(v), text).toBe(true);
    }
  });

  it("never writes a key twice (JSON.parse would silently merge them)", () => {
    const flat = { type: "object", additionalProperties: { type: "integer" } };
    const c = compileConstraint({ guided_json: flat }, vocab)!;
    for (let seed = 0; seed < 40; seed++) {
      const text = randomWalk(c.matcher(), vocab, seed, 60, 0.02).text;
      const written = [...text.matchAll(/[{,] ?"([^"]*)":/g)].map((m) => m[1]);
      expect(Object.keys(JSON.parse(text)).length, text).toBe(written.length);
    }
  });

  it("clone() gives independent matchers", () => {
    const c = compileConstraint({ guided_json: person }, vocab)!;
    const a = c.matcher();
    a.advance(vocab.pieces.indexOf('{"'));
    const b = a.clone();
    a.advance(vocab.pieces.indexOf("name"));
    expect(() => b.advance(vocab.pieces.indexOf("}"))).toThrow();
    b.advance(vocab.pieces.indexOf("age"));
    expect(a.allowed().ids).not.toEqual(b.allowed().ids);
  });

  it("eos only once complete; mustEnd at the closing brace", () => {
    const m = compileConstraint(
      { guided_json: { type: "object", properties: { a: { type: "null" } }, required: ["a"] } },
      vocab,
    )!.matcher();
    for (const piece of ['{"', "a", '":', "null"]) {
      expect(m.allowed().eos).toBe(false);
      m.advance(vocab.pieces.indexOf(piece));
    }
    expect(m.isComplete()).toBe(false);
    m.advance(vocab.pieces.indexOf("}"));
    expect(m.isComplete()).toBe(true);
    expect(m.mustEnd()).toBe(true);
  });
});

describe("guided_json: refusals name the keyword", () => {
  const cases: [unknown, RegExp][] = [
    [{ type: "string", format: "email" }, /"format"/],
    [{ type: "object", patternProperties: { "^a": {} } }, /"patternProperties"/],
    [{ not: { type: "string" } }, /"not"/],
    [{ $ref: "#/$defs/missing" }, /unknown \$ref "#\/\$defs\/missing"/],
    [{ $ref: "https://example.com/s.json" }, /unsupported \$ref/],
    [{ type: "nonsense" }, /unknown type "nonsense"/],
    [{ type: "string", pattern: "a+" }, /"pattern"/],
    [{ allOf: [{}] }, /"allOf"/],
    [{ oneOf: [{}] }, /"oneOf"/],
    [{ type: "array", uniqueItems: true }, /"uniqueItems"/],
    [{ type: "array", items: [{}] }, /tuple/],
    [{ type: "array", prefixItems: [{}] }, /"prefixItems"/],
    [{ type: "integer", multipleOf: 2 }, /"multipleOf"/],
    [{ type: "string", minLength: 5, maxLength: 2 }, /no JSON value/],
    [{ type: "integer", minimum: 1.2, maximum: 1.8 }, /no JSON value/],
    [{ type: "object", required: ["a"], additionalProperties: false }, /no JSON value/],
    [{ $defs: { x: { type: "string", format: "date" } }, type: "string" }, /"format"/],
    [{ properties: { self: { $ref: "#" } }, required: ["self"] }, /no JSON value/],
    [{ enum: [1, 2], type: "string" }, /no JSON value/],
  ];
  for (const [schema, message] of cases) {
    it(JSON.stringify(schema), () => {
      let err: unknown;
      try {
        compileConstraint({ guided_json: schema }, vocab);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ApiError);
      expect((err as ApiError).status).toBe(400);
      expect((err as ApiError).param).toBe("guided_json");
      expect((err as ApiError).message).toMatch(message);
    });
  }

  it("response_format errors name response_format", () => {
    expect(() => compileConstraint({ response_format: { type: "json_schema", json_schema: { schema: { format: "x" } } } }, vocab)).toThrow(
      /"format"/,
    );
    try {
      compileConstraint({ response_format: { type: "xml" } }, vocab);
    } catch (e) {
      expect((e as ApiError).param).toBe("response_format");
    }
  });
});

describe("compileConstraint", () => {
  it("returns null without guidance, and for response_format text", () => {
    expect(compileConstraint({}, vocab)).toBeNull();
    expect(compileConstraint({ response_format: { type: "text" }, guided_json: null }, vocab)).toBeNull();
  });

  it("400s when two kinds are set, naming them", () => {
    try {
      compileConstraint({ guided_regex: "a", guided_choice: ["a"] }, vocab);
      expect.unreachable();
    } catch (e) {
      expect((e as ApiError).status).toBe(400);
      expect((e as ApiError).message).toMatch(/guided_regex and guided_choice/);
      expect((e as ApiError).param).toBe("guided_choice");
    }
  });

  it("accepts guided_json as a JSON string, and reuses compiled constraints", () => {
    const a = compileConstraint({ guided_json: JSON.stringify(person) }, vocab);
    expect(a?.kind).toBe("json_schema");
    expect(compileConstraint({ guided_json: JSON.stringify(person) }, vocab)).toBe(a);
    expect(() => compileConstraint({ guided_json: "{not json" }, vocab)).toThrow(ApiError);
  });

  it("fails clearly when the vocabulary cannot spell JSON", () => {
    const poor = { pieces: ["", "{", "}", '"', "a"], eosId: 0 };
    expect(() => compileConstraint({ response_format: { type: "json_object" } }, poor)).toThrow(/lacks single-character tokens/);
  });
});
