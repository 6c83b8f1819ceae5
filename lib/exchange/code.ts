import { secretFieldValues } from "../keys/secret-fields";
import { getProfile } from "../providers";
import { buildRequest, parseExtraBody } from "../request/build";
import type { Session } from "../session/schema";
import { secretFieldsOf } from "../redact/secrets";
import { generateSnippet, REDACTED_KEY, type SnippetLanguage, snippetTarget } from "../snippets";

/** The code for one language, or why it could not be written (never throws). */
export type SnippetView = { ok: true; code: string } | { ok: false; error: string };

export function snippetFor(lang: SnippetLanguage, session: Session, origin: string): SnippetView {
  try {
    const target = snippetTarget(session, origin);
    return { ok: true, code: generateSnippet(lang, { session, ...target, envFields: envFieldsOf(session) }) };
  } catch (e) {
    return { ok: false, error: `This snippet could not be written: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** The secret body fields set in this tab (Telnyx's openai_api_key): the snippet reads them from their variables. */
function envFieldsOf(session: Session) {
  return secretFieldValues(getProfile(session.providerId)).map((s) => ({ name: s.field.name, env: s.field.env }));
}

/**
 * Notes shown above the code: what the snippet leaves out or needs before it runs. The key typed
 * in the playground never appears in a snippet; the snippet reads it from an environment variable.
 */
export function snippetNotes(session: Session, origin: string): string[] {
  const notes: string[] = [];
  const built = buildRequest(session);
  for (const error of built.errors)
    notes.push(`The request can't be built as it stands (${error}); the snippet leaves the extra body out.`);
  if (session.providerId === "custom" && session.baseUrl.trim() === "") {
    notes.push("The custom provider has no base URL yet, so the snippet's URL is incomplete. Set the base URL, then copy the code.");
  }
  const extra = parseExtraBody(session.extraBody);
  const secrets = extra.error ? [] : secretFieldsOf(extra.value);
  if (secrets.length > 0) {
    notes.push(
      `The extra body's ${secrets.join(", ")} ${secrets.length === 1 ? "is" : "are"} shown as “${REDACTED_KEY}”; put the key back where you run the code.`,
    );
  }
  let keyEnv: string | null = null;
  try {
    keyEnv = snippetTarget(session, origin).keyEnv;
  } catch {
    keyEnv = null;
  }
  if (keyEnv)
    notes.push(`The code reads the key from the ${keyEnv} environment variable; the key typed in the playground is not included.`);
  for (const f of envFieldsOf(session))
    notes.push(`The code reads ${f.name} from the ${f.env} environment variable; the value typed in the playground is not included.`);
  return notes;
}
