"use client";
import { useState } from "react";
import { templateVars } from "@/lib/evaluate/template-vars";
import { inputClass } from "../ui/fields";

/** The Variables form itself, for the names the conversation uses (see VariablesForm). */
export function VariablesFields({ names }: { names: string[] }) {
  const [values, setValues] = useState<Record<string, string>>(() => ({ ...templateVars.get() }));
  const unfilled = names.filter((n) => (values[n] ?? "") === "");
  const set = (name: string, value: string) => {
    const next = { ...values, [name]: value };
    setValues(next);
    templateVars.set(next);
  };
  return (
    <form
      aria-label="Variables"
      className="flex flex-col gap-1 rounded-md border border-amber-200 p-2 text-sm dark:border-amber-900"
      onSubmit={(e) => e.preventDefault()}
    >
      <p role="status" className={unfilled.length > 0 ? "text-amber-800 dark:text-amber-300" : "text-zinc-600 dark:text-zinc-400"}>
        {unfilled.length > 0
          ? `Unfilled: ${unfilled.map((n) => `{{${n}}}`).join(", ")} — sent as written unless given a value here.`
          : "Every variable has a value for the next run."}
      </p>
      <div className="flex flex-wrap gap-2">
        {names.map((n) => (
          <label key={n} className="flex min-w-40 flex-1 flex-col gap-0.5 text-xs">
            <span className="font-mono">{n}</span>
            <input aria-label={n} className={inputClass} value={values[n] ?? ""} onChange={(e) => set(n, e.target.value)} />
          </label>
        ))}
      </div>
    </form>
  );
}
