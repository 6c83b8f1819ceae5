import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { emptySession, type Session } from "../session/schema";
import { fromBase64Url, toBase64Url } from "./base64url";
import { deflateRaw } from "./compress";
import { decodeShare, encodeShare, shareUrl } from "./codec";
import { MAX_COLUMNS } from "../compare/limits";
import type { SharePayload } from "./schema";

const session: Session = {
  ...emptySession("custom", "llama3.1"),
  baseUrl: "http://localhost:11434/v1",
  systemPrompt: "Be brief 😀",
  messages: [
    { id: "m1", role: "user", content: 'Привет, it\'s "quoted"\nline' },
    { id: "m2", role: "assistant", content: "hi" },
  ],
  params: { temperature: { enabled: true, value: 0.3 }, top_k: { enabled: false, value: 5 } },
  extraBody: '{"foo": 1}',
};
const compare: SharePayload = {
  kind: "compare",
  session,
  columns: [
    { id: "a", providerId: "horay", model: "gpt-4o-mini", baseUrl: "", params: { max_tokens: { enabled: true, value: 10 } } },
    { id: "b", providerId: "neyra", model: "neyra/1D", baseUrl: "https://api.neyratech.com/v1", params: {} },
  ],
};

async function fragmentOf(json: string): Promise<string> {
  return `#s=v1.${toBase64Url(await deflateRaw(new TextEncoder().encode(json)))}`;
}

describe("base64url", () => {
  it("round-trips every length and rejects what no encoder writes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
      }),
    );
    expect(toBase64Url(new Uint8Array([251, 255]))).toBe("-_8");
    expect(fromBase64Url("ab+c")).toBeNull();
    expect(fromBase64Url("abcde")).toBeNull();
  });
});

describe("share links", () => {
  it("round-trip a session and a compare view through a full URL", async () => {
    for (const payload of [{ kind: "session", session } as const, compare]) {
      const fragment = await encodeShare(payload);
      expect(fragment).toMatch(/^#s=v1\.[A-Za-z0-9_-]+$/);
      const url = shareUrl("https://play.example/?x=1#old", fragment);
      expect(url.startsWith("https://play.example/?x=1#s=v1.")).toBe(true);
      expect(await decodeShare(url)).toEqual({ ok: true, value: payload });
      expect(await decodeShare(fragment.slice(1))).toEqual({ ok: true, value: payload });
    }
  });

  it("never carries a key: unknown fields are dropped and key fields leave the extra body", async () => {
    const withKey = { ...session, apiKey: "sk-secret-1", extraBody: '{"openai_api_key":"sk-secret-2","foo":1}' };
    const fragment = await encodeShare({ kind: "session", session: withKey } as SharePayload);
    const decoded = await decodeShare(fragment);
    expect(decoded.ok).toBe(true);
    const text = JSON.stringify(decoded);
    expect(text).not.toContain("sk-secret");
    if (decoded.ok) expect(JSON.parse(decoded.value.session.extraBody)).toEqual({ foo: 1 });
  });

  it.each([
    ["", /no shared session/],
    ["https://play.example/", /no shared session/],
    ["#s=", /does not start with a format version/],
    ["#s=v2.abc", /another version of the playground \(format v2\)/],
    ["#s=v1.ab$c", /characters a shared session never has/],
    ["#s=v1.AAAA", /can't be unpacked|not valid JSON/],
  ])("rejects %j with a clear message", async (input, message) => {
    const r = await decodeShare(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });

  it("rejects a cut-off link", async () => {
    const fragment = await encodeShare({ kind: "session", session });
    const r = await decodeShare(fragment.slice(0, fragment.length - 12));
    expect(r).toMatchObject({ ok: false });
  });

  it("validates a hand-edited payload with zod and says where it is wrong", async () => {
    const edited = { kind: "session", session: { ...session, messages: [{ id: "m1", role: "wizard", content: "x" }] } };
    const r = await decodeShare(await fragmentOf(JSON.stringify(edited)));
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/^This link's session is not valid: session\.messages\.0\.role: /) });
    const notJson = await decodeShare(await fragmentOf("{nope"));
    expect(notJson).toEqual({ ok: false, error: "This link is damaged: its data is not valid JSON." });
  });

  it("refuses a payload that inflates past the cap", async () => {
    const huge = JSON.stringify({ kind: "session", pad: "x".repeat(9_000_000) });
    const r = await decodeShare(await fragmentOf(huge));
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/more than 8 MB/) });
  });

  it("refuse a compare view with more targets than the compare view shows, saying so, instead of cutting it", async () => {
    const columns = Array.from({ length: MAX_COLUMNS + 1 }, (_, i) => ({ ...compare.columns[0]!, id: `c${i}` }));
    const json = JSON.stringify({ ...compare, columns });
    expect(await decodeShare(await fragmentOf(json))).toEqual({
      ok: false,
      error: `This link's session is not valid: columns: a compare view has at most ${MAX_COLUMNS} targets.`,
    });
    await expect(encodeShare({ ...compare, columns })).rejects.toThrow(/at most/);
    const allowed = await decodeShare(await fragmentOf(JSON.stringify({ ...compare, columns: columns.slice(1) })));
    expect(allowed.ok && allowed.value.kind === "compare" && allowed.value.columns.length).toBe(MAX_COLUMNS);
  });

  it("never throws or rejects, for any string or any mutation of a valid link", async () => {
    const valid = await encodeShare(compare);
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), async (s) => {
        const r = await decodeShare(s);
        expect(typeof r.ok).toBe("boolean");
      }),
      { numRuns: 200 },
    );
    await fc.assert(
      fc.asyncProperty(fc.nat(valid.length - 1), fc.string({ maxLength: 3 }), fc.nat(3), async (at, insert, cut) => {
        const mutated = valid.slice(0, at) + insert + valid.slice(at + cut);
        const r = await decodeShare(mutated);
        if (!r.ok) expect(r.error.length).toBeGreaterThan(10);
      }),
      { numRuns: 300 },
    );
  });
});
