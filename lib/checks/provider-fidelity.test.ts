import { describe, expect, it } from "vitest";
import { PROFILES } from "../providers";
import { checkParam, choiceOptions, rangeText } from "./param-check";

// Facts quoted from the seed pages (e2e/fixtures/provider-docs/, summarised in its providers.md).

describe("per-provider enum values (issue 14 item 2)", () => {
  it("Telnyx: tool_choice is documented as none/auto only", () => {
    // 004: "tool_choice string  Possible values: [none, auto]"
    expect(choiceOptions(PROFILES.telnyx, "tool_choice")).toEqual(["none", "auto"]);
    expect(rangeText(PROFILES.telnyx, "tool_choice")).toBe("none | auto");
    expect(checkParam(PROFILES.telnyx, "tool_choice", "auto")).toBeNull();
    expect(checkParam(PROFILES.telnyx, "tool_choice", "none")).toBeNull();
    expect(checkParam(PROFILES.telnyx, "tool_choice", "required")).toMatch(
      /Telnyx documents tool_choice only as none or auto, not "required"/,
    );
    expect(checkParam(PROFILES.telnyx, "tool_choice", { type: "function", function: { name: "f" } })).toMatch(/only as none or auto/);
  });

  it("OpenAI keeps its own list, required included", () => {
    expect(choiceOptions(PROFILES.openai, "tool_choice")).toContain("required");
    expect(checkParam(PROFILES.openai, "tool_choice", "required")).toBeNull();
  });

  it("Telnyx: response_format type text or json_object", () => {
    // 004: "response_format object ... content string Possible values: [text, json_object]"
    expect(checkParam(PROFILES.telnyx, "response_format", { type: "json_object" })).toBeNull();
    expect(checkParam(PROFILES.telnyx, "response_format", { type: "json_schema", json_schema: {} })).toMatch(
      /text or json_object, not "json_schema"/,
    );
    expect(rangeText(PROFILES.telnyx, "response_format")).toBe("JSON, type text | json_object");
    expect(checkParam(PROFILES.openai, "response_format", { type: "json_schema" })).toBeNull();
  });
});

describe("ranges as each page documents them (issue 14 item 7)", () => {
  it("Neyra: top_p 0 is not flagged", () => {
    expect(checkParam(PROFILES.neyra, "top_p", 0)).toBeNull();
    expect(checkParam(PROFILES.neyra, "top_p", 1.2)).toMatch(/above 1, the most Neyra documents/);
  });

  it("a general range is never shown as the provider's own", () => {
    // Horay's page gives temperature only a default (0.7), no range.
    expect(rangeText(PROFILES.horay, "temperature")).toBe("number, usual [0, 2] (Horay states no range), default 0.7");
    // Neyra's page: max_tokens is an "integer", no bounds.
    expect(rangeText(PROFILES.neyra, "max_tokens")).toBe("integer, usual [1, ∞] (Neyra states no range)");
    // Horay: "Required range: 1 <= x <= 4096", default 512.
    expect(rangeText(PROFILES.horay, "max_tokens")).toBe("integer [1, 4096], default 512");
    // Telnyx: top_logprobs "an integer between 0 and 20".
    expect(rangeText(PROFILES.telnyx, "top_logprobs")).toBe("integer [0, 20]");
    // Neyra: "between 0 and 2".
    expect(rangeText(PROFILES.neyra, "temperature")).toBe("number [0, 2]");
  });

  it("no page states a lower bound for n, max_tokens or best_of, so none is claimed", () => {
    for (const id of ["neyra", "horay", "avangenio", "netmind", "telnyx"] as const) {
      for (const name of ["n", "max_tokens", "best_of"] as const) {
        const spec = PROFILES[id].params[name];
        if (id === "horay" && name === "max_tokens") continue;
        expect(spec?.min, `${id} ${name}`).toBeUndefined();
      }
    }
  });

  it('notes Avangenio\'s integer-typed decimals and its max_tokens default "infinity"', () => {
    // 002: "frequency_penalty | no | integer | 0 | It ranges between -2.0 and 2.0"; "max_tokens | no | integer | infinity"
    for (const name of ["temperature", "top_p", "frequency_penalty", "presence_penalty"] as const) {
      expect(PROFILES.avangenio.params[name]?.note).toMatch(/"integer".*decimals/);
    }
    expect(PROFILES.avangenio.params.max_tokens?.note).toContain('"infinity"');
    expect(checkParam(PROFILES.avangenio, "temperature", 1.5)).toBeNull();
  });

  it("quotes Netmind's own compatibility caveat", () => {
    // 003: "Please note that we are not yet 100% compatible with all OpenAI parameters."
    expect(PROFILES.netmind.caveat).toContain("not yet 100% compatible with all OpenAI parameters");
    expect(PROFILES.horay.caveat).toBeUndefined();
  });
});
