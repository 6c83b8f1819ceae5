"use client";
import { useId, useState } from "react";
import { type ParsedCases, MAX_CASES } from "@/lib/evaluate/cases";
import { monoInputClass } from "../ui/fields";

/** The paste area for cases (CSV, TSV or JSON Lines), a file input, and what was read from them. */
export function CasesEditor({ text, parsed, onText }: { text: string; parsed: ParsedCases; onText: (text: string) => void }) {
  const id = useId();
  const [fileError, setFileError] = useState<string | null>(null);
  const load = async (file: File | undefined) => {
    if (!file) return;
    try {
      setFileError(null);
      onText(await file.text());
    } catch (e) {
      setFileError(`Could not read ${file.name}: ${(e as Error).message}`);
    }
  };
  const format = parsed.format === null ? "" : ` (${parsed.format.toUpperCase()})`;
  return (
    <section aria-label="Cases editor" className="flex flex-col gap-1">
      <h2 className="text-sm font-semibold">Cases</h2>
      <label htmlFor={id} className="text-xs text-zinc-600 dark:text-zinc-400">
        Cases — a header row naming the variables (and optionally <code>expected</code>), then one row per case; or one JSON object per
        line. Up to {MAX_CASES} rows.
      </label>
      <textarea
        id={id}
        aria-label="Cases"
        rows={6}
        className={monoInputClass}
        value={text}
        onChange={(e) => onText(e.target.value)}
        placeholder={"topic,expected\ntides,yes"}
        spellCheck={false}
      />
      <label className="flex items-center gap-2 text-sm">
        Load cases
        <input
          type="file"
          aria-label="Load cases"
          accept=".csv,.tsv,.jsonl,.ndjson,.txt,text/csv,text/tab-separated-values,application/jsonl"
          onChange={(e) => void load(e.target.files?.[0])}
        />
      </label>
      {fileError && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {fileError}
        </p>
      )}
      <p className="text-sm" data-testid="case-summary">
        {parsed.cases.length} case{parsed.cases.length === 1 ? "" : "s"}
        {format}
        {parsed.columns.length > 0 && ` · columns ${parsed.columns.join(", ")}`}
        {parsed.hasExpected && " · with expected"}
      </p>
      {parsed.problems.length > 0 && (
        <ul aria-label="Rows left out" className="list-disc pl-5 text-sm text-amber-800 dark:text-amber-300">
          {parsed.problems.slice(0, 20).map((p) => (
            <li key={`${p.line}-${p.message}`}>{p.message}</li>
          ))}
          {parsed.problems.length > 20 && <li>…and {parsed.problems.length - 20} more.</li>}
        </ul>
      )}
    </section>
  );
}
