import { describe, expect, it } from "vitest";
import { PROFILES } from "../providers";
import { checkParam } from "./param-check";
import { regexProblem, toJavaScript } from "./regex-check";

// guided_regex goes to Python-`re`-syntax engines (Telnyx's page: "the output will follow the regex
// pattern"; vLLM's structured outputs): valid Python patterns must not be flagged.
describe("guided_regex in the server's dialect (issue 14 item 5)", () => {
  it.each([
    "(?P<year>\\d{4})-(?P<month>\\d{2})",
    "(?i)yes|no",
    "(?P<word>\\w+) (?P=word)",
    "(?i:abc)def",
    "\\A[a-z]+\\Z",
    "(?>ab|a)c",
    "a*+b",
    "x{2}+",
    "[]a]",
    "(?x) a b c",
    "[\\w.-]+@[\\w-]+\\.[a-z]{2,}",
  ])("accepts the Python pattern %s", (pattern) => {
    expect(regexProblem(pattern)).toBeNull();
    expect(checkParam(PROFILES.telnyx, "guided_regex", pattern)).toBeNull();
  });

  it.each(["(abc", "abc)", "*a", "[z-a]", "a{2,1}"])("flags %s, invalid in every dialect", (pattern) => {
    expect(regexProblem(pattern)).toMatch(/^Not a valid regular expression/);
  });

  it("rewrites only outside classes and escapes", () => {
    expect(toJavaScript("(?P<n>a)")).toBe("(?<n>a)");
    expect(toJavaScript("[(?P<n>]")).toBe("[(?P<n>]");
    expect(toJavaScript("\\(?P<n>")).toBe("\\(?P<n>");
    expect(toJavaScript("a+?b")).toBe("a+?b");
    expect(toJavaScript("a\\++")).toBe("a\\++");
  });
});
