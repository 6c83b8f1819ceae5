"use client";
import { useState } from "react";
import type { SweepDefinition, SweepResults } from "@/lib/sweep";
import type { PoolProgress } from "@/lib/sweep/scheduler";
import { RunProgress } from "../ui/PooledRun";
import { SweepCostLine } from "./SweepCostLine";
import { SweepMatrix } from "./SweepMatrix";
import { SweepOverlay } from "./SweepOverlay";

interface Props {
  definition: SweepDefinition;
  results: SweepResults;
  progress: PoolProgress | null;
  onRetry: (key: string) => void;
}

/** The run's progress, then its results: the matrix (shaded by probability on request), the overlay and the cost. */
export function SweepResultsPanel({ definition, results, progress, onRetry }: Props) {
  const [shade, setShade] = useState(false);
  const hasLogprobs = Object.values(results).some((r) => (r.logprobs?.length ?? 0) > 0);
  return (
    <>
      <RunProgress progress={progress} />
      {hasLogprobs && (
        <label className="flex items-center gap-1 text-sm">
          <input type="checkbox" checked={shade} onChange={(e) => setShade(e.target.checked)} />
          Shade by probability
        </label>
      )}
      <SweepMatrix definition={definition} results={results} onRetry={onRetry} shade={shade} />
      <SweepOverlay definition={definition} results={results} />
      <SweepCostLine definition={definition} results={results} />
    </>
  );
}
