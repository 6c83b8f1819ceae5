import { buildRequest, type BuiltRequest } from "../request/build";
import type { Session } from "../session/schema";
import { maskKey } from "./keys";
import { proxyHeaders } from "./queries";

export interface PreparedRequest {
  built: BuiltRequest;
  /** The proxy URL the browser calls. */
  url: string;
  /** Sent as they are. */
  headers: Record<string, string>;
  /** Shown in the raw view and kept in history: the key masked. */
  shownHeaders: Record<string, string>;
}

/** The exact request for a session: `built.text` is the body sent and shown. */
export function prepareRequest(session: Session, key: string): PreparedRequest {
  const built = buildRequest(session);
  const url = `/api/proxy/${session.providerId}/${built.path}`;
  const extra = proxyHeaders(session.providerId, key, session.baseUrl);
  const headers: Record<string, string> = { "Content-Type": "application/json", ...extra };
  const shownHeaders = { ...headers };
  if (headers.Authorization) shownHeaders.Authorization = `Bearer ${maskKey(key)}`;
  return { built, url, headers, shownHeaders };
}
