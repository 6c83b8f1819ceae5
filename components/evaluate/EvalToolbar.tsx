"use client";
import { useMemo } from "react";
import type { EvalCase } from "@/lib/evaluate/cases";
import { toEvalCsv, toEvalJson } from "@/lib/evaluate/export";
import type { EvalResults, Evaluation } from "@/lib/evaluate/schema";
import type { SharePayload } from "@/lib/share";
import { ShareButton, ShareLinkPrompt } from "../share";
import { Button } from "../ui/Button";
import { download, fileStamp } from "../ui/download";
import { evaluationPayload } from "@/lib/evaluate/share";

/** Share (the definition only), open a shared link, and export the last run as JSON or CSV. */
export function EvalToolbar({
  evaluation,
  ran,
  cases,
  results,
  apply,
}: {
  evaluation: Evaluation;
  ran: Evaluation | null;
  cases: readonly EvalCase[];
  results: EvalResults;
  apply: (p: SharePayload) => void;
}) {
  const { payload, casesLeftOut } = useMemo(() => evaluationPayload(evaluation), [evaluation]);
  return (
    <>
      {casesLeftOut && (
        <span className="text-xs text-amber-800 dark:text-amber-300">The cases are too long for a link and are left out of it.</span>
      )}
      <ShareButton payload={payload} />
      <ShareLinkPrompt apply={apply} />
      <Button
        disabled={!ran}
        onClick={() => ran && download(`evaluation-${fileStamp()}.json`, "application/json", toEvalJson(ran, results))}
      >
        Export JSON
      </Button>
      <Button disabled={!ran} onClick={() => ran && download(`evaluation-${fileStamp()}.csv`, "text/csv", toEvalCsv(ran, cases, results))}>
        Export CSV
      </Button>
    </>
  );
}
