import { type BodyEntry, snippetBody } from "./body";
import { assertEnvName } from "./curl";
import { PYTHON, renderLiteral } from "./literals";
import type { SnippetInput } from "./types";

const IN = "    ";

/**
 * Python with the official `openai` package. Fields the SDK's create() does not name would raise
 * TypeError as keyword arguments, so they travel in `extra_body`, which the SDK merges into the
 * JSON body as it is.
 */
export function pythonSnippet({ session, baseUrl, keyEnv }: SnippetInput): string {
  const req = snippetBody(session);
  const typed = req.entries.filter((e) => e.typed);
  const extra = req.entries.filter((e) => !e.typed);
  const args = typed.map((e) => `${IN}${e.key}=${renderLiteral(e.value, PYTHON, IN)},`);
  if (extra.length > 0) {
    args.push(`${IN}# Fields OpenAI's SDK does not name: sent in the body as they are.`);
    args.push(`${IN}extra_body=${renderLiteral(toObject(extra), PYTHON, IN)},`);
  }
  const method = req.path === "completions" ? "client.completions.create" : "client.chat.completions.create";
  const result = req.stream ? "stream" : "completion";
  return [
    ...(keyEnv ? ["import os", ""] : []),
    "from openai import OpenAI",
    "",
    "client = OpenAI(",
    `${IN}base_url=${JSON.stringify(baseUrl)},`,
    keyEnv
      ? `${IN}api_key=os.environ[${JSON.stringify(assertEnvName(keyEnv))}],`
      : `${IN}api_key="unused",  # this server needs no key, but the SDK requires one`,
    ")",
    "",
    `${result} = ${method}(`,
    ...args,
    ")",
    ...printResult(req.path === "completions", req.stream),
  ].join("\n");
}

function printResult(completions: boolean, stream: boolean): string[] {
  const text = completions ? "text" : "delta.content";
  if (!stream) return [`print(completion.choices[0].${completions ? "text" : "message.content"})`, ""];
  return [
    "for chunk in stream:",
    // A chunk may carry no choice (a usage chunk at the end).
    `${IN}if chunk.choices:`,
    `${IN}${IN}print(chunk.choices[0].${text} or "", end="", flush=True)`,
    "print()",
    "",
  ];
}

function toObject(entries: BodyEntry[]): Record<string, unknown> {
  return Object.fromEntries(entries.map((e) => [e.key, e.value]));
}
