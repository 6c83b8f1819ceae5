"use client";
import { MAX_AXES } from "@/lib/sweep";
import { ShareButton, ShareLinkPrompt } from "../share";
import { AppShell } from "../ui/AppShell";
import { ProblemLists } from "../ui/PooledRun";
import { AxisEditors } from "./AxisEditor";
import { ExportSweep } from "./ExportSweep";
import { BaseRequestSummary, SweepComposer } from "./SweepComposer";
import { SweepHistory } from "./SweepHistory";
import { SweepResultsPanel } from "./SweepResultsPanel";
import { ConfirmSweep, SweepRunControls } from "./SweepRunControls";
import { type SweepPageProps, useSweepPage } from "./useSweepPage";

/** The sweep page: the base request, up to three axes, the run with its progress, and the matrix. */
export function SweepView(props: SweepPageProps) {
  const s = useSweepPage(props);
  const { axes, runner } = s;
  return (
    <AppShell
      page="sweep"
      title="Sweep"
      notice={s.note}
      onDismissNotice={s.dismissNote}
      tools={
        <>
          <ShareButton payload={s.payload} />
          <ShareLinkPrompt apply={s.load} />
          <ExportSweep definition={s.ran} results={runner.results} />
        </>
      }
    >
      <section aria-label="Sweep" className="flex flex-col gap-3">
        <BaseRequestSummary session={s.base} />
        <SweepComposer session={s.base} dispatch={s.baseDispatch} />
        <AxisEditors
          drafts={axes.drafts}
          axes={s.definition.axes}
          onKind={(i, kind) => axes.setKind(i, kind, s.base)}
          onText={axes.setText}
          onRemove={axes.remove}
        />
        <SweepRunControls
          count={s.count}
          canAddAxis={axes.drafts.length < MAX_AXES}
          onAddAxis={axes.add}
          canRun={!runner.running && s.errors.length === 0 && s.count > 0}
          onRun={s.onRun}
          running={runner.running}
          onCancel={runner.cancel}
        />
        {s.confirming && <ConfirmSweep count={s.count} onConfirm={s.start} onDecline={s.notConfirmed} />}
        <ProblemLists errors={s.errors} warnings={s.warnings} />
        <SweepResultsPanel definition={s.ran} results={runner.results} progress={runner.progress} onRetry={s.retry} />
        <SweepHistory
          entries={s.history.entries}
          notice={s.history.notice}
          currentId={s.runId}
          onOpen={s.reopen}
          onClear={s.history.clear}
        />
      </section>
    </AppShell>
  );
}
