import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  ACCESS_COOKIE_MAX_AGE_S,
  acceptsAccessCookie,
  accessFailureLimit,
  checkAccess,
  DEFAULT_ACCESS_FAILURES_PER_MIN,
  type GateContext,
  issueAccessCookie,
  judgeOffer,
  safeEqual,
  sessionSecret,
} from "./access-token";
import { RateLimiter } from "./rate-limit";

const token = "let-me-in";
const secret = "deployment-secret";
const env = { PLAYGROUND_SESSION_SECRET: secret, PLAYGROUND_ACCESS_FAILURES_PER_MIN: "3" };
const gate = (peer = "203.0.113.9", now = 0, failures = new RateLimiter()): GateContext => ({ env, failures, now, peer });
const withCookie = (value: string) => new Headers({ cookie: `a=1; playground_access=${value}` });

describe("the sign-in cookie", () => {
  it("is an HMAC under the deployment's secret, with an expiry, not a hash of the token", () => {
    const cookie = issueAccessCookie(token, secret, 1_000_000);
    expect(cookie).toMatch(/^v2\.\d+\.[\w-]{43}$/);
    for (const plain of [token, `playground-access-v1:${token}`]) {
      expect(cookie).not.toContain(createHash("sha256").update(plain).digest("base64url"));
      expect(cookie).not.toContain(createHash("sha256").update(plain).digest("hex"));
    }
    expect(issueAccessCookie(token, "another-secret", 1_000_000)).not.toBe(cookie);
    expect(acceptsAccessCookie(cookie, token, secret, 1_000_000)).toBe(true);
    expect(acceptsAccessCookie(cookie, token, "another-secret", 1_000_000)).toBe(false);
    expect(acceptsAccessCookie(cookie, "new-token", secret, 1_000_000)).toBe(false);
  });

  it("stops working at its expiry, and cannot be re-dated", () => {
    const cookie = issueAccessCookie(token, secret, 0);
    expect(acceptsAccessCookie(cookie, token, secret, ACCESS_COOKIE_MAX_AGE_S * 1000 - 1)).toBe(true);
    expect(acceptsAccessCookie(cookie, token, secret, ACCESS_COOKIE_MAX_AGE_S * 1000)).toBe(false);
    const redated = cookie.replace(/^v2\.\d+\./, `v2.${ACCESS_COOKIE_MAX_AGE_S * 10}.`);
    expect(acceptsAccessCookie(redated, token, secret, ACCESS_COOKIE_MAX_AGE_S * 1000)).toBe(false);
  });

  it("refuses the old unsalted digest and the raw token", () => {
    const old = createHash("sha256").update(`playground-access-v1:${token}`).digest("base64url");
    expect(checkAccess(withCookie(old), token, { allowBearer: true }, gate())?.status).toBe(401);
    expect(checkAccess(withCookie(token), token, { allowBearer: true }, gate())?.status).toBe(401);
    expect(checkAccess(withCookie(issueAccessCookie(token, secret, 0)), token, { allowBearer: true }, gate())).toBeNull();
  });

  it("takes PLAYGROUND_SESSION_SECRET, else one random secret per process", () => {
    expect(sessionSecret(env)).toBe(secret);
    const generated = sessionSecret({});
    expect(generated).toMatch(/^[\w-]{43}$/);
    expect(sessionSecret({ PLAYGROUND_SESSION_SECRET: " " })).toBe(generated);
  });
});

describe("checkAccess", () => {
  it("accepts the header, and a bearer where allowed", () => {
    expect(checkAccess(new Headers({ "x-playground-access-token": token }), token, { allowBearer: false }, gate())).toBeNull();
    const bearer = new Headers({ authorization: `Bearer ${token}` });
    expect(checkAccess(bearer, token, { allowBearer: true }, gate())).toBeNull();
    expect(checkAccess(bearer, token, { allowBearer: false }, gate())?.status).toBe(401);
    expect(checkAccess(new Headers(), token, { allowBearer: true }, gate())?.status).toBe(401);
  });
});

