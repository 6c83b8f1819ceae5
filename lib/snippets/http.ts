import { snippetBody } from "./body";
import { endpointUrl } from "./target";
import type { SnippetInput } from "./types";

/** The raw HTTP/1.1 request; the key is shown as the name of its variable, never its value. */
export function httpSnippet({ session, baseUrl, keyEnv }: SnippetInput): string {
  const req = snippetBody(session);
  const url = new URL(endpointUrl(baseUrl, req.path));
  const lines = [`POST ${url.pathname}${url.search} HTTP/1.1`, `Host: ${url.host}`];
  if (keyEnv) lines.push(`Authorization: Bearer $${keyEnv}`);
  lines.push("Content-Type: application/json");
  if (req.stream) lines.push("Accept: text/event-stream");
  lines.push(`Content-Length: ${new TextEncoder().encode(req.text).length}`, "", req.text);
  return `${lines.join("\n")}\n`;
}
