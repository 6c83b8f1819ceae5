import { parseExtraBody } from "../request/build";
import type { Session } from "../session/schema";
import type { SnippetLanguage } from "./types";

/** A body field whose value the snippet reads from an environment variable (Telnyx's openai_api_key). */
export interface EnvField {
  name: string;
  env: string;
}

// A stand-in value no request holds: rendered as a string literal by every generator, then
// replaced by the language's own way of reading the variable.
const OPEN = "«env:";
const CLOSE = "»";

export function isEnvRef(value: unknown): boolean {
  return typeof value === "string" && value.startsWith(OPEN) && value.endsWith(CLOSE);
}

/**
 * The session with each env field appended to its extra body (sent last, like the playground's
 * secret fields), unless the extra body already sets it or is not a JSON object.
 */
export function withEnvFields(session: Session, fields: readonly EnvField[]): Session {
  if (fields.length === 0) return session;
  const extra = parseExtraBody(session.extraBody);
  if (extra.error) return session;
  const value = { ...extra.value };
  for (const f of fields) if (!Object.hasOwn(value, f.name)) value[f.name] = `${OPEN}${assertEnv(f.env)}${CLOSE}`;
  return { ...session, extraBody: JSON.stringify(value) };
}

/** Replaces each stand-in's string literal by the language's read of the variable. */
export function renderEnvRefs(code: string, lang: SnippetLanguage): string {
  const out = code.replace(/"«env:([A-Za-z_][A-Za-z0-9_]*)»"/g, (_, env: string) => {
    switch (lang) {
      case "curl":
        // Inside the single-quoted JSON word: close the quote, expand "$VAR", reopen.
        return `"'"$${env}"'"`;
      case "python":
        return `os.environ[${JSON.stringify(env)}]`;
      case "http":
        return `"$${env}"`;
      default:
        return `process.env.${env}`;
    }
  });
  return lang === "python" && out !== code && !/^import os$/m.test(out) ? `import os\n${out}` : out;
}

function assertEnv(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`Not an environment variable name: ${name}`);
  return name;
}
