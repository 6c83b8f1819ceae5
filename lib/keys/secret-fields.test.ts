import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { isParamName } from "../params/catalog";
import { PROFILES } from "../providers";
import { emptySession } from "../session/schema";
import { generateSnippet, SNIPPET_LANGUAGES } from "../snippets";
import { prepareRequest } from "../request/prepare";
import { KeyStore, type StorageLike } from "./store";
import { secretFieldStoreId, secretFieldValues } from "./secret-fields";

// Telnyx's page (e2e/fixtures/provider-docs/004_00ce6cf8c44140ab.txt): "openai_api_key string  If you are using
// OpenAI models using our API, this is how you pass along your OpenAI API key."
const KEY = "sk-openai-0123456789secret";
const field = PROFILES.telnyx.secretFields?.[0];
const session = { ...emptySession("telnyx", "gpt-4o"), messages: [{ id: "1", role: "user" as const, content: "hi" }] };

describe("Telnyx openai_api_key (issue 14 item 4)", () => {
  it("is a documented secret field read from OPENAI_API_KEY, not a session parameter", () => {
    expect(field).toMatchObject({ name: "openai_api_key", env: "OPENAI_API_KEY" });
    expect(isParamName("openai_api_key")).toBe(false);
  });

  it("is sent in the body, shown masked, and absent when unset", () => {
    const p = prepareRequest(session, "", [{ field: field!, value: KEY }]);
    expect(JSON.parse(p.sendText)).toMatchObject({ model: "gpt-4o", openai_api_key: KEY });
    expect(p.built.text).not.toContain("0123456789");
    expect(JSON.parse(p.built.text).openai_api_key).toBe("sk-…cret");
    const none = prepareRequest(session, "", []);
    expect(none.sendText).toBe(none.built.text);
    expect(none.sendText).not.toContain("openai_api_key");
  });

  it("is held in memory only, never written to storage", () => {
    const written: string[] = [];
    const storage: StorageLike = { getItem: () => null, setItem: (k, v) => written.push(`${k}=${v}`), removeItem: () => {} };
    const store = new KeyStore(() => storage);
    store.set(secretFieldStoreId("telnyx", "openai_api_key"), KEY, false);
    expect(written).toEqual([]);
    const values = secretFieldValues(PROFILES.telnyx, (id) => store.get(id).key);
    expect(values.map((v) => v.value)).toEqual([KEY]);
    expect(secretFieldValues(PROFILES.neyra, (id) => store.get(id).key)).toEqual([]);
  });

  it.each(SNIPPET_LANGUAGES.map((l) => l.id))("%s snippet reads it from OPENAI_API_KEY, never the value", (lang) => {
    const code = generateSnippet(lang, {
      session,
      baseUrl: "https://api.telnyx.com/v2/ai",
      keyEnv: "TELNYX_API_KEY",
      envFields: [{ name: "openai_api_key", env: "OPENAI_API_KEY" }],
    });
    expect(code).not.toContain(KEY);
    expect(code).not.toContain("«env");
    expect(code).toMatch(/OPENAI_API_KEY/);
    expect(code).toContain("openai_api_key");
  });

  it("curl's body expands $OPENAI_API_KEY into valid JSON in a POSIX shell", () => {
    const code = generateSnippet("curl", {
      session,
      baseUrl: "https://api.telnyx.com/v2/ai",
      keyEnv: "TELNYX_API_KEY",
      envFields: [{ name: "openai_api_key", env: "OPENAI_API_KEY" }],
    });
    const word = code.slice(code.indexOf("-d ") + 3).trimEnd();
    const out = execFileSync("sh", ["-c", `printf %s ${word}`], {
      env: { ...process.env, OPENAI_API_KEY: "sk-from-env" },
      encoding: "utf8",
    });
    expect(JSON.parse(out)).toMatchObject({ model: "gpt-4o", openai_api_key: "sk-from-env" });
  });

  it("python reads os.environ, JavaScript process.env", () => {
    const input = {
      session,
      baseUrl: "https://api.telnyx.com/v2/ai",
      keyEnv: "TELNYX_API_KEY",
      envFields: [{ name: "openai_api_key", env: "OPENAI_API_KEY" }],
    };
    expect(generateSnippet("python", input)).toContain('"openai_api_key": os.environ["OPENAI_API_KEY"]');
    expect(generateSnippet("javascript", input)).toContain("openai_api_key: process.env.OPENAI_API_KEY");
  });
});
