import { redactExtraBody } from "../redact/extra-body";
import type { SharePayload } from "./schema";

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
