"use client";
import { createContext, type Dispatch, type ReactNode, useContext } from "react";
import type { ProviderInfo } from "@/lib/queries/queries";
import type { SessionAction } from "@/lib/session/state";
import type { HistoryEntry } from "@/lib/run/history";
import type { ProviderProfile } from "@/lib/providers";
import type { ImagePart, Session } from "@/lib/session/schema";
import type { RunView } from "@/lib/run/schema";

export interface SessionContextValue {
  session: Session;
  dispatch: Dispatch<SessionAction>;
  /** The registry profile of the chosen provider. */
  profile: ProviderProfile;
  /** `/api/providers` entry of the chosen provider, once loaded. */
  info: ProviderInfo | undefined;
}

/**
 * What the shared answer, raw and metrics views read of a run; a compare column provides just
 * this, and the playground a superset.
 */
export interface ColumnRunValue {
  view: RunView | null;
  /** The choice on screen when the run has several. */
  choiceIndex: number;
  selectChoice: (index: number) => void;
}

/** The playground's run: the column's, plus sending, the answer's link to its message, tool results and history. */
export interface RunContextValue extends ColumnRunValue {
  running: boolean;
  /** Message id showing the answer of `view` (chat mode, after the run ended). */
  linkedMessageId: string | null;
  /** A problem that stopped a request from being sent (shown as an alert). */
  sendError: string | null;
  /** Sends the composer's text and images, after the results of pending tool calls if filled. */
  send: (text: string, images?: readonly ImagePart[]) => boolean;
  stop: () => void;
  regenerate: () => void;
  clear: () => void;
  unlink: () => void;
  /** Results typed for the pending tool calls of the last assistant message, by tool_call_id. */
  toolResults: Readonly<Record<string, string>>;
  setToolResult: (toolCallId: string, text: string) => void;
  history: HistoryEntry[];
  openHistory: (entry: HistoryEntry) => void;
  forgetHistory: (id: string | null) => void;
}

const noop = () => {};

/** For editors that show no run of their own (the shared conversation, a template): every action is a no-op. */
export function viewOnlyRunContext(view: RunView | null, running: boolean): RunContextValue {
  return {
    view,
    running,
    linkedMessageId: null,
    choiceIndex: 0,
    sendError: null,
    send: () => false,
    stop: noop,
    regenerate: noop,
    clear: noop,
    selectChoice: noop,
    unlink: noop,
    toolResults: {},
    setToolResult: noop,
    history: [],
    openHistory: noop,
    forgetHistory: noop,
  };
}

const SessionContext = createContext<SessionContextValue | null>(null);
const ColumnRunContext = createContext<ColumnRunValue | null>(null);
const RunContext = createContext<RunContextValue | null>(null);

export function PlaygroundProviders({
  session,
  run,
  children,
}: {
  session: SessionContextValue;
  run: RunContextValue;
  children: ReactNode;
}) {
  return (
    <SessionContext.Provider value={session}>
      <ColumnRunContext.Provider value={run}>
        <RunContext.Provider value={run}>{children}</RunContext.Provider>
      </ColumnRunContext.Provider>
    </SessionContext.Provider>
  );
}

/** A column outside the playground (compare, evaluate, sweep): its session and, when it runs, its run. */
export function ColumnProviders({
  session,
  run = null,
  children,
}: {
  session: SessionContextValue;
  run?: ColumnRunValue | null;
  children: ReactNode;
}) {
  return (
    <SessionContext.Provider value={session}>
      <ColumnRunContext.Provider value={run}>{children}</ColumnRunContext.Provider>
    </SessionContext.Provider>
  );
}

export function useSession(): SessionContextValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error("useSession() is used outside <Playground>: wrap the component in PlaygroundProviders or ColumnProviders.");
  return v;
}

/** The run a column shows: the playground's, or a compare column's own. */
export function useColumnRun(): ColumnRunValue {
  const v = useContext(ColumnRunContext);
  if (!v)
    throw new Error(
      "useColumnRun() is used outside a column with a run: wrap the component in PlaygroundProviders or in ColumnProviders with a run.",
    );
  return v;
}

export function useRunContext(): RunContextValue {
  const v = useContext(RunContext);
  if (!v) throw new Error("useRunContext() is used outside <Playground>: wrap the component in PlaygroundProviders.");
  return v;
}