describe("the wrong-token throttle", () => {
  const wrong = new Headers({ "x-playground-access-token": "guess" });
  const right = new Headers({ "x-playground-access-token": token });

  it("answers 429 with retry-after past the limit, to right and wrong tokens alike, until the window ends", async () => {
    const failures = new RateLimiter();
    for (let i = 0; i < 3; i++) expect(checkAccess(wrong, token, { allowBearer: false }, gate(undefined, 0, failures))?.status).toBe(401);
    const throttled = checkAccess(wrong, token, { allowBearer: false }, gate(undefined, 15_000, failures));
    expect(throttled?.status).toBe(429);
    const res = throttled?.toResponse();
    expect(res?.headers.get("retry-after")).toBe("45");
    expect(await res?.json()).toEqual({
      error: {
        message: "Too many wrong access tokens from your address: the limit is 3 per minute. Try again in 45 s.",
        type: "rate_limit_error",
        param: null,
        code: "access_token_throttled",
      },
    });
    expect(checkAccess(right, token, { allowBearer: false }, gate(undefined, 15_000, failures))?.status).toBe(429);
    expect(checkAccess(right, token, { allowBearer: false }, gate(undefined, 60_000, failures))).toBeNull();
  });

  it("counts per client, shares the count between every way of offering a token, and spares valid cookies", () => {
    const failures = new RateLimiter();
    expect(judgeOffer(["a"], token, new Headers(), gate(undefined, 0, failures))?.status).toBe(401);
    expect(
      checkAccess(new Headers({ authorization: "Bearer b" }), token, { allowBearer: true }, gate(undefined, 0, failures))?.status,
    ).toBe(401);
    expect(checkAccess(wrong, token, { allowBearer: false }, gate(undefined, 0, failures))?.status).toBe(401);
    expect(judgeOffer([token], token, new Headers(), gate(undefined, 0, failures))?.status).toBe(429);
    expect(judgeOffer([token], token, new Headers(), gate("198.51.100.7", 0, failures))).toBeNull();
    const cookie = withCookie(issueAccessCookie(token, secret, 0));
    expect(checkAccess(cookie, token, { allowBearer: false }, gate(undefined, 0, failures))).toBeNull();
  });

  it("counts neither requests without a token nor stale cookies, and ignores X-Forwarded-For without a trusted proxy", () => {
    const failures = new RateLimiter();
    for (let i = 0; i < 10; i++) {
      expect(checkAccess(new Headers(), token, { allowBearer: false }, gate(undefined, 0, failures))?.status).toBe(401);
      expect(checkAccess(withCookie("v2.1.stale"), token, { allowBearer: false }, gate(undefined, 0, failures))?.status).toBe(401);
    }
    for (let i = 0; i < 3; i++) {
      const spoofed = new Headers({ "x-playground-access-token": "guess", "x-forwarded-for": `10.0.0.${i}` });
      expect(checkAccess(spoofed, token, { allowBearer: false }, gate(undefined, 0, failures))?.status).toBe(401);
    }
    expect(checkAccess(wrong, token, { allowBearer: false }, gate(undefined, 0, failures))?.status).toBe(429);
  });

  it("reads PLAYGROUND_ACCESS_FAILURES_PER_MIN (default 10, 0 turns it off)", () => {
    expect(accessFailureLimit({})).toBe(DEFAULT_ACCESS_FAILURES_PER_MIN);
    expect(accessFailureLimit({ PLAYGROUND_ACCESS_FAILURES_PER_MIN: "x" })).toBe(DEFAULT_ACCESS_FAILURES_PER_MIN);
    expect(accessFailureLimit({ PLAYGROUND_ACCESS_FAILURES_PER_MIN: "0" })).toBe(0);
    const failures = new RateLimiter();
    const off = { env: { PLAYGROUND_ACCESS_FAILURES_PER_MIN: "0" }, failures, now: 0, peer: "203.0.113.9" };
    for (let i = 0; i < 20; i++) expect(judgeOffer(["guess"], token, new Headers(), off)?.status).toBe(401);
  });

  it("compares strings of different lengths safely", () => {
    expect(safeEqual("a", "a")).toBe(true);
    expect(safeEqual("a", "ab")).toBe(false);
  });
});
