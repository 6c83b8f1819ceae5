"use client";
import { type Dispatch, lazy, Suspense, useCallback, useMemo, useState } from "react";
import type { SessionAction } from "@/lib/session/state";
import type { CompareColumn } from "@/lib/share/schema";
import type { Session } from "@/lib/session/schema";
import { AnswerView } from "../chat/AnswerView";
import { CodeButton, useOrigin } from "../share";
import type { ColumnRunValue } from "../playground/context";
import type { RunView } from "@/lib/run/schema";
import { Button } from "../ui/Button";
import { Disclosure } from "../ui/Disclosure";
import { TargetEditor } from "./TargetEditor";

const Inspector = lazy(() => import("../playground/Inspector").then((m) => ({ default: m.Inspector })));

export interface TargetControls {
  index: number;
  count: number;
  isBaseline: boolean;
  /** The playground's session actions, applied to this column (target) and the shared conversation. */
  dispatch: Dispatch<SessionAction>;
  onDuplicate: () => void;
  onRemove: () => void;
  onMove: (by: -1 | 1) => void;
  onBaseline: () => void;
  /** Makes this column's first choice the assistant turn of the shared conversation. */
  onUseAnswer: (text: string) => void;
  onStop: () => void;
  onRetry: () => void;
}

/** One target: its provider, model, key and parameters, and its answer, raw views and metrics. */
export function TargetColumn({
  column,
  session,
  view,
  running,
  problem,
  controls,
}: {
  column: CompareColumn;
  session: Session;
  view: RunView | null;
  running: boolean;
  problem: string | null;
  controls: TargetControls;
}) {
  const { index, count, isBaseline } = controls;
  const runValue = useColumnRunValue(view);
  const answer = view?.state === "done" ? (view.choices[0]?.text ?? "") : "";
  const name = `Target ${index + 1}`;
  const origin = useOrigin();
  return (
    <section
      aria-label={name}
      data-column-id={column.id}
      className="flex w-full min-w-0 flex-col gap-2 rounded-lg border border-zinc-200 p-2 md:w-[26rem] md:shrink-0 dark:border-zinc-800"
    >
      <TargetEditor
        name={name}
        session={session}
        dispatch={controls.dispatch}
        run={runValue}
        header={
          <header className="flex flex-wrap items-center gap-1">
            <h2 className="mr-auto text-sm font-semibold">
              {name}
              {isBaseline && (
                <span className="ml-2 rounded bg-indigo-100 px-1 text-xs font-normal text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200">
                  baseline
                </span>
              )}
            </h2>
            <label className="flex items-center gap-1 text-xs">
              <input type="radio" name="baseline" checked={isBaseline} onChange={controls.onBaseline} />
              Baseline
            </label>
            <Button size="sm" variant="ghost" aria-label={`Move ${name} left`} disabled={index === 0} onClick={() => controls.onMove(-1)}>
              ←
            </Button>
            <Button
              size="sm"
              variant="ghost"
              aria-label={`Move ${name} right`}
              disabled={index === count - 1}
              onClick={() => controls.onMove(1)}
            >
              →
            </Button>
            <CodeButton session={session} origin={origin} />
            <Button size="sm" onClick={controls.onDuplicate}>
              Duplicate
            </Button>
            <Button size="sm" variant="ghost" disabled={count <= 2} onClick={controls.onRemove}>
              Remove target
            </Button>
          </header>
        }
      >
        <div className="flex flex-wrap gap-1">
          {running ? (
            <Button size="sm" variant="danger" onClick={controls.onStop}>
              Stop this target
            </Button>
          ) : (
            <Button size="sm" onClick={controls.onRetry}>
              Retry this target
            </Button>
          )}
          <Button size="sm" variant="ghost" disabled={answer === ""} onClick={() => controls.onUseAnswer(answer)}>
            Use this answer
          </Button>
        </div>
        {problem && (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {problem}
          </p>
        )}
        <article
          aria-label="assistant"
          className="h-[50vh] overflow-y-auto [contain:strict] rounded-md border border-indigo-200 bg-indigo-50/40 p-2 dark:border-indigo-900 dark:bg-indigo-950/30"
        >
          {view ? <AnswerView /> : <p className="text-sm text-zinc-500">No run yet.</p>}
        </article>
        <Disclosure summary="Raw request, raw response and metrics">
          <Suspense fallback={<p className="text-xs text-zinc-500">Loading…</p>}>
            <Inspector history={false} />
          </Suspense>
        </Disclosure>
      </TargetEditor>
    </section>
  );
}

/** The column's run and the choice on screen, which goes back to the first with each new run. */
function useColumnRunValue(view: RunView | null): ColumnRunValue {
  const runId = view?.id ?? null;
  const [chosen, setChosen] = useState<{ runId: string | null; index: number }>({ runId: null, index: 0 });
  const choiceIndex = chosen.runId === runId ? chosen.index : 0;
  const selectChoice = useCallback((index: number) => setChosen({ runId, index }), [runId]);
  return useMemo(() => ({ view, choiceIndex, selectChoice }), [view, choiceIndex, selectChoice]);
}
