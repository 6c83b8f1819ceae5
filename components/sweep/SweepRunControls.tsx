"use client";
import { CONFIRM_THRESHOLD } from "@/lib/sweep";
import { Button } from "../ui/Button";
import { RunButtons } from "../ui/PooledRun";

interface SweepRunControlsProps {
  count: number;
  canAddAxis: boolean;
  onAddAxis: () => void;
  canRun: boolean;
  onRun: () => void;
  running: boolean;
  onCancel: () => void;
}

/** Add axis, Run sweep, Cancel all, and how many requests the grid sends. */
export function SweepRunControls({ count, canAddAxis, onAddAxis, canRun, onRun, running, onCancel }: SweepRunControlsProps) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button disabled={!canAddAxis} onClick={onAddAxis}>
        Add axis
      </Button>
      <RunButtons label="Run sweep" canRun={canRun} onRun={onRun} running={running} onCancel={onCancel} />
      <span data-testid="cell-count" className="text-sm">
        This grid sends {count} request{count === 1 ? "" : "s"}.
      </span>
    </div>
  );
}

/** Asked before a grid larger than CONFIRM_THRESHOLD runs. */
export function ConfirmSweep({ count, onConfirm, onDecline }: { count: number; onConfirm: () => void; onDecline: () => void }) {
  return (
    <div
      role="alertdialog"
      aria-label="Confirm sweep"
      className="flex flex-wrap items-center gap-2 rounded-md border border-amber-300 bg-amber-50 p-2 text-sm dark:border-amber-800 dark:bg-amber-950"
    >
      <span>
        This sends {count} requests (more than {CONFIRM_THRESHOLD}). Run them?
      </span>
      <Button variant="primary" onClick={onConfirm}>
        Run {count} requests
      </Button>
      <Button onClick={onDecline}>Not now</Button>
    </div>
  );
}
