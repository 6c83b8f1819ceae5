import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PARAM_NAMES, type ParamName } from "../params/catalog";
import { buildRequest } from "../request/build";
import { type Session, emptySession } from "../session/schema";
import { generateSnippet } from "../snippets/generate";
import { snippetTarget } from "../snippets/target";
import { snippetSessions } from "../snippets/testing/sessions";
import { importText } from "./import-text";

/** session → curl snippet → import gives back the session, for everything a curl command carries. */
function viaCurl(session: Session): Session {
  const target = snippetTarget(session, "http://127.0.0.1:3000");
  const r = importText(generateSnippet("curl", { session, ...target }), { origin: "http://127.0.0.1:3000" });
  if (!r.ok) throw new Error(r.error);
  return r.session;
}

/**
 * A session as its request carries it: message ids, disabled parameters and reasoning kept only
 * for display are not sent; JSON has no -0, so a generated -0 comes back as 0.
 */
function comparable(s: Session) {
  return JSON.parse(
    JSON.stringify({
      ...s,
      messages: s.messages.map(({ id: _id, reasoning, ...m }) => (reasoning?.send ? { ...m, reasoning } : m)),
      params: Object.fromEntries(PARAM_NAMES.filter((n) => s.params[n]?.enabled).map((n) => [n, s.params[n]])),
      extraBody: s.extraBody === "" ? {} : JSON.parse(s.extraBody),
    }),
  );
}

const text = fc.string({ unit: "grapheme", maxLength: 30 });
const paramValue = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.boolean(),
  text,
  fc.array(text, { maxLength: 3 }),
);
const sessionArb = fc.record({
  providerId: fc.constantFrom("horay", "neyra", "netmind", "telnyx", "openai", "avangenio", "local" as const),
  model: text,
  mode: fc.constantFrom("chat", "completions" as const),
  systemPrompt: fc.oneof(
    fc.constant(""),
    text.filter((t) => t.trim() !== ""),
  ),
  messages: fc.array(fc.record({ role: fc.constantFrom("user", "assistant" as const), content: text }), { maxLength: 4 }),
  prompt: text,
  params: fc.dictionary(fc.constantFrom(...PARAM_NAMES), paramValue, { maxKeys: 5 }),
  extra: fc.dictionary(fc.constantFrom("custom_a", "x-y", "stream_options"), text, { maxKeys: 2 }),
});

describe("round trip through a curl snippet", () => {
  it.each(Object.entries(snippetSessions()))("%s", (_name, session) => {
    const back = viaCurl(session);
    expect(JSON.parse(buildRequest(back).text)).toEqual(JSON.parse(buildRequest(session).text));
    // A parameter set through the extra body comes back as a parameter: same request, keys reordered.
    const extra = session.extraBody === "" ? {} : (JSON.parse(session.extraBody) as object);
    if (Object.keys(extra).some((k) => (PARAM_NAMES as readonly string[]).includes(k))) return;
    expect(buildRequest(back).text).toBe(buildRequest(session).text);
    expect(comparable(back)).toEqual(comparable(session));
  });

  it("holds for generated sessions: same request, same fields", () => {
    fc.assert(
      fc.property(sessionArb, (g) => {
        const session: Session = {
          ...emptySession(g.providerId, g.model),
          mode: g.mode,
          systemPrompt: g.mode === "chat" ? g.systemPrompt : "",
          messages: g.mode === "chat" ? g.messages.map((m, i) => ({ id: `x${i}`, ...m })) : [],
          prompt: g.mode === "completions" ? g.prompt : "",
          params: Object.fromEntries(Object.entries(g.params).map(([k, v]) => [k as ParamName, { enabled: true, value: v }])),
          extraBody: Object.keys(g.extra).length > 0 ? JSON.stringify(g.extra) : "",
        };
        const back = viaCurl(session);
        expect(buildRequest(back).text).toBe(buildRequest(session).text);
        expect(comparable(back)).toEqual(comparable(session));
      }),
      { numRuns: 150 },
    );
  });
});
