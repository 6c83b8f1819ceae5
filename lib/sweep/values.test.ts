import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatAxisValues, parseAxisValues } from "./values";

const values = (r: ReturnType<typeof parseAxisValues>) => (r.ok ? r.values : r.error);

describe("parseAxisValues: numbers", () => {
  it("reads lists, with spaces and a trailing comma", () => {
    expect(values(parseAxisValues("temperature", "0, 0.5, 1, 1.5"))).toEqual([0, 0.5, 1, 1.5]);
    expect(values(parseAxisValues("temperature", " 0,0.5 ,\n1,"))).toEqual([0, 0.5, 1]);
  });

  it("reads stepped ranges inclusively, without float noise", () => {
    expect(values(parseAxisValues("top_p", "0.5..1 step 0.25"))).toEqual([0.5, 0.75, 1]);
    expect(values(parseAxisValues("temperature", "0.7..1 step 0.1"))).toEqual([0.7, 0.8, 0.9, 1]);
    expect(values(parseAxisValues("temperature", "0..0.3 step 0.1"))).toEqual([0, 0.1, 0.2, 0.3]);
    expect(values(parseAxisValues("temperature", "0..1 step 0.3"))).toEqual([0, 0.3, 0.6, 0.9]);
    expect(values(parseAxisValues("temperature", "1..0 step 0.5"))).toEqual([1, 0.5, 0]);
    expect(values(parseAxisValues("frequency_penalty", "-2..-1 step 0.5"))).toEqual([-2, -1.5, -1]);
  });

  it("reads integer ranges and mixes ranges with values", () => {
    expect(values(parseAxisValues("seed", "1..5"))).toEqual([1, 2, 3, 4, 5]);
    expect(values(parseAxisValues("seed", "1..3, 10, 20..22"))).toEqual([1, 2, 3, 10, 20, 21, 22]);
    expect(values(parseAxisValues("seed", "7..7"))).toEqual([7]);
  });

  it("says what is wrong, naming the axis", () => {
    expect(values(parseAxisValues("top_p", "0.5..x"))).toBe("Axis 'top_p': '0.5..x' is not a number range.");
    expect(values(parseAxisValues("top_p", "0.5..1 step x"))).toBe("Axis 'top_p': '0.5..1 step x' is not a number range.");
    expect(values(parseAxisValues("temperature", "0, warm"))).toBe("Axis 'temperature': 'warm' is not a number.");
    expect(values(parseAxisValues("temperature", "0x10"))).toBe("Axis 'temperature': '0x10' is not a number.");
    expect(values(parseAxisValues("seed", "1, 1.5"))).toBe("Axis 'seed': 1.5 is not a whole number.");
    expect(values(parseAxisValues("top_p", "0.5..1"))).toBe("Axis 'top_p': '0.5..1' needs a step, e.g. '0.5..1 step 0.25'.");
    expect(values(parseAxisValues("top_p", "0..1 step 0"))).toBe("Axis 'top_p': the step in '0..1 step 0' must be above 0.");
    expect(values(parseAxisValues("temperature", "  "))).toBe("Axis 'temperature': type at least one value.");
    expect(values(parseAxisValues("temperature", ",,"))).toBe("Axis 'temperature': type at least one value.");
  });

  it("refuses a huge range before building it", () => {
    expect(values(parseAxisValues("seed", "1..1000000000"))).toBe(
      "Axis 'seed': '1..1000000000' gives 1000000000 values; an axis holds at most 500.",
    );
    expect(values(parseAxisValues("seed", "1..300, 1..300"))).toBe("Axis 'seed': 600 values; an axis holds at most 500.");
  });
});

describe("parseAxisValues: other kinds", () => {
  it("booleans and choices", () => {
    expect(values(parseAxisValues("logprobs", "true, FALSE"))).toEqual([true, false]);
    expect(values(parseAxisValues("logprobs", "yes"))).toBe("Axis 'logprobs': 'yes' is not true or false.");
    expect(values(parseAxisValues("tool_choice", "none, auto\nrequired"))).toEqual(["none", "auto", "required"]);
  });

  it("strings one per line, keeping commas and spaces inside", () => {
    expect(values(parseAxisValues("guided_regex", "\\d{1,3}\n\n [a-z]+ \n"))).toEqual(["\\d{1,3}", " [a-z]+ "]);
  });

  it("JSON and list parameters take a JSON array, one element per value", () => {
    expect(values(parseAxisValues("guided_json", '[{"type":"object"}, {"type":"string"}]'))).toEqual([
      { type: "object" },
      { type: "string" },
    ]);
    expect(values(parseAxisValues("stop", '[["\\n"], "END", ["a", "b"]]'))).toEqual([["\n"], "END", ["a", "b"]]);
    expect(values(parseAxisValues("stop", "[[1]]"))).toBe("Axis 'stop': value 1 is not a string or a list of strings.");
    expect(values(parseAxisValues("guided_json", "{}"))).toMatch(/^Axis 'guided_json': write a JSON array/);
    expect(values(parseAxisValues("guided_json", "[{]"))).toMatch(/^Axis 'guided_json': not valid JSON/);
  });

  it("any kind takes a JSON array, checked against the kind", () => {
    expect(values(parseAxisValues("temperature", "[0, 0.5]"))).toEqual([0, 0.5]);
    expect(values(parseAxisValues("seed", "[1, 2.5]"))).toBe("Axis 'seed': value 2 is not a whole number.");
    expect(values(parseAxisValues("temperature", "[]"))).toBe("Axis 'temperature': type at least one value.");
  });
});

describe("formatAxisValues", () => {
  it("writes the short form where it is safe and JSON where not", () => {
    expect(formatAxisValues("top_p", [0.5, 0.75, 1])).toBe("0.5, 0.75, 1");
    expect(formatAxisValues("tool_choice", ["none", "auto"])).toBe("none, auto");
    expect(formatAxisValues("guided_regex", ["a,b", "c"])).toBe("a,b\nc");
    expect(formatAxisValues("guided_regex", ["a\nb"])).toBe('["a\\nb"]');
    expect(formatAxisValues("guided_json", [{ a: 1 }])).toBe('[{"a":1}]');
  });

  it("round-trips through parseAxisValues for every kind", () => {
    const cases = fc.oneof(
      fc.record({
        param: fc.constant("temperature" as const),
        values: fc.array(
          fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (Object.is(x, -0) ? 0 : x)),
          { minLength: 1, maxLength: 8 },
        ),
      }),
      fc.record({ param: fc.constant("seed" as const), values: fc.array(fc.integer(), { minLength: 1, maxLength: 8 }) }),
      fc.record({ param: fc.constant("logprobs" as const), values: fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }) }),
      fc.record({ param: fc.constant("tool_choice" as const), values: fc.array(fc.string(), { minLength: 1, maxLength: 5 }) }),
      fc.record({ param: fc.constant("guided_regex" as const), values: fc.array(fc.string(), { minLength: 1, maxLength: 5 }) }),
      fc.record({ param: fc.constant("guided_json" as const), values: fc.array(fc.jsonValue(), { minLength: 1, maxLength: 5 }) }),
    );
    fc.assert(
      fc.property(cases, ({ param, values: vs }) => {
        const back = parseAxisValues(param, formatAxisValues(param, vs));
        expect(back).toEqual({ ok: true, values: JSON.parse(JSON.stringify(vs)) });
      }),
      { numRuns: 500, seed: 4242 },
    );
  });
});
