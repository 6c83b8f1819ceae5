import { parseExtraBody } from "../request/build";
import type { SharePayload } from "./schema";
import { isSecretField, withoutSecrets } from "../redact/secrets";

/** Extra body text that is not JSON but looks like it holds a key: left out whole, since it can't be cut apart. */
const KEY_LIKE_TEXT = /api[_-]?key|secret|password|access[_-]?token|authorization/i;

/**
 * The payload without keys. Sessions hold no key of their own; only the free-form extra body can
 * (Telnyx documents an `openai_api_key` body field), so its key fields are left out, and the
 * names of what was left out are returned for the UI to mention.
 */
export function redactPayload(payload: SharePayload): { payload: SharePayload; removed: string[] } {
  const { extraBody, removed } = redactExtraBody(payload.session.extraBody);
  if (removed.length === 0) return { payload, removed };
  return { payload: { ...payload, session: { ...payload.session, extraBody } }, removed };
}

export function redactExtraBody(text: string): { extraBody: string; removed: string[] } {
  const parsed = parseExtraBody(text);
  if (parsed.error) return KEY_LIKE_TEXT.test(text) ? { extraBody: "", removed: ["the extra body"] } : { extraBody: text, removed: [] };
  if (!Object.keys(parsed.value).some(isSecretField)) return { extraBody: text, removed: [] };
  const { body, removed } = withoutSecrets(parsed.value);
  return { extraBody: Object.keys(body).length === 0 ? "" : JSON.stringify(body, null, 2), removed };
}
