"use client";
import type { ReactNode } from "react";
import type { Assertion } from "@/lib/evaluate/assertion-schema";
import { inputClass, monoInputClass } from "../ui/fields";

type Change = (a: Assertion) => void;

function Text({
  label,
  value,
  onChange,
  mono = false,
  rows,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  mono?: boolean;
  rows?: number;
}) {
  if (rows) {
    return (
      <label className="flex min-w-40 flex-1 flex-col gap-0.5 text-xs">
        {label}
        <textarea
          aria-label={label}
          rows={rows}
          className={monoInputClass}
          value={value}
          spellCheck={false}
          onChange={(e) => onChange(e.target.value)}
        />
      </label>
    );
  }
  return (
    <label className="flex min-w-40 flex-1 flex-col gap-0.5 text-xs">
      {label}
      <input aria-label={label} className={mono ? monoInputClass : inputClass} value={value} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}

function NumberField({ label, value, onChange }: { label: string; value: number | null; onChange: (v: number | null) => void }) {
  return (
    <label className="flex w-32 flex-col gap-0.5 text-xs">
      {label}
      <input
        aria-label={label}
        type="number"
        min={0}
        className={inputClass}
        value={value ?? ""}
        onChange={(e) => onChange(e.target.value === "" ? null : Math.max(0, Math.round(Number(e.target.value))))}
      />
    </label>
  );
}

function Check({ label, checked, onChange }: { label: string; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <label className="flex items-center gap-1 text-xs">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}

/** The settings of one assertion, by kind; `n` (its position) makes every label unique on the page. */
export function AssertionFields({ a, n, onChange }: { a: Assertion; n: number; onChange: Change }): ReactNode {
  const l = (what: string) => `${what} of assertion ${n}`;
  switch (a.kind) {
    case "contains":
    case "not-contains":
      return (
        <>
          <Text label={l("Text")} value={a.value} onChange={(value) => onChange({ ...a, value })} />
          <Check label="Ignore case" checked={a.ignoreCase} onChange={(ignoreCase) => onChange({ ...a, ignoreCase })} />
        </>
      );
    case "equals-expected":
      return <Check label="Ignore surrounding whitespace" checked={a.trim} onChange={(trim) => onChange({ ...a, trim })} />;
    case "regex":
      return (
        <>
          <Text label={l("Pattern")} mono value={a.pattern} onChange={(pattern) => onChange({ ...a, pattern })} />
          <Text label={l("Flags")} mono value={a.flags} onChange={(flags) => onChange({ ...a, flags })} />
        </>
      );
    case "json-valid":
      return null;
    case "json-schema":
      return <Text label={l("JSON Schema")} rows={4} value={a.schema} onChange={(schema) => onChange({ ...a, schema })} />;
    case "tool-call":
      return (
        <>
          <Text label={l("Function name")} mono value={a.functionName} onChange={(functionName) => onChange({ ...a, functionName })} />
          <Text label={l("Arguments schema")} rows={3} value={a.schema} onChange={(schema) => onChange({ ...a, schema })} />
        </>
      );
    case "finish-reason":
      return <Text label={l("finish_reason")} mono value={a.value} onChange={(value) => onChange({ ...a, value })} />;
    case "length":
      return (
        <>
          <NumberField label={l("Minimum characters")} value={a.min} onChange={(min) => onChange({ ...a, min })} />
          <NumberField label={l("Maximum characters")} value={a.max} onChange={(max) => onChange({ ...a, max })} />
        </>
      );
    case "latency":
      return (
        <>
          <label className="flex flex-col gap-0.5 text-xs">
            {l("Measure")}
            <select
              aria-label={l("Measure")}
              className={`${inputClass} w-48`}
              value={a.measure}
              onChange={(e) => onChange({ ...a, measure: e.target.value === "ttft" ? "ttft" : "total" })}
            >
              <option value="total">Total time</option>
              <option value="ttft">Time to first token</option>
            </select>
          </label>
          <NumberField label={l("Below (ms)")} value={a.maxMs} onChange={(maxMs) => onChange({ ...a, maxMs: maxMs ?? 0 })} />
        </>
      );
    case "tokens":
      return (
        <NumberField
          label={l("Completion tokens below")}
          value={a.maxTokens}
          onChange={(maxTokens) => onChange({ ...a, maxTokens: maxTokens ?? 0 })}
        />
      );
    case "expression":
      return <Text label={l("Expression")} rows={2} value={a.code} onChange={(code) => onChange({ ...a, code })} />;
  }
}
