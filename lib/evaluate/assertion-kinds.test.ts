import { describe, expect, it } from "vitest";
import { ASSERTION_KINDS, assertionName, newAssertion } from "./assertion-kinds";
import { assertionSchema } from "./assertion-schema";

describe("assertion kinds", () => {
  it("the picker lists every kind of the schema once, in the schema's order", () => {
    expect(ASSERTION_KINDS.map((k) => k.kind)).toEqual(assertionSchema.options.map((o) => o.shape.kind.value));
  });

  it("a new assertion of each kind is valid and is named from its settings", () => {
    const names = ASSERTION_KINDS.map(({ kind }) => {
      const a = newAssertion(kind);
      expect(assertionSchema.safeParse(a).success).toBe(true);
      return assertionName(a);
    });
    expect(names).toEqual([
      "Contains “”",
      "Does not contain “”",
      "Equals expected",
      "Matches //",
      "JSON valid",
      "JSON Schema holds",
      "Calls tool (any)",
      "finish_reason is stop",
      "Length 0–1000 characters",
      "Latency (total) < 2000 ms",
      "Completion tokens < 500",
      "Expression “output.length > 0”",
    ]);
  });

  it("the user's name wins over the one read from the settings", () => {
    const contains = { id: "a", kind: "contains", value: "hi", ignoreCase: true } as const;
    expect(assertionName({ ...contains, name: "  Greets  " })).toBe("Greets");
    expect(assertionName({ ...contains, name: " " })).toBe("Contains “hi” (any case)");
  });
});
