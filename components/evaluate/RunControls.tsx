"use client";
import type { EvalCheck } from "@/lib/evaluate/validate";
import { MAX_EVAL_REPEATS } from "@/lib/evaluate/schema";
import type { PoolProgress } from "@/lib/sweep/scheduler";
import { Button } from "../ui/Button";
import { inputClass } from "../ui/fields";

/** Repeats, Run evaluation and Cancel all, what the run will send, what is wrong before sending, and progress. */
export function RunControls({ repeats, targets, onRepeats, check, running, progress: p, onRun, onCancel }: { repeats: number; targets: number; onRepeats: (n: number) => void; check: EvalCheck | null; running: boolean; progress: PoolProgress | null; onRun: () => void; onCancel: () => void }) {
  const errors = check?.errors ?? [];
  return (
    <section aria-label="Run" className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <label className="flex items-center gap-1 text-sm">
          Repeats
          <input type="number" min={1} max={MAX_EVAL_REPEATS} className={`${inputClass} w-16`} value={repeats} onChange={(e) => onRepeats(Number(e.target.value))} />
        </label>
        <Button variant="primary" disabled={running || !check || errors.length > 0} onClick={onRun}>
          Run evaluation
        </Button>
        <Button variant="danger" disabled={!running} onClick={onCancel}>
          Cancel all
        </Button>
        <span data-testid="request-count" className="text-sm">
          {check ? `${check.cases.length} case${check.cases.length === 1 ? "" : "s"} × ${targets} target${targets === 1 ? "" : "s"} × ${repeats} repeat${repeats === 1 ? "" : "s"}: ${check.requests} request${check.requests === 1 ? "" : "s"}.` : "Checking…"}
        </span>
      </div>
      {errors.length > 0 && (
        <ul role="alert" aria-label="Problems" className="list-disc pl-5 text-sm text-red-700 dark:text-red-400">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      {check && check.warnings.length > 0 && (
        <ul aria-label="Warnings" className="list-disc pl-5 text-sm text-amber-800 dark:text-amber-300">
          {check.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      <p role="status" data-testid="eval-progress" className="text-sm">
        {p ? `${p.done} done · ${p.failed} failed · ${p.cancelled} cancelled · ${p.remaining} remaining` : "Not run yet in this tab."}
      </p>
    </section>
  );
}
