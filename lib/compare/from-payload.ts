import type { SharePayload } from "../share";
import { columnFrom, type CompareState, initialCompare, MIN_COLUMNS, newColumnId } from "./state";

/** A shared or imported payload as a compare view: a session (or a sweep's base request) gives two equal targets. */
export function stateFromPayload(payload: SharePayload): CompareState {
  if (payload.kind !== "compare") return initialCompare(payload.session);
  const columns = payload.columns.map((c) => ({ ...c, id: newColumnId() }));
  while (columns.length < MIN_COLUMNS) columns.push(columns[0] ? { ...columns[0], id: newColumnId() } : columnFrom(payload.session));
  return { version: 1, session: payload.session, columns, baselineId: columns[0]?.id ?? "", repeats: 1 };
}
