"use client";
import { useCallback, useEffect, useMemo, useReducer, useState } from "react";
import type { SessionAction } from "@/lib/session/state";
import { parseCases } from "@/lib/evaluate/cases";
import type { EvalHistoryEntry } from "@/lib/evaluate/history";
import { saveEvaluation, type StoredEvaluation } from "@/lib/evaluate/persist";
import { cellTasks, planTasks } from "@/lib/evaluate/plan";
import type { Evaluation } from "@/lib/evaluate/schema";
import { evalReducer } from "@/lib/evaluate/state";
import { sessionVariables } from "@/lib/evaluate/template";
import { effectiveCases } from "@/lib/evaluate/validate";
import type { SharePayload } from "@/lib/share";
import { browserStorage } from "@/lib/storage/browser-storage";
import { usePrices } from "../pricing/usePrices";
import { useEvalHistory } from "./EvalHistory";
import { evaluationFromPayload } from "../../lib/evaluate/share";
import { useEvalCheck } from "./useEvalCheck";
import { useEvalRunner } from "./useEvalRunner";

const newRunId = () => `e-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** The cases a definition runs on. */
function casesOf(ev: Evaluation) {
  return effectiveCases(parseCases(ev.casesText), sessionVariables(ev.session));
}

/** The evaluate page's state: the definition being edited, the one that ran with its results, the check and the notice. */
export function useEvaluatePage(initial: StoredEvaluation, notice: string | null) {
  const [ev, dispatch] = useReducer(evalReducer, initial.definition);
  const [ran, setRan] = useState<Evaluation | null>(initial.ran);
  const [runId, setRunId] = useState(initial.runId);
  const [note, setNote] = useState(notice);
  const runner = useEvalRunner(initial.results);
  const parsed = useMemo(() => parseCases(ev.casesText), [ev.casesText]);
  const check = useEvalCheck(ev, parsed);
  const ranCases = useMemo(() => (ran ? casesOf(ran) : []), [ran]);
  const templateDispatch = useCallback((action: SessionAction) => dispatch({ type: "template", action }), []);

  useEffect(() => {
    const e = saveEvaluation(browserStorage(), { definition: ev, ran, results: runner.results, runId });
    if (e) setNote(e);
  }, [ev, ran, runner.results, runId]);

  const prices = usePrices();
  const history = useEvalHistory(runId, ran, runner.results, runner.running);
  const apply = useCallback(
    (payload: SharePayload) => {
      dispatch({ type: "replace", evaluation: evaluationFromPayload(payload, ev) });
      setNote(
        payload.kind === "evaluate"
          ? "Opened the shared evaluation: press Run evaluation to run it."
          : "The shared conversation is now the template.",
      );
    },
    [ev],
  );
  const reopen = (entry: EvalHistoryEntry) => {
    dispatch({ type: "replace", evaluation: entry.definition });
    setRan(entry.definition);
    setRunId(entry.id);
    runner.reset(entry.results);
    setNote(`Reopened the evaluation from ${new Date(entry.savedAt).toLocaleString()} with its results.`);
  };
  const start = () => {
    if (!check || check.errors.length > 0) return;
    setRan(ev);
    setRunId(newRunId());
    runner.reset({});
    void runner.run(planTasks(ev, check.cases));
  };
  const retry = (caseIndex: number, targetId: string) => {
    if (ran) void runner.run(cellTasks(ran, ranCases, caseIndex, targetId));
  };

  return {
    ev,
    dispatch,
    ran,
    runId,
    note,
    dismissNote: () => setNote(null),
    runner,
    parsed,
    check,
    ranCases,
    templateDispatch,
    prices,
    history,
    apply,
    reopen,
    start,
    retry,
  };
}
