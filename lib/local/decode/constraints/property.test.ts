import Ajv2020 from "ajv/dist/2020";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ApiError } from "../../../errors";
import { compileConstraint } from "./index";
import { randomWalk, testVocab } from "./test-helpers";

/**
 * Property tests: random schemas and random regexes from the supported subset, driven to the end
 * by random decoders (closing at random points). Every output must validate (ajv) or fully match
 * (RegExp); a schema may only be refused as unsatisfiable when no value satisfies it.
 */
const vocab = testVocab();
const ajv = new Ajv2020({ strict: false });

const smallInt = fc.integer({ min: 0, max: 4 });
const bound = fc.oneof(
  fc.integer({ min: -50, max: 50 }),
  fc.double({ min: -20, max: 20, noNaN: true, noDefaultInfinity: true }).map((x) => Math.round(x * 1000) / 1000),
);

const leaf = fc.oneof(
  fc.record(
    { type: fc.constant("string"), minLength: smallInt, maxLength: fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined }) },
    { requiredKeys: ["type"] },
  ),
  fc.record(
    { type: fc.constantFrom("integer", "number"), minimum: bound, maximum: bound, exclusiveMinimum: bound, exclusiveMaximum: bound },
    { requiredKeys: ["type"] },
  ),
  fc.record({ type: fc.constantFrom("boolean", "null") }),
  fc.record({ enum: fc.array(fc.jsonValue({ maxDepth: 2 }), { minLength: 1, maxLength: 4 }) }),
  fc.record({ const: fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.boolean()) }),
  fc.constant({}),
);

const schemaArb = fc.letrec<{ schema: unknown }>((tie) => ({
  schema: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc
      .record({
        properties: fc.dictionary(fc.constantFrom("a", "b", "name", "日本", 'q"', "x y"), tie("schema"), { maxKeys: 4 }),
        extra: fc.subarray(["a", "b", "name", "z"]),
        additionalProperties: fc.oneof(fc.boolean(), tie("schema")),
      })
      .map(({ properties, extra, additionalProperties }) => ({ type: "object", properties, required: extra, additionalProperties })),
    fc.record(
      {
        type: fc.constant("array"),
        items: tie("schema"),
        minItems: smallInt,
        maxItems: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
      },
      { requiredKeys: ["type", "items"] },
    ),
    fc.record({ anyOf: fc.array(tie("schema"), { minLength: 1, maxLength: 3 }) }),
    fc.record({
      type: fc.subarray(["string", "integer", "null", "boolean", "array", "object"], { minLength: 1 }),
      maxLength: smallInt,
      maximum: bound,
    }),
  ),
})).schema;

function refusedAsUnsatisfiable(schema: unknown): boolean {
  try {
    compileConstraint({ guided_json: schema }, vocab);
    return false;
  } catch (e) {
    if (e instanceof ApiError && /no JSON value satisfies/.test(e.message)) return true;
    throw e;
  }
}

describe("property: random schemas", () => {
  it("every finished output validates", () => {
    fc.assert(
      fc.property(schemaArb, fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 0, max: 40 }), (schema, seed, closeAfter) => {
        if (refusedAsUnsatisfiable(schema)) return;
        const c = compileConstraint({ guided_json: schema }, vocab)!;
        const validate = ajv.compile(schema as object);
        for (let k = 0; k < 3; k++) {
          const { text } = randomWalk(c.matcher(), vocab, seed + k, closeAfter, 0.15, 5000);
          const ok = validate(JSON.parse(text));
          expect(ok, `${JSON.stringify(schema)}\n${text}\n${ajv.errorsText(validate.errors)}`).toBe(true);
        }
      }),
      { numRuns: 300, seed: 42 },
    );
  });

  it("a refused schema really has no valid value among simple candidates", () => {
    const numbers = [0, 1, -1, 0.5, -0.5, 2.5, -2.5, 5, -5, 10, -10, 25, -25, 49, -49, 100, -100, 1000, -1000, 0.001, 19.9, -19.9];
    const strings = ["", "a", "ab", "abc", "abcd", "abcdefgh"];
    const scalars: unknown[] = [null, true, false, ...numbers, ...strings];
    const samples: unknown[] = [
      ...scalars,
      ...[0, 1, 2, 3].map((n) => Array.from({ length: n }, () => null)),
      {},
      { a: null },
      { z: null },
    ];
    fc.assert(
      fc.property(schemaArb, (schema) => {
        if (!refusedAsUnsatisfiable(schema)) return;
        const validate = ajv.compile(schema as object);
        for (const v of samples) expect(validate(v), `${JSON.stringify(schema)} accepts ${JSON.stringify(v)}`).toBe(false);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});

type Re = { t: "lit"; s: string } | { t: "cls"; s: string } | { t: "cat" | "alt"; items: Re[] } | { t: "rep"; item: Re; q: string };

function show(r: Re): string {
  switch (r.t) {
    case "lit":
    case "cls":
      return r.s;
    case "cat":
      return r.items.map(show).join("");
    case "alt":
      return `(?:${r.items.map(show).join("|")})`;
    case "rep":
      return `(?:${show(r.item)})${r.q}`;
  }
}

const reArb = fc.letrec<{ re: Re }>((tie) => ({
  re: fc.oneof(
    { depthSize: "small" },
    fc.constantFrom("a", "b", "the", "é", " ", "\\.", "\\d", "\\w", "\\s", ".", "x").map((s): Re => ({ t: "lit", s })),
    fc.constantFrom("[a-c]", "[^a-z]", "[0-9_]", "[\\u00e0-\\u00ff]", "[-x]", "[.]").map((s): Re => ({ t: "cls", s })),
    fc.array(tie("re"), { minLength: 0, maxLength: 4 }).map((items): Re => ({ t: "cat", items })),
    fc.array(tie("re"), { minLength: 1, maxLength: 3 }).map((items): Re => ({ t: "alt", items })),
    fc
      .tuple(tie("re"), fc.constantFrom("*", "+", "?", "{2}", "{1,3}", "{0,}", "*?", "{2,4}?"))
      .map(([item, q]): Re => ({ t: "rep", item, q })),
  ),
})).re;

describe("property: random regexes", () => {
  it("every finished output fully matches the JavaScript RegExp", () => {
    fc.assert(
      fc.property(reArb, fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 0, max: 30 }), (re, seed, closeAfter) => {
        const pattern = show(re);
        const js = new RegExp(`^(?:${pattern})$`);
        const c = compileConstraint({ guided_regex: pattern }, vocab)!;
        for (let k = 0; k < 3; k++) {
          const { text } = randomWalk(c.matcher(), vocab, seed + k, closeAfter, 0.2, 5000);
          expect(js.test(text), `/${pattern}/ ${JSON.stringify(text)}`).toBe(true);
        }
      }),
      { numRuns: 400, seed: 3 },
    );
  });
});
