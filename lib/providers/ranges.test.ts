import { describe, expect, it } from "vitest";
import { chatRequestSchema } from "../local/api/schema";
import { PARAMS, type ParamName } from "../params/catalog";
import { PROFILES } from "./profiles";
import { LOCAL_RANGES, RANGES } from "./ranges";

const chat = (name: string, value: number) =>
  chatRequestSchema.safeParse({ model: "m", messages: [{ role: "user", content: "hi" }], [name]: value }).success;

/** toEqual ignores undefined fields: a range without max matches a spec without one. */
describe("parameter ranges", () => {
  it("the local provider refuses exactly what its profile's ranges leave out", () => {
    for (const [name, range] of Object.entries(LOCAL_RANGES)) {
      const spec = PROFILES.local.params[name as ParamName];
      expect({ name, min: spec?.min, max: spec?.max, exclusiveMin: spec?.exclusiveMin }).toEqual({ name, ...range });
      if (range.min !== undefined) {
        expect([name, chat(name, range.min)]).toEqual([name, !("exclusiveMin" in range)]);
        expect([name, chat(name, range.min - 1)]).toEqual([name, false]);
      }
      if ("max" in range) {
        expect([name, chat(name, range.max)]).toEqual([name, true]);
        expect([name, chat(name, range.max + 1)]).toEqual([name, false]);
      }
    }
  });

  it("the catalogue and the OpenAI profile state the general ranges", () => {
    for (const [name, range] of Object.entries(RANGES)) {
      const def = PARAMS[name as ParamName];
      expect({ min: def.min, max: def.max, exclusiveMin: def.exclusiveMin }).toEqual(range);
      const spec = PROFILES.openai.params[name as ParamName];
      if (spec) expect({ min: spec.min, max: spec.max }).toEqual({ ...range, exclusiveMin: undefined });
    }
  });
});
