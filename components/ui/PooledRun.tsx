import type { PoolProgress } from "@/lib/sweep/scheduler";
import { Button } from "./Button";

// The controls and feedback of a run of many requests through the pool (a sweep, an evaluation).

/** Run (named for what runs) and Cancel all. */
export function RunButtons({
  label,
  canRun,
  onRun,
  running,
  onCancel,
}: {
  label: string;
  canRun: boolean;
  onRun: () => void;
  running: boolean;
  onCancel: () => void;
}) {
  return (
    <>
      <Button variant="primary" disabled={!canRun} onClick={onRun}>
        {label}
      </Button>
      <Button variant="danger" disabled={!running} onClick={onCancel}>
        Cancel all
      </Button>
    </>
  );
}

/** What stops a run from starting (an alert), then what only deserves a look. */
export function ProblemLists({ errors, warnings }: { errors: readonly string[]; warnings: readonly string[] }) {
  return (
    <>
      {errors.length > 0 && (
        <ul role="alert" aria-label="Problems" className="list-disc pl-5 text-sm text-red-700 dark:text-red-400">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      {warnings.length > 0 && (
        <ul aria-label="Warnings" className="list-disc pl-5 text-sm text-amber-800 dark:text-amber-300">
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </>
  );
}

/** How far a pooled run has got, announced as it changes. */
export function RunProgress({ progress: p, testId }: { progress: PoolProgress | null; testId?: string }) {
  return (
    <p role="status" data-testid={testId} className="text-sm">
      {p ? `${p.done} done · ${p.failed} failed · ${p.cancelled} cancelled · ${p.remaining} remaining` : "Not run yet in this tab."}
    </p>
  );
}
