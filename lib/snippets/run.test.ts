import { randomBytes } from "node:crypto";
import { rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildRequest } from "../request/build";
import { generateSnippet } from "./generate";
import { ANSWER, type Recorder, run, startRecorder } from "./testing/recorder";
import { snippetSessions } from "./testing/sessions";

/**
 * End to end: the generated programs are really run (bash + curl, node with the installed openai
 * package, plain fetch) against a recording server standing in for the provider, and must deliver
 * the playground's own body byte for byte, with the key taken from the environment.
 */
const here = fileURLToPath(new URL(".", import.meta.url));
const KEY = "sk-test-from-env";
const env = {
  ...process.env,
  HORAY_API_KEY: KEY,
  NETMIND_API_KEY: KEY,
  TELNYX_API_KEY: KEY,
  OPENAI_API_KEY: KEY,
  HOME: "/home/should-not-expand",
};
const sessions = Object.entries(snippetSessions());
const tempFiles: string[] = [];

let rec: Recorder;
beforeAll(async () => {
  rec = await startRecorder();
});
afterAll(async () => {
  await rec.close();
  for (const f of tempFiles) rmSync(f, { force: true });
});

/** Temp files live inside the project so that `import OpenAI from "openai"` resolves. */
function tempFile(ext: string, text: string): string {
  const file = `${here}.tmp-${randomBytes(6).toString("hex")}.${ext}`;
  writeFileSync(file, text);
  tempFiles.push(file);
  return file;
}

function keyEnvFor(name: string): string {
  if (name === "toolsAndImages") return "OPENAI_API_KEY";
  return name === "chat" ? "HORAY_API_KEY" : name === "oddMessages" ? "TELNYX_API_KEY" : "NETMIND_API_KEY";
}

async function runAndRecord(
  cmd: string,
  args: (file: string) => string[],
  ext: string,
  lang: "curl" | "javascript" | "typescript" | "fetch",
  name: string,
) {
  const session = snippetSessions()[name]!;
  const code = generateSnippet(lang, { session, baseUrl: rec.baseUrl, keyEnv: keyEnvFor(name) });
  const before = rec.requests.length;
  const result = await run(cmd, args(tempFile(ext, code)), { env, cwd: here });
  // curl writes its progress meter to stderr when its output is not a terminal.
  if (lang !== "curl") expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  expect(rec.requests.length).toBe(before + 1);
  const got = rec.requests[before]!;
  const built = buildRequest(session);
  expect(got.url).toBe(`/v1/${built.path}`);
  expect(got.headers.authorization).toBe(`Bearer ${KEY}`);
  return { got, built, stdout: result.stdout };
}

describe("curl snippet, run by bash and curl", () => {
  it.each(sessions)("%s: sends the exact body bytes", async (name) => {
    const { got, built } = await runAndRecord("bash", (f) => [f], "sh", "curl", name);
    expect(got.body.toString("utf8")).toBe(built.text);
    expect(got.headers["content-type"]).toBe("application/json");
  });
});

describe("fetch snippet, run by node", () => {
  it.each(sessions)("%s: sends the exact body bytes and prints the answer", async (name) => {
    const { got, built, stdout } = await runAndRecord("node", (f) => [f], "mjs", "fetch", name);
    expect(got.body.toString("utf8")).toBe(built.text);
    expect(stdout).toContain(ANSWER);
  });
});

describe("openai JavaScript snippet, run by node with the installed SDK", () => {
  it.each(sessions)("%s: the SDK sends the exact body bytes and the answer is printed", async (name) => {
    const { got, built, stdout } = await runAndRecord("node", (f) => [f], "mjs", "javascript", name);
    expect(got.body.toString("utf8")).toBe(built.text);
    expect(stdout).toContain(ANSWER);
  });
});

describe("openai TypeScript snippet", () => {
  it("type-checks under --strict with the installed openai package", async () => {
    const files = sessions.map(([name, session]) =>
      tempFile("ts", generateSnippet("typescript", { session, baseUrl: "https://example.test/v1", keyEnv: keyEnvFor(name) })),
    );
    const tsc = `${here}../../node_modules/.bin/tsc`;
    const flags = [
      "--noEmit",
      "--strict",
      "--noUncheckedIndexedAccess",
      "--module",
      "esnext",
      "--moduleResolution",
      "bundler",
      "--target",
      "es2022",
      "--skipLibCheck",
      "--types",
      "node",
    ];
    const result = await run(tsc, [...flags, ...files], { cwd: here });
    expect(result.stdout + result.stderr).toBe("");
    expect(result.code).toBe(0);
  }, 60_000);

  it.each(sessions)("%s: run by tsx, sends the exact body bytes", async (name) => {
    const tsx = `${here}../../node_modules/.bin/tsx`;
    const { got, built, stdout } = await runAndRecord(tsx, (f) => [f], "ts", "typescript", name);
    expect(got.body.toString("utf8")).toBe(built.text);
    expect(stdout).toContain(ANSWER);
  });
});
