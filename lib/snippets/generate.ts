import { curlSnippet } from "./curl";
import { renderEnvRefs, withEnvFields } from "./env-fields";
import { fetchSnippet } from "./fetch";
import { httpSnippet } from "./http";
import { openaiJsSnippet } from "./javascript";
import { pythonSnippet } from "./python";
import type { SnippetInput, SnippetLanguage } from "./types";

/** The code that sends the session's exact request from outside the playground. */
export function generateSnippet(lang: SnippetLanguage, input: SnippetInput): string {
  const fields = input.envFields ?? [];
  if (fields.length === 0) return generateFor(lang, input);
  return renderEnvRefs(generateFor(lang, { ...input, session: withEnvFields(input.session, fields) }), lang);
}

function generateFor(lang: SnippetLanguage, input: SnippetInput): string {
  switch (lang) {
    case "curl":
      return curlSnippet(input);
    case "python":
      return pythonSnippet(input);
    case "javascript":
      return openaiJsSnippet(input, false);
    case "typescript":
      return openaiJsSnippet(input, true);
    case "fetch":
      return fetchSnippet(input);
    case "http":
      return httpSnippet(input);
  }
}
