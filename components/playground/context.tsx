"use client";
import { createContext, type Dispatch, type ReactNode, useContext } from "react";
import type { ProviderInfo } from "@/lib/queries/queries";
import type { SessionAction } from "@/lib/session/state";
import type { HistoryEntry } from "@/lib/client/history";
import type { ProviderProfile } from "@/lib/providers";
import type { ImagePart, Session } from "@/lib/session/schema";
import type { RunView } from "./useRun";

export interface SessionContextValue {
  session: Session;
  dispatch: Dispatch<SessionAction>;
  /** The registry profile of the chosen provider. */
  profile: ProviderProfile;
  /** `/api/providers` entry of the chosen provider, once loaded. */
  info: ProviderInfo | undefined;
}

export interface RunContextValue {
  view: RunView | null;
  running: boolean;
  /** Message id showing the answer of `view` (chat mode, after the run ended). */
  linkedMessageId: string | null;
  choiceIndex: number;
  /** A problem that stopped a request from being sent (shown as an alert). */
  sendError: string | null;
  /** Sends the composer's text and images, after the results of pending tool calls if filled. */
  send: (text: string, images?: readonly ImagePart[]) => boolean;
  stop: () => void;
  regenerate: () => void;
  clear: () => void;
  selectChoice: (index: number) => void;
  unlink: () => void;
  /** Results typed for the pending tool calls of the last assistant message, by tool_call_id. */
  toolResults: Readonly<Record<string, string>>;
  setToolResult: (toolCallId: string, text: string) => void;
  history: HistoryEntry[];
  openHistory: (entry: HistoryEntry) => void;
  forgetHistory: (id: string | null) => void;
}

const noop = () => {};

/** For views that show a run they do not drive (a compare column, the shared conversation): every action is a no-op but Stop. */
export function viewOnlyRunContext(view: RunView | null, running: boolean, stop: () => void = noop): RunContextValue {
  return {
    view,
    running,
    linkedMessageId: null,
    choiceIndex: 0,
    sendError: null,
    send: () => false,
    stop,
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
const RunContext = createContext<RunContextValue | null>(null);

export function PlaygroundProviders({ session, run, children }: { session: SessionContextValue; run: RunContextValue; children: ReactNode }) {
  return (
    <SessionContext.Provider value={session}>
      <RunContext.Provider value={run}>{children}</RunContext.Provider>
    </SessionContext.Provider>
  );
}

export function useSession(): SessionContextValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error("useSession() is used outside <Playground>: wrap the component in PlaygroundProviders.");
  return v;
}

export function useRunContext(): RunContextValue {
  const v = useContext(RunContext);
  if (!v) throw new Error("useRunContext() is used outside <Playground>: wrap the component in PlaygroundProviders.");
  return v;
}
