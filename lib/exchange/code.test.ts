import { describe, expect, it } from "vitest";
import { emptySession, type Session } from "../session/schema";
import { REDACTED_KEY, SNIPPET_LANGUAGES } from "../snippets";
import { snippetFor, snippetNotes } from "./code";

const ORIGIN = "http://127.0.0.1:3000";
const session = (over: Partial<Session> = {}): Session => ({
  ...emptySession("horay", "meta-llama/Meta-Llama-3.1-8B-Instruct"),
  messages: [{ id: "m1", role: "user", content: "hi" }],
  ...over,
});

describe("snippetFor", () => {
  it("writes every language for the session's own target", () => {
    for (const { id } of SNIPPET_LANGUAGES) {
      const view = snippetFor(id, session(), ORIGIN);
      expect(view.ok, id).toBe(true);
      if (view.ok) expect(view.code, id).toContain("api.horay.ai");
    }
  });

  it("targets this app for the local provider", () => {
    const view = snippetFor("curl", emptySession("local", "tiny"), ORIGIN);
    expect(view.ok && view.code).toContain(`${ORIGIN}/api/local/v1/chat/completions`);
  });

  it("changes when the session changes", () => {
    const a = snippetFor("python", session(), ORIGIN);
    const b = snippetFor("python", session({ params: { temperature: { enabled: true, value: 0.3 } } }), ORIGIN);
    expect(a).not.toEqual(b);
    expect(b.ok && b.code).toContain("0.3");
  });
});

describe("snippetNotes", () => {
  it("names the key variable and says the typed key is left out", () => {
    expect(snippetNotes(session(), ORIGIN)).toEqual([
      "The code reads the key from the HORAY_API_KEY environment variable; the key typed in the playground is not included.",
    ]);
  });

  it("has nothing to say for the local provider", () => {
    expect(snippetNotes(emptySession("local", "tiny"), ORIGIN)).toEqual([]);
  });

  it("says when the extra body can't be used", () => {
    const notes = snippetNotes(session({ extraBody: "{oops" }), ORIGIN);
    expect(notes[0]).toMatch(
      /^The request can't be built as it stands \(Extra body is not valid JSON: .*\); the snippet leaves the extra body out\.$/,
    );
  });

  it("says when custom has no base URL, and not once it has one", () => {
    const bare = snippetNotes(emptySession("custom", "llama3"), ORIGIN);
    expect(bare.some((n) => n.includes("no base URL"))).toBe(true);
    const set = snippetNotes({ ...emptySession("custom", "llama3"), baseUrl: "http://localhost:11434/v1" }, ORIGIN);
    expect(set.some((n) => n.includes("no base URL"))).toBe(false);
  });

  it("says which extra-body keys are shown redacted, without their values", () => {
    const s = session({ extraBody: JSON.stringify({ openai_api_key: "sk-secret-123", top_k: 3 }) });
    const notes = snippetNotes(s, ORIGIN);
    expect(notes.join(" ")).toContain(`openai_api_key is shown as “${REDACTED_KEY}”`);
    expect(notes.join(" ")).not.toContain("sk-secret-123");
    const view = snippetFor("curl", s, ORIGIN);
    expect(view.ok && view.code).not.toContain("sk-secret-123");
  });
});
