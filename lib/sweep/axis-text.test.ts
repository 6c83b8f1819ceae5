import { describe, expect, it } from "vitest";
import { axisFromText, axisText, TARGET_AXIS } from "./axis-text";

describe("axis text", () => {
  it("parses parameter values and provider/model lines, and writes them back", () => {
    const t = axisFromText("temperature", "0, 0.5..1 step 0.5");
    expect(t).toEqual({ axis: { kind: "param", param: "temperature", values: [0, 0.5, 1] }, error: null });
    expect(axisFromText("temperature", axisText(t.axis))).toEqual(t);
    const m = axisFromText(TARGET_AXIS, "local:local-ngram");
    expect(m.axis).toEqual({ kind: "target", targets: [{ providerId: "local", model: "local-ngram", baseUrl: "" }] });
  });

  it("gives an axis without values and the reason when the text does not parse", () => {
    const bad = axisFromText("seed", "1, x");
    expect(bad.axis).toEqual({ kind: "param", param: "seed", values: [] });
    expect(bad.error).toMatch(/seed/);
    expect(axisFromText("nope", "1").error).toMatch(/not a parameter/);
  });
});
