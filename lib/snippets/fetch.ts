import type { RequestPath } from "../request/build";
import { snippetBody } from "./body";
import { assertEnvName } from "./curl";
import { JS, renderLiteral } from "./literals";
import { endpointUrl } from "./target";
import type { SnippetInput } from "./types";

const IN = "  ";

/**
 * Plain fetch (Node 18+ or a browser console). JSON.stringify of the rendered literal gives back
 * the playground's exact body text, since the literal holds the same values in the same order.
 */
export function fetchSnippet({ session, baseUrl, keyEnv }: SnippetInput): string {
  const req = snippetBody(session);
  const headers = [`${IN}${IN}"Content-Type": "application/json",`];
  if (keyEnv) headers.push(`${IN}${IN}Authorization: \`Bearer \${process.env.${assertEnvName(keyEnv)}}\`,`);
  return [
    `const response = await fetch(${JSON.stringify(endpointUrl(baseUrl, req.path))}, {`,
    `${IN}method: "POST",`,
    `${IN}headers: {`,
    ...headers,
    `${IN}},`,
    `${IN}body: JSON.stringify(${renderLiteral(req.body, JS, IN)}),`,
    "});",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: generated JavaScript, a template literal on purpose
    "if (!response.ok) throw new Error(`${response.status}: ${await response.text()}`);",
    ...(req.stream ? readStream(req.path) : readJson(req.path)),
  ].join("\n");
}

function readJson(path: RequestPath): string[] {
  const text = path === "completions" ? "text" : "message.content";
  return ["const data = await response.json();", `console.log(data.choices[0]?.${text});`, ""];
}

/** Server-sent events: complete lines only, decoded with { stream: true } so split characters survive. */
function readStream(path: RequestPath): string[] {
  const text = path === "completions" ? "choices[0]?.text" : "choices[0]?.delta?.content";
  return [
    "const decoder = new TextDecoder();",
    'let buffered = "";',
    "for await (const bytes of response.body) {",
    `${IN}buffered += decoder.decode(bytes, { stream: true });`,
    `${IN}const lines = buffered.split("\\n");`,
    `${IN}buffered = lines.pop();`,
    `${IN}for (const line of lines) {`,
    `${IN}${IN}const data = line.startsWith("data:") ? line.slice(5).trim() : "";`,
    `${IN}${IN}if (data === "" || data === "[DONE]") continue;`,
    `${IN}${IN}process.stdout.write(JSON.parse(data).${text} ?? "");`,
    `${IN}}`,
    "}",
    'process.stdout.write("\\n");',
    "",
  ];
}
