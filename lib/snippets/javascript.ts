import type { RequestPath } from "../request/build";
import { type BodyEntry, snippetBody } from "./body";
import { assertEnvName } from "./curl";
import { JS, renderLiteral } from "./literals";
import { isNeverTyped, isPlainObject, isRequiredField } from "./sdk-fields";
import type { SnippetInput } from "./types";

const IN = "  ";

/**
 * JavaScript or TypeScript with the official `openai` package. The SDK sends the body object as it
 * is, so fields it does not name are spread into the call in their place: the JSON arrives with the
 * same bytes and key order as the playground's, and TypeScript does not check spread fields
 * against the parameter type. TypeScript gets casts only where a value would not type-check.
 */
export function openaiJsSnippet(input: SnippetInput, typescript: boolean): string {
  const req = snippetBody(input.session);
  const method = req.path === "completions" ? "client.completions.create" : "client.chat.completions.create";
  return [
    'import OpenAI from "openai";',
    "",
    "const client = new OpenAI({",
    `${IN}baseURL: ${JSON.stringify(input.baseUrl)},`,
    input.keyEnv
      ? `${IN}apiKey: process.env.${assertEnvName(input.keyEnv)},`
      : `${IN}apiKey: "unused", // this server needs no key, but the SDK requires one`,
    "});",
    "",
    `const ${req.stream ? "stream" : "completion"} = await ${method}({`,
    ...bodyLines(req.path, req.entries, typescript),
    "});",
    ...printResult(req.path, req.stream),
  ].join("\n");
}

function bodyLines(path: RequestPath, entries: BodyEntry[], typescript: boolean): string[] {
  const lines: string[] = [];
  let commented = false;
  for (let i = 0; i < entries.length; ) {
    const entry = entries[i]!;
    if (entry.typed) {
      lines.push(`${IN}${JS.key(entry.key)}: ${renderLiteral(entry.value, JS, IN)}${typescript ? castFor(path, entry) : ""},`);
      i++;
      continue;
    }
    // Consecutive extra fields become one spread, in their place, so the key order is kept.
    let j = i;
    while (j < entries.length && !entries[j]!.typed) j++;
    const group = entries.slice(i, j);
    if (!commented) lines.push(`${IN}// Fields OpenAI's SDK does not name: sent in the body as they are.`);
    commented = true;
    lines.push(`${IN}...${spreadLiteral(group, typescript)},`);
    i = j;
  }
  return lines;
}

function spreadLiteral(group: BodyEntry[], typescript: boolean): string {
  const literal = renderLiteral(Object.fromEntries(group.map((e) => [e.key, e.value])), JS, IN);
  // A field the SDK does type, holding a value of another type, fails even in a spread: hide it.
  const needsCast = typescript && group.some((e) => !isNeverTyped(e.key));
  return needsCast ? `(${literal} as object)` : literal;
}

/** The required fields are always named; a value TypeScript would reject is cast, never dropped. */
function castFor(path: RequestPath, entry: BodyEntry): string {
  if (!isRequiredField(path, entry.key)) return "";
  if (entry.key === "messages") return messagesTypeCheck(entry.value) ? "" : " as unknown as OpenAI.Chat.ChatCompletionMessageParam[]";
  return typeof entry.value === "string" ? "" : " as unknown as string";
}

/** Whether the messages fit the SDK's message types as written (the playground can send more). */
function messagesTypeCheck(value: unknown): boolean {
  return Array.isArray(value) && value.every((m) => isPlainObject(m) && messageTypeChecks(m));
}

const isString = (v: unknown): v is string => typeof v === "string";
const isTextPart = (p: unknown) => isPlainObject(p) && p.type === "text" && isString(p.text) && keysIn(p, ["type", "text"]);
const isImagePart = (p: unknown) => {
  if (!isPlainObject(p) || p.type !== "image_url" || !keysIn(p, ["type", "image_url"])) return false;
  const img = p.image_url;
  return (
    isPlainObject(img) &&
    isString(img.url) &&
    keysIn(img, ["url", "detail"]) &&
    (img.detail === undefined || ["auto", "low", "high"].includes(img.detail as string))
  );
};
const isToolCall = (c: unknown) => {
  if (!isPlainObject(c) || c.type !== "function" || !isString(c.id) || !keysIn(c, ["id", "type", "function"])) return false;
  const f = c.function;
  return isPlainObject(f) && isString(f.name) && isString(f.arguments) && keysIn(f, ["name", "arguments"]);
};

function keysIn(o: Record<string, unknown>, allowed: string[]): boolean {
  return Object.keys(o).every((k) => allowed.includes(k));
}

/** The SDK's per-role message params: user parts may hold images, assistant turns tool calls. */
function messageTypeChecks(m: Record<string, unknown>): boolean {
  const { content } = m;
  const textParts = Array.isArray(content) && content.every(isTextPart);
  const nameOk = m.name === undefined || isString(m.name);
  switch (m.role) {
    case "tool":
      return isString(m.tool_call_id) && (isString(content) || textParts) && keysIn(m, ["role", "content", "tool_call_id"]);
    case "user":
      return (
        nameOk &&
        (isString(content) || (Array.isArray(content) && content.every((p) => isTextPart(p) || isImagePart(p)))) &&
        keysIn(m, ["role", "content", "name"])
      );
    case "assistant": {
      const calls = m.tool_calls === undefined || (Array.isArray(m.tool_calls) && m.tool_calls.every(isToolCall));
      const refusal = m.refusal === undefined || isString(m.refusal);
      return (
        nameOk &&
        calls &&
        refusal &&
        (isString(content) || textParts || content === null) &&
        keysIn(m, ["role", "content", "name", "tool_calls", "refusal"])
      );
    }
    case "system":
    case "developer":
      return nameOk && (isString(content) || textParts) && keysIn(m, ["role", "content", "name"]);
    default:
      return false;
  }
}

function printResult(path: RequestPath, stream: boolean): string[] {
  if (!stream) {
    return [`console.log(completion.choices[0]?.${path === "completions" ? "text" : "message.content"});`, ""];
  }
  const text = path === "completions" ? "choices[0]?.text" : "choices[0]?.delta?.content";
  return [
    "for await (const chunk of stream) {",
    `${IN}process.stdout.write(chunk.${text} ?? "");`,
    "}",
    'process.stdout.write("\\n");',
    "",
  ];
}
