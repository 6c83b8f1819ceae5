"use client";
import { createContext, type Dispatch, type ReactNode, useContext } from "react";
import type { ProviderInfo } from "@/lib/client/queries";
import type { SessionAction } from "@/lib/client/session-state";
import type { HistoryEntry } from "@/lib/client/history";
import type { ProviderProfile } from "@/lib/providers";
import type { Session } from "@/lib/session/schema";
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
  send: (text: string) => boolean;
  stop: () => void;
  regenerate: () => void;
  clear: () => void;
  selectChoice: (index: number) => void;
  unlink: () => void;
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
