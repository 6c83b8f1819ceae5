"use client";
import type { StoredEvaluation } from "@/lib/evaluate/persist";
import { PriceTable } from "../pricing/PriceTable";
import { AppShell } from "../ui/AppShell";
import { AssertionsEditor } from "./AssertionsEditor";
import { CasesEditor } from "./CasesEditor";
import { EvalHistory } from "./EvalHistory";
import { EvalResultsTable } from "./EvalResultsTable";
import { EvalToolbar } from "./EvalToolbar";
import { RunControls } from "./RunControls";
import { TargetsEditor } from "./TargetsEditor";
import { TemplateEditor } from "./TemplateEditor";
import { useEvaluatePage } from "./useEvaluatePage";

/** The evaluate page: template, cases, targets and assertions; the run with progress; the results. */
export function EvaluateView({ initial, notice }: { initial: StoredEvaluation; notice: string | null }) {
  const {
    ev,
    dispatch,
    ran,
    runId,
    note,
    dismissNote,
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
  } = useEvaluatePage(initial, notice);
  return (
    <AppShell
      page="evaluate"
      title="Evaluate"
      notice={note}
      onDismissNotice={dismissNote}
      tools={<EvalToolbar evaluation={ev} ran={ran} cases={ranCases} results={runner.results} apply={apply} />}
    >
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
        {ran && (
          <EvalResultsTable
            evaluation={ran}
            cases={ranCases}
            results={runner.results}
            priceOf={prices.priceOf}
            canRetry={!runner.running}
            onRetry={retry}
          />
        )}
      </section>
    </AppShell>
  );
}
