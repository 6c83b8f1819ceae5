import { describe, expect, it } from "vitest";
import { PARAM_EXAMPLES } from "../params/examples";
import { PROFILES } from "../providers";
import { checkParam, formatList, parseList, rangeText, splitDocumented } from "./param-check";

describe("checkParam", () => {
  it("flags Horay max_tokens above 4096 and accepts 4096", () => {
    expect(checkParam(PROFILES.horay, "max_tokens", 5000)).toMatch(/above 4096.*Horay/);
    expect(checkParam(PROFILES.horay, "max_tokens", 4096)).toBeNull();
  });

  it("flags a fifth stop string for Netmind", () => {
    expect(checkParam(PROFILES.netmind, "stop", ["a", "b", "c", "d"])).toBeNull();
    expect(checkParam(PROFILES.netmind, "stop", ["a", "b", "c", "d", "e"])).toMatch(/at most 4/);
  });

  it("falls back to the catalogue's general range where the provider says nothing", () => {
    expect(checkParam(PROFILES.custom, "temperature", 3)).toMatch(/usual maximum 2/);
    expect(checkParam(PROFILES.custom, "top_p", 0)).toMatch(/not above/);
    // The local provider refuses top_p 0 (its schema is (0, 1]); OpenAI documents [0, 1].
    expect(checkParam(PROFILES.local, "top_p", 0)).toMatch(/not above 0/);
    expect(checkParam(PROFILES.local, "top_p", 0.01)).toBeNull();
    expect(checkParam(PROFILES.openai, "top_p", 0)).toBeNull();
    expect(checkParam(PROFILES.local, "n", 1.5)).toMatch(/whole number/);
    expect(checkParam(PROFILES.local, "temperature", Number.NaN)).toMatch(/not a number/);
  });

  it("flags JSON that did not parse and a bad regex", () => {
    expect(checkParam(PROFILES.local, "guided_json", "{oops")).toMatch(/not valid JSON/);
    expect(checkParam(PROFILES.local, "guided_json", { type: "object" })).toBeNull();
    expect(checkParam(PROFILES.local, "guided_regex", "(")).toMatch(/regular expression/);
  });

  it("accepts OpenAI function definitions in tools (the panel's example among them) and flags others", () => {
    expect(checkParam(PROFILES.openai, "tools", PARAM_EXAMPLES.tools)).toBeNull();
    expect(checkParam(PROFILES.openai, "tools", [{ type: "function", function: { name: "f" } }])).toBeNull();
    expect(checkParam(PROFILES.openai, "tools", { type: "function" })).toMatch(/list of function definitions/);
    expect(checkParam(PROFILES.openai, "tools", [{ name: "f", parameters: {} }])).toMatch(/tools\[0\] is not a function definition/);
    expect(checkParam(PROFILES.openai, "tools", [{ type: "function", function: { name: "f", parameters: [] } }])).toMatch(
      /JSON Schema object/,
    );
  });
});

describe("panel helpers", () => {
  it("splits documented and undocumented parameters", () => {
    const { documented, undocumented } = splitDocumented(PROFILES.neyra);
    expect(documented).toEqual(["stream", "temperature", "top_p", "max_tokens", "stop"]);
    expect(undocumented).toContain("seed");
  });

  it("describes ranges", () => {
    expect(rangeText(PROFILES.horay, "max_tokens")).toBe("integer [1, 4096], default 512");
    expect(rangeText(PROFILES.netmind, "stop")).toBe("up to 4 strings");
  });

  it("round-trips list text with escapes", () => {
    const list = ["a", "line\nbreak", "back\\slash"];
    expect(parseList(formatList(list))).toEqual(list);
    expect(parseList("x\n\ny\n")).toEqual(["x", "y"]);
  });
});
