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
  const p = useEvaluatePage(initial, notice);
  const { ev, dispatch, runner } = p;
  return (
    <AppShell
      page="evaluate"
      title="Evaluate"
      notice={p.note}
      onDismissNotice={p.dismissNote}
      tools={<EvalToolbar evaluation={ev} ran={p.ran} cases={p.ranCases} results={runner.results} apply={p.apply} />}
    >
      <section aria-label="Evaluate" className="flex flex-col gap-4">
        <div className="grid gap-4 lg:grid-cols-2">
          <TemplateEditor session={ev.session} dispatch={p.templateDispatch} />
          <CasesEditor text={ev.casesText} parsed={p.parsed} onText={(text) => dispatch({ type: "setCases", text })} />
        </div>
        <TargetsEditor evaluation={ev} dispatch={dispatch} />
        <AssertionsEditor evaluation={ev} dispatch={dispatch} />
        <RunControls
          repeats={ev.repeats}
          targets={ev.targets.length}
          onRepeats={(repeats) => dispatch({ type: "setRepeats", repeats })}
          check={p.check}
          running={runner.running}
          progress={runner.progress}
          onRun={p.start}
          onCancel={runner.cancel}
        />
        <PriceTable suggest={ev.targets[0]} />
        <EvalHistory
          entries={p.history.entries}
          notice={p.history.notice}
          currentId={p.runId}
          onOpen={p.reopen}
          onClear={p.history.clear}
        />
        {p.ran && (
          <EvalResultsTable
            evaluation={p.ran}
            cases={p.ranCases}
            results={runner.results}
            priceOf={p.prices.priceOf}
            canRetry={!runner.running}
            onRetry={p.retry}
          />
        )}
      </section>
    </AppShell>
  );
}
