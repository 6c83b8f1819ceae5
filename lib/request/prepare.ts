import { getProfile } from "../providers";
import { buildRequest, type BuiltRequest } from "./build";
import type { Session } from "../session/schema";
import { maskKey } from "../keys/store";
import { proxyHeaders } from "../queries/queries";
import { type SecretValue, secretFieldValues, withSecretFields } from "../keys/secret-fields";

export interface PreparedRequest {
  /** `built.text` is the body as shown and kept in history: secret body fields masked. */
  built: BuiltRequest;
  /** The body sent: `built.text` with secret body fields (Telnyx's openai_api_key) unmasked. */
  sendText: string;
  /** The proxy URL the browser calls. */
  url: string;
  /** Sent as they are. */
  headers: Record<string, string>;
  /** Shown in the raw view and kept in history: the key masked. */
  shownHeaders: Record<string, string>;
}

/** The exact request for a session; keys (the API key, secret body fields) only ever masked in what is shown. */
export function prepareRequest(
  session: Session,
  key: string,
  secrets: readonly SecretValue[] = secretFieldValues(getProfile(session.providerId)),
): PreparedRequest {
  const raw = buildRequest(session);
  const { sent, shown } = withSecretFields(raw.body, raw.text, secrets);
  const built = { ...raw, text: shown };
  const url = `/api/proxy/${session.providerId}/${built.path}`;
  const extra = proxyHeaders(session.providerId, key, session.baseUrl);
  const headers: Record<string, string> = { "Content-Type": "application/json", ...extra };
  const shownHeaders = { ...headers };
  if (headers.Authorization) shownHeaders.Authorization = `Bearer ${maskKey(key)}`;
  return { built, sendText: sent, url, headers, shownHeaders };
}
