"use client";
import type { EvalCheck } from "@/lib/evaluate/validate";
import { MAX_EVAL_REPEATS } from "@/lib/evaluate/schema";
import type { PoolProgress } from "@/lib/sweep/scheduler";
import { inputClass } from "../ui/fields";
import { ProblemLists, RunButtons, RunProgress } from "../ui/PooledRun";

/** Repeats, Run evaluation and Cancel all, what the run will send, what is wrong before sending, and progress. */
export function RunControls({
  repeats,
  targets,
  onRepeats,
  check,
  running,
  progress: p,
  onRun,
  onCancel,
}: {
  repeats: number;
  targets: number;
  onRepeats: (n: number) => void;
  check: EvalCheck | null;
  running: boolean;
  progress: PoolProgress | null;
  onRun: () => void;
  onCancel: () => void;
}) {
  const errors = check?.errors ?? [];
  return (
    <section aria-label="Run" className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <label className="flex items-center gap-1 text-sm">
          Repeats
          <input
            type="number"
            min={1}
            max={MAX_EVAL_REPEATS}
            className={`${inputClass} w-16`}
            value={repeats}
            onChange={(e) => onRepeats(Number(e.target.value))}
          />
        </label>
        <RunButtons
          label="Run evaluation"
          canRun={!running && check !== null && errors.length === 0}
          onRun={onRun}
          running={running}
          onCancel={onCancel}
        />
        <span data-testid="request-count" className="text-sm">
          {check
            ? `${check.cases.length} case${check.cases.length === 1 ? "" : "s"} × ${targets} target${targets === 1 ? "" : "s"} × ${repeats} repeat${repeats === 1 ? "" : "s"}: ${check.requests} request${check.requests === 1 ? "" : "s"}.`
            : "Checking…"}
        </span>
      </div>
      <ProblemLists errors={errors} warnings={check?.warnings ?? []} />
      <RunProgress progress={p} testId="eval-progress" />
    </section>
  );
}
