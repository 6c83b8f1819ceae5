"use client";
import { useCallback, useEffect, useMemo, useReducer, useState } from "react";
import { newMessage, type SessionAction } from "@/lib/session/state";
import { type CompareState, compareReducer } from "@/lib/compare/state";
import { saveCompare } from "@/lib/compare/storage";
import { getProfile, PROFILES } from "@/lib/providers";
import type { SharePayload } from "@/lib/share";
import { browserStorage } from "@/lib/storage/browser-storage";
import { stateFromPayload } from "../../lib/compare/from-payload";
import type { Round, TargetReport } from "./RunningTarget";

/** The compare page's state: the columns, the current round and Stop, each target's report, and the notice. */
export function useComparePage(initial: CompareState, notice: string | null) {
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
  const dismissNotice = () => {
    setNote(null);
    setSaveError(null);
  };
  const payload = useMemo<SharePayload>(
    () => ({ kind: "compare", session: state.session, columns: state.columns }),
    [state.session, state.columns],
  );
  const firstProfile = getProfile(state.columns[0]?.providerId ?? "local") ?? PROFILES.local;
  return {
    state,
    dispatch,
    round,
    stopAll,
    stop: () => setStopAll((n) => n + 1),
    reports,
    onReport,
    sharedDispatch,
    anyRunning,
    send,
    load,
    notice: saveError ?? note,
    dismissNotice,
    payload,
    firstProfile,
  };
}
