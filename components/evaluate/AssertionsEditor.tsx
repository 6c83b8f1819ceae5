"use client";
import { useState } from "react";
import { ASSERTION_KINDS, assertionName } from "@/lib/evaluate/assertion-kinds";
import type { AssertionKind } from "@/lib/evaluate/assertion-schema";
import { EXPRESSION_TIME_LIMIT_MS } from "@/lib/evaluate/sandbox";
import { MAX_ASSERTIONS, type Evaluation } from "@/lib/evaluate/schema";
import type { EvalAction } from "@/lib/evaluate/state";
import { Button } from "../ui/Button";
import { inputClass } from "../ui/fields";
import { AssertionFields } from "./AssertionFields";

/** The evaluation's assertions: a kind picker with Add assertion, and each assertion's name and settings. */
export function AssertionsEditor({ evaluation, dispatch }: { evaluation: Evaluation; dispatch: (a: EvalAction) => void }) {
  const [kind, setKind] = useState<AssertionKind>("json-schema");
  const { assertions } = evaluation;
  return (
    <section aria-label="Assertions" className="flex flex-col gap-2">
      <h2 className="text-sm font-semibold">Assertions</h2>
      {assertions.length === 0 && <p className="text-sm text-zinc-500">No assertions yet: every answer is collected, none is checked.</p>}
      {assertions.map((a, i) => (
        <fieldset
          key={a.id}
          aria-label={`Assertion ${i + 1}`}
          className="flex flex-wrap items-end gap-2 rounded-md border border-zinc-200 p-2 dark:border-zinc-800"
        >
          <legend className="px-1 text-xs font-medium">
            {i + 1}. {ASSERTION_KINDS.find((k) => k.kind === a.kind)?.label}
          </legend>
          <label className="flex min-w-48 flex-col gap-0.5 text-xs">
            {`Name of assertion ${i + 1}`}
            <input
              aria-label={`Name of assertion ${i + 1}`}
              className={inputClass}
              value={a.name}
              placeholder={assertionName({ ...a, name: "" })}
              onChange={(e) => dispatch({ type: "updateAssertion", assertion: { ...a, name: e.target.value } })}
            />
          </label>
          <AssertionFields a={a} n={i + 1} onChange={(assertion) => dispatch({ type: "updateAssertion", assertion })} />
          <Button size="sm" variant="ghost" onClick={() => dispatch({ type: "removeAssertion", id: a.id })}>
            Remove assertion {i + 1}
          </Button>
          {a.kind === "expression" && (
            <p className="w-full text-xs text-zinc-500">
              A JavaScript expression over <code>output</code>, <code>json</code>, <code>vars</code>, <code>response</code> and{" "}
              <code>expected</code>; truthy passes. It runs in a sandboxed worker (no network, no storage) for at most{" "}
              {EXPRESSION_TIME_LIMIT_MS} ms.
            </p>
          )}
        </fieldset>
      ))}
      <div className="flex items-center gap-2">
        <select
          aria-label="Kind of new assertion"
          className={`${inputClass} w-56`}
          value={kind}
          onChange={(e) => setKind(e.target.value as AssertionKind)}
        >
          {ASSERTION_KINDS.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.label}
            </option>
          ))}
        </select>
        <Button disabled={assertions.length >= MAX_ASSERTIONS} onClick={() => dispatch({ type: "addAssertion", kind })}>
          Add assertion
        </Button>
      </div>
    </section>
  );
}
