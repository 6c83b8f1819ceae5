import { buildRequest, type RequestPath } from "../request/build";
import { isSecretField } from "../redact/secrets";
import type { Session } from "../session/schema";
import { isEnvRef } from "./env-fields";
import { isTypedField } from "./sdk-fields";

/** What a snippet shows in place of a key found in the extra body (e.g. Telnyx's openai_api_key). */
export const REDACTED_KEY = "<key removed>";

export interface BodyEntry {
  key: string;
  value: unknown;
  /** A named SDK argument; false = passed as an extra field (Python extra_body, JS spread). */
  typed: boolean;
}

export interface SnippetBody {
  path: RequestPath;
  /** The body as it goes on the wire: JSON values only, keys in the order sent. */
  body: Record<string, unknown>;
  /** The exact JSON text sent (buildRequest's, unless a key had to be removed). */
  text: string;
  stream: boolean;
  entries: BodyEntry[];
}

/**
 * The request a snippet sends: buildRequest's body, re-read from its JSON text so that only JSON
 * values remain (an enabled parameter whose value is undefined is not sent), in the same order.
 */
export function snippetBody(session: Session): SnippetBody {
  const built = buildRequest(session);
  const parsed = JSON.parse(built.text) as Record<string, unknown>;
  // A secret read from an environment variable (env-fields.ts) is kept; a literal key is removed.
  const redact = (k: string, v: unknown) => isSecretField(k) && !isEnvRef(v);
  const hasSecret = Object.entries(parsed).some(([k, v]) => redact(k, v));
  const body = hasSecret ? Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, redact(k, v) ? REDACTED_KEY : v])) : parsed;
  const entries = Object.entries(body).map(([key, value]) => ({ key, value, typed: isTypedField(built.path, key, value) }));
  return {
    path: built.path,
    body,
    text: hasSecret ? JSON.stringify(body) : built.text,
    stream: body.stream === true,
    entries,
  };
}
