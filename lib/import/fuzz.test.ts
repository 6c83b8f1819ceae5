import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { emptySession, type Session, sessionSchema } from "../session/schema";
import { generateSnippet } from "../snippets";
import { importText } from "./import-text";

/**
 * Whatever is pasted, importText returns a result and never throws: ok with a session that passes
 * the schema, or an error with a message. Complements roundtrip.test.ts (which generates valid
 * sessions) with broken input: random text, random JSON, and curl commands mutated the way a
 * copy-paste or a hand edit breaks them. Fixed seeds, so a failure reproduces.
 */
function check(text: string): void {
  const r = importText(text);
  if (r.ok) expect(sessionSchema.safeParse(r.session).success).toBe(true);
  else expect(r.error.length).toBeGreaterThan(5);
}

const session: Session = {
  ...emptySession("horay", "meta-llama/Meta-Llama-3.1-8B-Instruct"),
  systemPrompt: "Be brief, 'quoted' and \"double\" $HOME `cmd`",
  messages: [{ id: "m1", role: "user", content: "Hello\nwith a newline and \\ a backslash" }],
  params: {
    temperature: { enabled: true, value: 0.3 },
    stream: { enabled: true, value: true },
    stop: { enabled: true, value: ["\n", "END"] },
  },
};
const curls = [
  generateSnippet("curl", { session, baseUrl: "https://api.horay.ai/v1", keyEnv: "HORAY_API_KEY" }),
  generateSnippet("curl", {
    session: { ...session, providerId: "local", model: "local-ngram" },
    baseUrl: "http://127.0.0.1:3000/api/local/v1",
    keyEnv: null,
  }),
  `curl https://api.openai.com/v1/chat/completions -H "Authorization: Bearer sk-abc" -H 'Content-Type: application/json' --data-raw '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}]}'`,
];
/** Characters that matter to a shell, to JSON, or to the curl parser. */
const nasty = fc.constantFrom(
  "'",
  '"',
  "\\",
  "\n",
  " ",
  "$",
  "`",
  "{",
  "}",
  "[",
  "]",
  ",",
  ":",
  "-d",
  "-H",
  "--",
  "\\\n",
  "\u0000",
  "😀",
  "\r",
);
const insert = fc.array(fc.oneof(nasty, fc.string({ maxLength: 4 })), { maxLength: 4 }).map((parts) => parts.join(""));

describe("importText under fuzzing", () => {
  it("any text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (s) => check(s)),
      { numRuns: 1500, seed: 4201 },
    );
  });

  it("any JSON value, and JSON shaped like a request body with wrong types", () => {
    const body = fc.record(
      { model: fc.jsonValue(), messages: fc.jsonValue(), prompt: fc.jsonValue(), temperature: fc.jsonValue(), stream: fc.jsonValue() },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), body), (v) => check(JSON.stringify(v) ?? "")),
      { numRuns: 1500, seed: 4202 },
    );
  });

  it("curl commands cut, spliced and mutated", () => {
    const mutation = fc.record({
      which: fc.nat(curls.length - 1),
      at: fc.nat(2000),
      cut: fc.nat(12),
      insert,
      truncate: fc.boolean(),
    });
    fc.assert(
      fc.property(mutation, ({ which, at, cut, insert: text, truncate }) => {
        const base = curls[which] ?? "";
        const i = at % (base.length + 1);
        check(truncate ? base.slice(0, i) : base.slice(0, i) + text + base.slice(i + cut));
      }),
      { numRuns: 2000, seed: 4203 },
    );
  });

  it("bounds the pathological: a 1 MB paste and deep nesting answer at once", () => {
    const t0 = Date.now();
    check(`curl -d '${"[".repeat(100_000)}'`);
    check("{".repeat(200_000));
    check(`curl ${"'a' ".repeat(50_000)}`);
    expect(Date.now() - t0).toBeLessThan(5000);
  });
});
