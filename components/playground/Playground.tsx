"use client";
import { useQuery } from "@tanstack/react-query";
import { type Dispatch, useEffect, useMemo, useRef } from "react";
import type { HistoryEntry } from "@/lib/run/history";
import { type ProviderInfo, providersQuery } from "@/lib/queries/queries";
import type { LoadedSession } from "@/lib/session/load";
import { defaultSession, firstConfiguredProvider, type SessionAction } from "@/lib/session/state";
import { getProfile, PROFILES } from "@/lib/providers";
import type { Session } from "@/lib/session/schema";
import { browserStorage } from "@/lib/storage/browser-storage";
import { AppShell } from "../ui/AppShell";
import { ClientLoad } from "../ui/ClientLoad";
import { Composer } from "../chat/Composer";
import { Conversation } from "../chat/Conversation";
import { SystemPrompt } from "../chat/SystemPrompt";
import { ParamPanel } from "../params/ParamPanel";
import { PlaygroundProviders, type SessionContextValue } from "./context";
import { Inspector } from "./Inspector";
import { ProviderBar } from "./ProviderBar";
import { ShareToolbar } from "./ShareToolbar";
import { VariablesForm } from "./VariablesForm";
import { usePlaygroundController } from "./usePlaygroundController";
import { useSessionState } from "./useSessionState";

interface Stored extends LoadedSession {
  history: HistoryEntry[];
}

async function loadStored(): Promise<Stored> {
  const [s, h] = await Promise.all([import("@/lib/session/load"), import("@/lib/run/history-schema")]);
  const storage = browserStorage();
  const session = s.loadSession(storage);
  const history = h.readHistory(storage);
  return { ...session, notice: session.notice ?? history.notice, history: history.entries };
}

/**
 * The playground page. Rendered on the client only, once the stored session and history are
 * read and validated (zod is loaded with them, outside the page's first-load JavaScript).
 */
export function Playground() {
  return (
    <ClientLoad load={loadStored} what="playground">
      {(stored) => <PlaygroundClient stored={stored} />}
    </ClientLoad>
  );
}

function PlaygroundClient({ stored }: { stored: Stored }) {
  const { session, dispatch, notice, dismissNotice } = useSessionState(stored);
  const providers = useQuery(providersQuery);
  const run = usePlaygroundController({ session, dispatch }, stored.history);
  useDefaultProvider(stored.fresh, providers.data, session, dispatch);
  const profile = getProfile(session.providerId) ?? PROFILES.local;
  const info = providers.data?.find((p) => p.id === session.providerId);
  const sessionValue = useMemo<SessionContextValue>(() => ({ session, dispatch, profile, info }), [session, dispatch, profile, info]);
  return (
    <PlaygroundProviders session={sessionValue} run={run}>
      <AppShell
        page="playground"
        title="LLM Playground"
        workbench
        notice={notice}
        onDismissNotice={dismissNotice}
        tools={
          <>
            {/* Its own row when less than 22rem is left beside the title, never squeezed to nothing. */}
            <div className="flex min-w-0 flex-[1_1_22rem]">
              <ProviderBar providersError={providers.error ? (providers.error as Error).message : null} />
            </div>
            <ShareToolbar />
          </>
        }
      >
        <div className="grid flex-1 grid-cols-1 gap-4 p-3 lg:grid-cols-[minmax(0,1fr)_380px]">
          <main className="flex min-w-0 flex-col gap-3">
            <SystemPrompt />
            <Conversation />
            <VariablesForm />
            <Composer />
            <Inspector />
          </main>
          <ParamPanel />
        </div>
      </AppShell>
    </PlaygroundProviders>
  );
}

/** First visit only: switch to a provider the server holds a key for, if the user changed nothing yet. */
function useDefaultProvider(fresh: boolean, providers: ProviderInfo[] | undefined, session: Session, dispatch: Dispatch<SessionAction>) {
  const done = useRef(!fresh);
  useEffect(() => {
    if (done.current || !providers) return;
    done.current = true;
    const untouched = JSON.stringify(session) === JSON.stringify(defaultSession());
    const id = firstConfiguredProvider(providers);
    if (untouched && id) dispatch({ type: "setProvider", providerId: id });
  }, [providers, session, dispatch]);
}
