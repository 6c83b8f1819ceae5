import type { CompareColumn, SharePayload } from "./schema";

/**
 * The session one compare column sends: the shared messages with the column's own target and
 * parameters. Kept apart from ./schema so pages can use it without loading zod up front.
 */
export function sessionForColumn(session: SharePayload["session"], column: CompareColumn): SharePayload["session"] {
  return { ...session, providerId: column.providerId, model: column.model, baseUrl: column.baseUrl, params: column.params };
}
