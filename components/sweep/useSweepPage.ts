"use client";
import { useQuery } from "@tanstack/react-query";
import { type Dispatch, type SetStateAction, useCallback, useEffect, useMemo, useReducer, useState } from "react";
import { hasKeyFor } from "@/lib/keys/has-key";
import { providersQuery } from "@/lib/queries/queries";
import { sessionReducer } from "@/lib/session/state";
import type { Session } from "@/lib/session/schema";
import type { SharePayload } from "@/lib/share";
import { sessionForColumn } from "@/lib/compare/columns";
import { browserStorage } from "@/lib/storage/browser-storage";
import { cellCount, expandGrid, needsConfirmation, type SweepDefinition, type SweepResults, validateSweep } from "@/lib/sweep";
import { axisFromText } from "@/lib/sweep/axis-text";
import type { SweepHistoryEntry } from "@/lib/sweep/history";
import { saveSweep } from "@/lib/sweep/persist";
import { useSweepHistory } from "./SweepHistory";
import { type AxisDraft, useAxisDrafts } from "./useAxisDrafts";
import { useSweepRunner } from "./useSweepRunner";

export interface SweepPageProps {
  initial: SweepDefinition;
  initialResults: SweepResults;
  initialRunId: string | null;
  notice: string | null;
}

const NO_MESSAGES =
  "The base request has no messages: write one under 'Edit the base request' (or in the playground, then open Sweep from there).";

/** The grid being edited as a definition, how many requests it sends, and what stops it from running. */
function useSweepCheck(base: Session, drafts: readonly AxisDraft[]) {
  const providers = useQuery(providersQuery);
  const definition = useMemo<SweepDefinition>(
    () => ({ version: 1, session: base, axes: drafts.map((d) => axisFromText(d.kind, d.text).axis) }),
    [base, drafts],
  );
  const check = useMemo(() => validateSweep(definition, { hasKey: (id) => hasKeyFor(id, providers.data) }), [definition, providers.data]);
  const draftErrors = drafts.map((d) => d.error).filter((e): e is string => e !== null);
  const noMessages = base.mode === "chat" && base.messages.length === 0 ? [NO_MESSAGES] : [];
  const errors = [...new Set([...noMessages, ...draftErrors, ...check.errors])];
  return { definition, count: cellCount(definition.axes), warnings: check.warnings, errors };
}

const newRunId = () => `s-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** The sweep that ran (or runs): its definition, results and id, kept in storage and in the history. */
function useSweepRun({ initial, initialResults, initialRunId }: SweepPageProps, setNote: Dispatch<SetStateAction<string | null>>) {
  const [ran, setRan] = useState<SweepDefinition>(initial);
  const runner = useSweepRunner(initialResults);
  const [runId, setRunId] = useState(initialRunId);
  const history = useSweepHistory(runId, ran, runner.results, runner.running);
  useEffect(() => {
    const e = saveSweep(browserStorage(), { definition: ran, results: runner.results, runId });
    if (e) setNote(e);
  }, [ran, runner.results, runId, setNote]);
  const start = (definition: SweepDefinition) => {
    setRan(definition);
    setRunId(newRunId());
    runner.reset({});
    void runner.run(expandGrid(definition).cells);
  };
  const retry = (key: string) => {
    const cell = expandGrid(ran).cells.find((c) => c.key === key);
    if (cell) void runner.run([cell]);
  };
  const reopen = (entry: SweepHistoryEntry) => {
    setRan(entry.definition);
    setRunId(entry.id);
    runner.reset(entry.results);
  };
  return { ran, runId, runner, history, start, retry, reopen };
}

/** The sweep page's state: the base request, the axes, the check, the confirmation, the run and the notice. */
export function useSweepPage(props: SweepPageProps) {
  const [note, setNote] = useState(props.notice);
  const [base, baseDispatch] = useReducer(sessionReducer, props.initial.session);
  const setBase = useCallback((session: Session) => baseDispatch({ type: "replace", session }), []);
  const axes = useAxisDrafts(props.initial.axes);
  const grid = useSweepCheck(base, axes.drafts);
  const run = useSweepRun(props, setNote);
  const [confirming, setConfirming] = useState(false);
  const start = () => {
    setConfirming(false);
    run.start(grid.definition);
  };
  const onRun = () => {
    if (grid.errors.length > 0) return;
    if (needsConfirmation(grid.count) && !confirming) return setConfirming(true);
    start();
  };
  const reopen = (entry: SweepHistoryEntry) => {
    setBase(entry.definition.session);
    axes.replace(entry.definition.axes);
    run.reopen(entry);
    setNote(`Reopened the sweep from ${new Date(entry.savedAt).toLocaleString()} with its results.`);
  };
  const payload = useMemo<SharePayload>(() => ({ kind: "sweep", session: base, axes: grid.definition.axes }), [base, grid.definition.axes]);
  const replaceAxes = axes.replace;
  const load = useCallback(
    (shared: SharePayload) => {
      const first = shared.kind === "compare" ? shared.columns[0] : undefined;
      setBase(first ? sessionForColumn(shared.session, first) : shared.session);
      if (shared.kind === "sweep") replaceAxes(shared.axes);
      setNote(
        shared.kind === "sweep"
          ? "Opened the shared sweep: its grid is loaded; press Run sweep to run it."
          : "The shared session is now the base request.",
      );
    },
    [setBase, replaceAxes],
  );
  return {
    ...run,
    ...grid,
    base,
    baseDispatch,
    axes,
    confirming,
    start,
    onRun,
    notConfirmed: () => setConfirming(false),
    reopen,
    payload,
    load,
    note,
    dismissNote: () => setNote(null),
  };
}
