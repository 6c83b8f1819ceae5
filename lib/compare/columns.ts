import type { Session } from "../session/schema";
import type { CompareColumn } from "./column-schema";

/**
 * The session one compare column sends: the shared messages with the column's own target and
 * parameters. Kept apart from ./column-schema so pages can use it without loading zod up front.
 */
export function sessionForColumn(session: Session, column: CompareColumn): Session {
  return { ...session, providerId: column.providerId, model: column.model, baseUrl: column.baseUrl, params: column.params };
}
