import { describe, expect, it } from "vitest";
import { draftOf, patchDraft, textForKind } from "./axis-drafts";
import { axisFromText, TARGET_AXIS } from "./axis-text";

describe("axis drafts", () => {
  it("a draft of an axis parses back to that axis", () => {
    const axis = { kind: "param" as const, param: "temperature" as const, values: [0, 0.5, 1] };
    const d = draftOf(axis);
    expect(d).toMatchObject({ kind: "temperature", error: null });
    expect(axisFromText(d.kind, d.text).axis).toEqual(axis);
  });

  it("a patch works the error out again from the new text", () => {
    const d = draftOf({ kind: "param", param: "temperature", values: [0] });
    const bad = patchDraft(d, { text: "not a number" });
    expect(bad.error).toEqual(expect.any(String));
    expect(patchDraft(bad, { text: "1, 2" }).error).toBeNull();
  });

  it("a provider/model axis starts at the base request's target, with its base URL when it has one", () => {
    const base = { providerId: "custom" as const, model: "m", baseUrl: "http://example.test/v1" };
    expect(textForKind(TARGET_AXIS, base)).toBe("custom:m @ http://example.test/v1");
    expect(textForKind(TARGET_AXIS, { ...base, baseUrl: "" })).toBe("custom:m");
    expect(textForKind("seed", base)).toBe("");
  });
});
