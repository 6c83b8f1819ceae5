import type { CompareColumn } from "./column-schema";
import { sessionForColumn } from "./columns";
import { type SessionAction, sessionReducer } from "../session/state";
import type { Session } from "../session/schema";
import { MAX_COLUMNS, MAX_REPEATS, MIN_COLUMNS } from "./limits";

/**
 * A compare view: one shared conversation (`session`: system prompt, messages, mode, extra body)
 * and MIN_COLUMNS to MAX_COLUMNS targets (./limits), each with its own provider, model, base URL
 * and parameters. A column's request is exactly the playground's request for `sessionForColumn(session, column)`.
 */
export interface CompareState {
  version: 1;
  session: Session;
  columns: CompareColumn[];
  baselineId: string;
  /** How many times Send runs each target (1..MAX_REPEATS), for medians and spread. */
  repeats: number;
}

export { MAX_COLUMNS, MAX_REPEATS, MIN_COLUMNS };

export type CompareAction =
  | { type: "replace"; state: CompareState }
  | { type: "add" }
  | { type: "duplicate"; id: string }
  | { type: "remove"; id: string }
  | { type: "move"; id: string; by: -1 | 1 }
  | { type: "setBaseline"; id: string }
  | { type: "setRepeats"; repeats: number }
  /** An edit made in a column (the playground's own controls): its target stays in the column, the conversation is shared. */
  | { type: "columnAction"; id: string; action: SessionAction }
  /** An edit of the shared conversation. */
  | { type: "sharedAction"; action: SessionAction };

let counter = 0;
export function newColumnId(): string {
  counter++;
  return `t-${Date.now().toString(36)}-${counter}`;
}

export function columnFrom(session: Session, id = newColumnId()): CompareColumn {
  return { id, providerId: session.providerId, model: session.model, baseUrl: session.baseUrl, params: session.params };
}

/** Two identical targets from a session: the user changes one thing in the second. */
export function initialCompare(session: Session): CompareState {
  const first = columnFrom(session);
  return { version: 1, session, columns: [first, columnFrom(session)], baselineId: first.id, repeats: 1 };
}

export function columnSession(state: CompareState, column: CompareColumn): Session {
  return sessionForColumn(state.session, column);
}

/** The conversation part of a session; the target part stays with each column. */
function shared(from: Session, into: Session): Session {
  return {
    ...into,
    mode: from.mode,
    systemPrompt: from.systemPrompt,
    messages: from.messages,
    prompt: from.prompt,
    extraBody: from.extraBody,
  };
}

export function compareReducer(s: CompareState, a: CompareAction): CompareState {
  switch (a.type) {
    case "replace":
      return a.state;
    case "add": {
      if (s.columns.length >= MAX_COLUMNS) return s;
      const last = s.columns[s.columns.length - 1];
      const copy = last ? { ...last, id: newColumnId() } : columnFrom(s.session);
      return { ...s, columns: [...s.columns, copy] };
    }
    case "duplicate": {
      const i = s.columns.findIndex((c) => c.id === a.id);
      const col = s.columns[i];
      if (!col || s.columns.length >= MAX_COLUMNS) return s;
      const columns = [...s.columns];
      columns.splice(i + 1, 0, { ...col, id: newColumnId() });
      return { ...s, columns };
    }
    case "remove": {
      if (s.columns.length <= MIN_COLUMNS) return s;
      const columns = s.columns.filter((c) => c.id !== a.id);
      const baselineId = columns.some((c) => c.id === s.baselineId) ? s.baselineId : (columns[0]?.id ?? "");
      return { ...s, columns, baselineId };
    }
    case "move": {
      const i = s.columns.findIndex((c) => c.id === a.id);
      const j = i + a.by;
      if (i < 0 || j < 0 || j >= s.columns.length) return s;
      const columns = [...s.columns];
      [columns[i], columns[j]] = [columns[j] as CompareColumn, columns[i] as CompareColumn];
      return { ...s, columns };
    }
    case "setBaseline":
      return s.columns.some((c) => c.id === a.id) ? { ...s, baselineId: a.id } : s;
    case "setRepeats":
      return { ...s, repeats: Math.min(MAX_REPEATS, Math.max(1, Math.round(a.repeats) || 1)) };
    case "columnAction": {
      const col = s.columns.find((c) => c.id === a.id);
      if (!col) return s;
      const next = sessionReducer(columnSession(s, col), a.action);
      const columns = s.columns.map((c) => (c.id === a.id ? columnFrom(next, c.id) : c));
      return { ...s, columns, session: shared(next, s.session) };
    }
    case "sharedAction":
      return { ...s, session: shared(sessionReducer(s.session, a.action), s.session) };
  }
}
