import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { emptySession } from "../session/schema";
import { fromBase64Url, toBase64Url } from "./base64url";
import { decodeShare, encodeShare } from "./codec";
import { deflateRaw } from "./compress";
import { sharePayloadSchema } from "./schema";

/**
 * decodeShare never throws and never rejects; when it says ok, the payload passes the schema.
 * codec.test.ts already throws random strings and string edits at it; this goes past the outer
 * layers: well-formed base64url of random bytes (the inflater), valid compressed streams with
 * bytes flipped, and properly compressed arbitrary JSON (the zod schema). Fixed seeds.
 */
async function check(fragment: string): Promise<void> {
  const r = await decodeShare(fragment);
  if (r.ok) expect(sharePayloadSchema.safeParse(r.value).success).toBe(true);
  else expect(r.error.length).toBeGreaterThan(10);
}

const packed = async (json: string) => `#s=v1.${toBase64Url(await deflateRaw(new TextEncoder().encode(json)))}`;

describe("decodeShare under fuzzing", () => {
  it("links of any characters, with and without a plausible prefix", async () => {
    const prefix = fc.constantFrom("", "#s=", "#s=v1.", "https://x.test/#s=v1.", "#s=v2.", "?s=v1.", "#s=v1..");
    await fc.assert(
      fc.asyncProperty(prefix, fc.string({ unit: "binary", maxLength: 300 }), (p, s) => check(p + s)),
      { numRuns: 1000, seed: 5101 },
    );
  });

  it("base64url of random bytes (the inflater's input)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), (bytes) => check(`#s=v1.${toBase64Url(bytes)}`)),
      { numRuns: 1000, seed: 5102 },
    );
  });

  it("a valid link with bytes of its compressed stream flipped or cut", async () => {
    const valid = await encodeShare({ kind: "session", session: emptySession("horay", "gpt-4o-mini") });
    const bytes = fromBase64Url(valid.slice(valid.indexOf("v1.") + 3));
    if (!bytes) throw new Error("encodeShare made a link its own decoder cannot read");
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(bytes.length - 1), fc.nat(255)), { minLength: 1, maxLength: 4 }),
        fc.nat(bytes.length),
        async (flips, keep) => {
          const copy = bytes.slice(0, Math.max(1, keep));
          for (const [at, value] of flips) if (at < copy.length) copy[at] = value;
          await check(`#s=v1.${toBase64Url(copy)}`);
        },
      ),
      { numRuns: 1000, seed: 5103 },
    );
  });

  it("well-packed JSON of any shape, and payloads with wrong types in every field", async () => {
    const session = fc.record(
      { providerId: fc.jsonValue(), model: fc.jsonValue(), messages: fc.jsonValue(), params: fc.jsonValue(), baseUrl: fc.jsonValue() },
      { requiredKeys: [] },
    );
    const payload = fc.oneof(
      fc.jsonValue(),
      fc.record({ kind: fc.constantFrom("session", "compare", 1, null), session, columns: fc.jsonValue() }),
    );
    await fc.assert(
      fc.asyncProperty(payload, async (v) => check(await packed(JSON.stringify(v) ?? "null"))),
      { numRuns: 1000, seed: 5104 },
    );
  });

  it("deep nesting inside a valid packing answers, without a stack overflow escaping", async () => {
    await check(await packed(`{"kind":"session","session":${"[".repeat(100_000)}${"]".repeat(100_000)}}`));
    await check(await packed(`{"kind":"session","session":{"params":${'{"a":'.repeat(20_000)}1${"}".repeat(20_000)}}}`));
  });
});
