import { snippetBody } from "./body";
import { shellQuote } from "./literals";
import { endpointUrl } from "./target";
import type { SnippetInput } from "./types";

/**
 * curl with the exact body bytes: the JSON is one single-quoted word, so `$`, backticks, `\` and
 * `"` inside stay literal in every POSIX shell; only the key header is double-quoted, so that
 * `$HORAY_API_KEY` expands there.
 */
export function curlSnippet({ session, baseUrl, keyEnv }: SnippetInput): string {
  const req = snippetBody(session);
  const lines = [`curl ${shellQuote(endpointUrl(baseUrl, req.path))}`];
  // -N: print stream events as they arrive instead of when curl's buffer fills.
  if (req.stream) lines.push("-N");
  lines.push(`-H "Content-Type: application/json"`);
  if (keyEnv) lines.push(`-H "Authorization: Bearer $${assertEnvName(keyEnv)}"`);
  lines.push(`-d ${shellQuote(req.text)}`);
  return `${lines.join(" \\\n  ")}\n`;
}

/** Env var names come from the registry; one with shell syntax in it would run as code. */
export function assertEnvName(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`Not an environment variable name: ${name}`);
  return name;
}
