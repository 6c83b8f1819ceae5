"use client";
import type { CellResult } from "@/lib/sweep";
import { LogprobText } from "../chat/LogprobText";
import { Button } from "../ui/Button";

const ms = (v: number | null) => (v === null ? "–" : `${Math.round(v)} ms`);

/** One cell of the matrix: the answer (full text on expand), its figures, or its error and a retry. */
export function SweepCell({
  result,
  label,
  onRetry,
  shade,
}: {
  result: CellResult | undefined;
  label: string;
  onRetry: () => void;
  shade: boolean;
}) {
  if (!result || result.status === "pending") return <span className="text-xs text-zinc-400">pending</span>;
  if (result.status === "running") return <span className="text-xs text-zinc-500">running…</span>;
  if (result.status === "failed" || result.status === "cancelled") {
    return (
      <div className="flex flex-col gap-1 text-xs">
        <span className={result.status === "failed" ? "font-semibold text-red-700 dark:text-red-400" : "text-zinc-500"}>
          {result.status === "failed" ? `failed${result.error?.status ? ` · HTTP ${result.error.status}` : ""}` : "cancelled"}
        </span>
        {result.error?.message && <span className="break-words whitespace-pre-wrap">{result.error.message}</span>}
        {result.text && <span className="text-zinc-500">partial: {result.text.slice(0, 80)}</span>}
        <Button size="sm" aria-label={`Retry cell ${label}`} onClick={onRetry}>
          Retry
        </Button>
      </div>
    );
  }
  const preview = result.text.length > 160 ? `${result.text.slice(0, 160)}…` : result.text;
  return (
    <div className="flex flex-col gap-1">
      {shade && result.logprobs && <LogprobText tokens={result.logprobs} count={result.logprobs.length} />}
      <p className={shade && result.logprobs ? "sr-only" : "text-sm break-words whitespace-pre-wrap"} data-answer>
        {preview}
      </p>
      {result.text.length > 160 && (
        <details className="text-xs">
          <summary className="cursor-pointer">Full text</summary>
          <p className="whitespace-pre-wrap">{result.text}</p>
        </details>
      )}
      <p className="text-[11px] text-zinc-500">
        {result.completionTokens ?? "–"} tokens · TTFT {ms(result.ttftMs)} · {ms(result.totalMs)} · {result.finishReason ?? "–"}
        {result.schemaValid !== null && (result.schemaValid ? " · schema held" : " · schema failed")}
      </p>
    </div>
  );
}
