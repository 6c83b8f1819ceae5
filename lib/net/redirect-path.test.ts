import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./redirect-path";

const APP = "https://app.example";
/** Where a browser goes with `Location: <path>` on the app's origin. */
const landsOn = (path: string) => new URL(path, `${APP}/signin/submit`).origin;

describe("safeRedirectPath", () => {
  it("keeps paths on this origin as they are", () => {
    for (const path of ["/", "/compare", "/sweep?x=1&y=%2F#top", "/a/b/../c", "/%2F%2Fevil.example", "/caf%C3%A9"]) {
      expect(safeRedirectPath(path)).toBe(new URL(path, APP).href.slice(APP.length));
    }
  });

  it.each([
    "//evil.example",
    "/\\evil.example",
    "/\\/evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "\t//evil.example",
    " //evil.example",
    "/.//evil.example",
    "https://evil.example/",
    "evil.example",
    "javascript:alert(1)",
    "",
  ])("sends %j to /", (value) => {
    expect(safeRedirectPath(value)).toBe("/");
  });

  it("decodes nothing: encoded slashes stay a path on this origin", () => {
    expect(safeRedirectPath("/%2F%09%2Fevil.example")).toBe("/%2F%09%2Fevil.example");
    expect(landsOn(safeRedirectPath("/%5C%5Cevil.example"))).toBe(APP);
  });

  it("never leaves the origin, never carries a control character, and is stable (property)", () => {
    const piece = fc.constantFrom(
      "/",
      "\\",
      "\t",
      "\n",
      "\r",
      " ",
      ".",
      "..",
      "%2F",
      "%5C",
      "%09",
      "@",
      ":",
      "?",
      "#",
      "evil.example",
      "\u0000",
      "\u00e9",
      "\u2028",
    );
    const value = fc.oneof(
      fc.string({ unit: "binary" }),
      fc.array(piece, { maxLength: 8 }).map((p) => p.join("")),
    );
    fc.assert(
      fc.property(value, (v) => {
        const out = safeRedirectPath(v);
        return /^\/(?!\/)[\x21-\x7e]*$/.test(out) && landsOn(out) === APP && safeRedirectPath(out) === out;
      }),
      { numRuns: 500 },
    );
  });

  it("is / for anything but a string", () => {
    expect(safeRedirectPath(null)).toBe("/");
    expect(safeRedirectPath(undefined)).toBe("/");
  });
});
