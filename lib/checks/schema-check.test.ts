import { describe, expect, it } from "vitest";
import { schemaProblem, validateAgainstSchema } from "./schema-check";

const schema = { type: "object", properties: { name: { type: "string" } }, required: ["name"] };

describe("schema checks", () => {
  it("accepts a valid schema and reports a broken one", async () => {
    expect(await schemaProblem(schema)).toBeNull();
    expect(await schemaProblem({ type: "no-such-type" })).toMatch(/Not a valid JSON Schema/);
    expect(await schemaProblem("text")).toMatch(/object/);
  });

  it("validates an answer", async () => {
    expect(await validateAgainstSchema(schema, '{"name":"Ada"}')).toEqual({
      valid: true,
      message: "Valid: the output matches the requested schema.",
    });
    expect((await validateAgainstSchema(schema, '{"age":3}')).message).toMatch(/required property 'name'/);
    expect((await validateAgainstSchema(schema, "{oops")).valid).toBe(false);
  });
});
