"use client";
import { useCallback, useEffect, useMemo, useReducer, useState } from "react";
import { newMessage, type SessionAction } from "@/lib/session/state";
import type { SharePayload } from "@/lib/share";
import { costFigure, summarizeTarget } from "@/lib/compare/results";
import { columnSession, type CompareState, compareReducer, MAX_COLUMNS } from "@/lib/compare/state";
import { saveCompare } from "@/lib/compare/storage";
import { browserStorage } from "@/lib/storage/browser-storage";
import { getProfile, PROFILES } from "@/lib/providers";
import { buildRequest } from "@/lib/request/build";
import { PriceTable } from "../pricing/PriceTable";
import { usePrices } from "../pricing/usePrices";
import { ExportButton, ShareButton, ShareLinkPrompt } from "../share";
import { AppNav } from "../ui/AppNav";
import { ThemeToggle } from "../playground/ThemeToggle";
import { DiffView } from "./DiffView";
import { ResultsTable } from "./ResultsTable";
import { type Round, RunningTarget, type TargetReport } from "./RunningTarget";
import { SharedConversation } from "./SharedConversation";
import { stateFromPayload } from "@/lib/compare/from-payload";
import { PageNotice } from "../ui/PageNotice";

/** The compare page once its state is loaded: shared conversation, 2–6 targets, results and diff. */
export function CompareView({ initial, notice }: { initial: CompareState; notice: string | null }) {
  const [state, dispatch] = useReducer(compareReducer, initial);
  const [round, setRound] = useState<Round>({ id: 0, repeats: 1 });
  const [stopAll, setStopAll] = useState(0);
  const [reports, setReports] = useState<Record<string, TargetReport>>({});
  const [saveError, setSaveError] = useState<string | null>(null);
  const [note, setNote] = useState(notice);

  useEffect(() => setSaveError(saveCompare(browserStorage(), state)), [state]);
  const onReport = useCallback((id: string, r: TargetReport) => setReports((all) => ({ ...all, [id]: r })), []);
  const sharedDispatch = useCallback((action: SessionAction) => dispatch({ type: "sharedAction", action }), []);
  const anyRunning = state.columns.some((c) => reports[c.id]?.running);

  const send = (text: string) => {
    if (text.trim() !== "") dispatch({ type: "sharedAction", action: { type: "addMessage", message: newMessage("user", text) } });
    setRound((r) => ({ id: r.id + 1, repeats: state.repeats }));
  };
  const load = useCallback((payload: SharePayload) => {
    dispatch({ type: "replace", state: stateFromPayload(payload) });
    setNote("Opened the shared compare view.");
  }, []);

  const names = state.columns.map((_, i) => `Target ${i + 1}`);
  const summaries = state.columns.map((c) => summarizeTarget(reports[c.id]?.samples ?? []));
  const prices = usePrices();
  const costs = state.columns.map((c) => costFigure(reports[c.id]?.samples ?? [], prices.priceOf(c.providerId, c.model)));
  const diffTargets = state.columns.map((c, i) => ({
    name: names[i] ?? "",
    requestText: reports[c.id]?.requestText ?? buildRequest(columnSession(state, c)).text,
    answer: reports[c.id]?.answer ?? "",
  }));
  const baselineIndex = Math.max(0, state.columns.findIndex((c) => c.id === state.baselineId));
  const payload = useMemo<SharePayload>(() => ({ kind: "compare", session: state.session, columns: state.columns }), [state.session, state.columns]);
  const firstProfile = getProfile(state.columns[0]?.providerId ?? "local") ?? PROFILES.local;

  return (
    <div className="mx-auto flex min-h-screen max-w-[1800px] flex-col gap-3 p-3">
      <header className="flex flex-wrap items-center gap-3 border-b border-zinc-200 pb-2 dark:border-zinc-800">
        <h1 className="text-base font-semibold">Compare</h1>
        <AppNav current="compare" />
        <div className="ml-auto flex items-center gap-1">
          <ShareButton payload={payload} />
          <ExportButton payload={payload} />
          <ShareLinkPrompt apply={load} />
          <ThemeToggle />
        </div>
      </header>
      <PageNotice
        className="rounded"
        text={saveError ?? note}
        onDismiss={() => {
          setNote(null);
          setSaveError(null);
        }}
      />
      <SharedConversation
        session={state.session}
        profile={firstProfile}
        dispatch={sharedDispatch}
        repeats={state.repeats}
        running={anyRunning}
        onRepeats={(repeats) => dispatch({ type: "setRepeats", repeats })}
        onSend={send}
        onStop={() => setStopAll((n) => n + 1)}
        onAdd={() => dispatch({ type: "add" })}
        canAdd={state.columns.length < MAX_COLUMNS}
      />
      <section aria-label="Compare" className="flex flex-col gap-3 overflow-x-auto pb-2 md:flex-row md:items-start">
        {state.columns.map((c, i) => (
          <RunningTarget
            key={c.id}
            column={c}
            session={columnSession(state, c)}
            round={round}
            stopAll={stopAll}
            onReport={onReport}
            controls={{
              index: i,
              count: state.columns.length,
              isBaseline: c.id === state.baselineId,
              dispatch: (action) => dispatch({ type: "columnAction", id: c.id, action }),
              onDuplicate: () => dispatch({ type: "duplicate", id: c.id }),
              onRemove: () => dispatch({ type: "remove", id: c.id }),
              onMove: (by) => dispatch({ type: "move", id: c.id, by }),
              onBaseline: () => dispatch({ type: "setBaseline", id: c.id }),
              onUseAnswer: (text) => dispatch({ type: "sharedAction", action: { type: "addMessage", message: newMessage("assistant", text) } }),
            }}
          />
        ))}
      </section>
      <ResultsTable names={names} summaries={summaries} costs={costs} />
      <PriceTable suggest={state.columns[0]} />
      {diffTargets[baselineIndex] && (
        <DiffView baseline={diffTargets[baselineIndex]} others={diffTargets.filter((_, i) => i !== baselineIndex)} />
      )}
    </div>
  );
}
