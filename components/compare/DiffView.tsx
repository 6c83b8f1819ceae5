"use client";
import { useMemo, useState } from "react";
import { requestDifferences, wordDiff } from "@/lib/compare/diff";
import { IndexSelect } from "../ui/IndexSelect";

export interface DiffTarget {
  name: string;
  /** The raw request body the target sent (or would send). */
  requestText: string;
  answer: string;
}

/** A target against the baseline: which request fields differ, and the answers word by word. */
export function DiffView({ baseline, others }: { baseline: DiffTarget; others: DiffTarget[] }) {
  const [chosen, setChosen] = useState(0);
  const other = others[Math.min(chosen, others.length - 1)];
  // Keyed on the strings: the targets are new objects on every render, their texts are not.
  const otherRequest = other?.requestText;
  const otherAnswer = other?.answer;
  const differences = useMemo(
    () => (otherRequest === undefined ? [] : requestDifferences(baseline.requestText, otherRequest)),
    [baseline.requestText, otherRequest],
  );
  const parts = useMemo(() => (otherAnswer === undefined ? [] : wordDiff(baseline.answer, otherAnswer)), [baseline.answer, otherAnswer]);
  if (!other) return null;
  return (
    <section aria-label="Diff" className="flex flex-col gap-2 rounded-lg border border-zinc-200 p-2 text-sm dark:border-zinc-800">
      <div className="flex flex-wrap items-center gap-2">
        <h2 className="font-semibold">Diff against the baseline ({baseline.name})</h2>
        <IndexSelect
          label="Target"
          name="Diff target"
          className="w-36"
          options={others.map((o) => ({ key: o.name, label: o.name }))}
          value={chosen}
          onChange={setChosen}
        />
      </div>
      <p data-testid="param-differences">
        <span className="font-medium">Differs in parameters: </span>
        {differences.length === 0 ? "nothing, the requests are the same" : differences.join("; ")}
      </p>
      <p className="leading-relaxed whitespace-pre-wrap" data-testid="answer-diff">
        {parts.length === 0 && <span className="text-zinc-500">No answers to compare yet.</span>}
        {parts.map((p, i) =>
          p.kind === "same" ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: parts are rebuilt as a whole, never reordered
            <span key={i}>{p.text}</span>
          ) : p.kind === "added" ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: as above
            <ins key={i} className="bg-emerald-100 no-underline dark:bg-emerald-900">
              {p.text}
            </ins>
          ) : (
            // biome-ignore lint/suspicious/noArrayIndexKey: as above
            <del key={i} className="bg-red-100 dark:bg-red-900">
              {p.text}
            </del>
          ),
        )}
      </p>
    </section>
  );
}
