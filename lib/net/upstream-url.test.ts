import { describe, expect, it } from "vitest";
import { ApiError } from "../errors";
import { parseCustomBaseUrl } from "./upstream-url";

function refusal(raw: string, allowPrivate = false): ApiError {
  try {
    parseCustomBaseUrl(raw, allowPrivate);
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error(`${raw} was accepted`);
}

describe("parseCustomBaseUrl", () => {
  it.each([
    "http://127.0.0.1:11434/v1",
    "http://2130706433/",
    "http://0x7f.1/",
    "http://0x7f000001/",
    "http://127.1/",
    "http://0177.0.0.1/",
    "http://017700000001/",
    "http://127.0.0.1./",
    "http://[::1]/",
    "http://[::ffff:7f00:1]/",
    "http://[::ffff:127.0.0.1]/",
    "http://169.254.169.254/latest/meta-data/",
    "http://0/",
    "https://[fd00::1]/v1",
    "http://10.0.0.1/",
  ])("refuses %s with 403 permission_error", (raw) => {
    const error = refusal(raw);
    expect(error.status).toBe(403);
    expect(error.type).toBe("permission_error");
    expect(error.message).toMatch(/Refused to contact/);
    expect(error.message).toContain("PLAYGROUND_ALLOW_PRIVATE_UPSTREAMS=1");
  });

  it.each(["http://user@127.0.0.1/", "http://user:pw@example.com/", "http://127.0.0.1:80@example.com/"])(
    "refuses credentials in %s with 403",
    (raw) => {
      const error = refusal(raw);
      expect(error.status).toBe(403);
      expect(error.message).toMatch(/credentials/);
    },
  );

  it.each(["ftp://example.com/", "file:///etc/passwd", "gopher://example.com/", "javascript:alert(1)"])(
    "refuses the %s scheme with 400",
    (raw) => {
      const error = refusal(raw);
      expect(error.status).toBe(400);
      expect(error.message).toMatch(/http or https/);
    },
  );

  it("asks for the header when it is missing, and for a URL when it is not one", () => {
    expect(refusal("").status).toBe(400);
    expect(refusal("not a url").message).toMatch(/not a valid URL/);
  });

  it("accepts public literals and hostnames (hostnames are vetted when connecting)", () => {
    expect(parseCustomBaseUrl("https://8.8.8.8/v1", false).href).toBe("https://8.8.8.8/v1");
    expect(parseCustomBaseUrl("https://openrouter.ai/api/v1#x", false).href).toBe("https://openrouter.ai/api/v1");
  });

  it("lets PLAYGROUND_ALLOW_PRIVATE_UPSTREAMS reach loopback, but never credentials", () => {
    expect(parseCustomBaseUrl("http://127.0.0.1:11434/v1", true).host).toBe("127.0.0.1:11434");
    expect(refusal("http://user@127.0.0.1/", true).status).toBe(403);
  });
});
