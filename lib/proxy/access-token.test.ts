import { describe, expect, it } from "vitest";
import { accessCookieValue, hasAccess, safeEqual } from "./access-token";

describe("access token", () => {
  const token = "let-me-in";

  it("accepts the sign-in cookie, the header, and a bearer where allowed", () => {
    const cookie = new Headers({ cookie: `a=1; playground_access=${accessCookieValue(token)}` });
    expect(hasAccess(cookie, token, { allowBearer: false })).toBe(true);
    expect(hasAccess(new Headers({ "x-playground-access-token": token }), token, { allowBearer: false })).toBe(true);
    const bearer = new Headers({ authorization: `Bearer ${token}` });
    expect(hasAccess(bearer, token, { allowBearer: true })).toBe(true);
    expect(hasAccess(bearer, token, { allowBearer: false })).toBe(false);
  });

  it("refuses wrong values and a cookie holding the raw token", () => {
    expect(hasAccess(new Headers({ cookie: `playground_access=${token}` }), token, { allowBearer: true })).toBe(false);
    expect(hasAccess(new Headers({ "x-playground-access-token": "nope" }), token, { allowBearer: true })).toBe(false);
    expect(hasAccess(new Headers(), token, { allowBearer: true })).toBe(false);
  });

  it("compares strings of different lengths safely", () => {
    expect(safeEqual("a", "a")).toBe(true);
    expect(safeEqual("a", "ab")).toBe(false);
  });
});
