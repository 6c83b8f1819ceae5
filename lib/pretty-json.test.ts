import { describe, expect, it } from "vitest";
import { prettyJson } from "./pretty-json";

describe("prettyJson", () => {
  it("indents JSON text and gives null for anything else", () => {
    expect(prettyJson('{"a":[1,2]}')).toBe('{\n  "a": [\n    1,\n    2\n  ]\n}');
    expect(prettyJson('"x"')).toBe('"x"');
    expect(prettyJson('{"a":')).toBeNull();
    expect(prettyJson("")).toBeNull();
  });
});
