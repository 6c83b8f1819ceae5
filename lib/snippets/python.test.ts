import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { PARAMS, isParamName } from "../params/catalog";
import { buildRequest } from "../request/build";
import { generateSnippet } from "./generate";
import { run } from "./testing/recorder";
import { snippetSessions } from "./testing/sessions";

/**
 * The openai package is not installed for Python here, so the snippet is compiled by
 * `python3 -m py_compile` and its create() call read back by Python's own parser: the keyword
 * arguments plus extra_body must be the playground's body, and every parameter OpenAI's SDK
 * does not know must be inside extra_body.
 */
const dir = mkdtempSync(join(tmpdir(), "snippet-py-"));
const helper = fileURLToPath(new URL("./testing/py_call.py", import.meta.url));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface PyCall {
  method: string;
  kwargs: Record<string, unknown>;
  extra_body: Record<string, unknown> | null;
}

describe("Python snippet", () => {
  it.each(Object.entries(snippetSessions()))("%s: compiles and passes the body through kwargs and extra_body", async (_name, session) => {
    const file = join(dir, `s_${randomBytes(4).toString("hex")}.py`);
    writeFileSync(file, generateSnippet("python", { session, baseUrl: "https://api.example.test/v1", keyEnv: "HORAY_API_KEY" }));
    const compiled = await run("python3", ["-m", "py_compile", file]);
    expect(compiled.stderr).toBe("");
    expect(compiled.code).toBe(0);

    const read = await run("python3", [helper, file]);
    expect(read.stderr).toBe("");
    const call = JSON.parse(read.stdout) as PyCall;
    const built = buildRequest(session);
    expect(call.method).toBe(built.path === "completions" ? "client.completions.create" : "client.chat.completions.create");
    expect({ ...call.kwargs, ...call.extra_body }).toEqual(JSON.parse(built.text));
    for (const key of Object.keys(built.body)) {
      if (isParamName(key) && PARAMS[key].nonOpenAI) {
        expect(call.extra_body).toHaveProperty(key);
        expect(call.kwargs).not.toHaveProperty(key);
      }
    }
  });

  it("reads the key from the provider's variable", () => {
    const code = generateSnippet("python", { session: snippetSessions().chat!, baseUrl: "https://x/v1", keyEnv: "HORAY_API_KEY" });
    expect(code).toContain('api_key=os.environ["HORAY_API_KEY"]');
    expect(code).toContain('base_url="https://x/v1"');
  });

  it("prints a stream as it arrives", () => {
    const code = generateSnippet("python", { session: snippetSessions().streaming!, baseUrl: "https://x/v1", keyEnv: "K" });
    expect(code).toContain("stream=True,");
    expect(code).toContain('print(chunk.choices[0].delta.content or "", end="", flush=True)');
  });
});
