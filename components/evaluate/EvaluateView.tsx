"use client";
import { useCallback, useEffect, useMemo, useReducer, useState } from "react";
import type { SessionAction } from "@/lib/session/state";
import { parseCases } from "@/lib/evaluate/cases";
import { saveEvaluation, type StoredEvaluation } from "@/lib/evaluate/persist";
import { browserStorage } from "@/lib/storage/browser-storage";
import { cellTasks, planTasks } from "@/lib/evaluate/plan";
import type { Evaluation } from "@/lib/evaluate/schema";
import { evalReducer } from "@/lib/evaluate/state";
import { sessionVariables } from "@/lib/evaluate/template";
import { effectiveCases } from "@/lib/evaluate/validate";
import { ThemeToggle } from "../playground/ThemeToggle";
import { AppNav } from "../ui/AppNav";
import type { EvalHistoryEntry } from "@/lib/evaluate/history";
import type { SharePayload } from "@/lib/share";
import { PriceTable } from "../pricing/PriceTable";
import { usePrices } from "../pricing/usePrices";
import { AssertionsEditor } from "./AssertionsEditor";
import { EvalHistory, useEvalHistory } from "./EvalHistory";
import { EvalToolbar } from "./EvalToolbar";
import { evaluationFromPayload } from "@/lib/evaluate/share";
import { CasesEditor } from "./CasesEditor";
import { EvalResultsTable } from "./EvalResultsTable";
import { RunControls } from "./RunControls";
import { TargetsEditor } from "./TargetsEditor";
import { TemplateEditor } from "./TemplateEditor";
import { useEvalCheck } from "./useEvalCheck";
import { useEvalRunner } from "./useEvalRunner";
import { PageNotice } from "../ui/PageNotice";

const newRunId = () => `e-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** The cases a definition runs on. */
function casesOf(ev: Evaluation) {
  return effectiveCases(parseCases(ev.casesText), sessionVariables(ev.session));
}

/** The evaluate page: template, cases, targets and assertions; the run with progress; the results. */
export function EvaluateView({ initial, notice }: { initial: StoredEvaluation; notice: string | null }) {
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
      setNote(payload.kind === "evaluate" ? "Opened the shared evaluation: press Run evaluation to run it." : "The shared conversation is now the template.");
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

  return (
    <div className="mx-auto flex min-h-screen max-w-[1800px] flex-col gap-3 p-3">
      <header className="flex flex-wrap items-center gap-3 border-b border-zinc-200 pb-2 dark:border-zinc-800">
        <h1 className="text-base font-semibold">Evaluate</h1>
        <AppNav current="evaluate" />
        <div className="ml-auto flex flex-wrap items-center gap-1">
          <EvalToolbar evaluation={ev} ran={ran} cases={ranCases} results={runner.results} apply={apply} />
          <ThemeToggle />
        </div>
      </header>
      <PageNotice className="rounded" text={note} onDismiss={() => setNote(null)} />
      <section aria-label="Evaluate" className="flex flex-col gap-4">
        <div className="grid gap-4 lg:grid-cols-2">
          <TemplateEditor session={ev.session} dispatch={templateDispatch} />
          <CasesEditor text={ev.casesText} parsed={parsed} onText={(text) => dispatch({ type: "setCases", text })} />
        </div>
        <TargetsEditor evaluation={ev} dispatch={dispatch} />
        <AssertionsEditor evaluation={ev} dispatch={dispatch} />
        <RunControls
          repeats={ev.repeats}
          targets={ev.targets.length}
          onRepeats={(repeats) => dispatch({ type: "setRepeats", repeats })}
          check={check}
          running={runner.running}
          progress={runner.progress}
          onRun={start}
          onCancel={runner.cancel}
        />
        <PriceTable suggest={ev.targets[0]} />
        <EvalHistory entries={history.entries} notice={history.notice} currentId={runId} onOpen={reopen} onClear={history.clear} />
        {ran && <EvalResultsTable evaluation={ran} cases={ranCases} results={runner.results} priceOf={prices.priceOf} canRetry={!runner.running} onRetry={retry} />}
      </section>
    </div>
  );
}
