"use client";
import { useId } from "react";
import { parseExtraBody } from "@/lib/request/build";
import { useSession } from "../playground/context";
import { monoInputClass } from "../ui/fields";

/** Any other field, merged into the request body last (it may override). */
export function ExtraBodyEditor() {
  const { session, dispatch } = useSession();
  const { error } = parseExtraBody(session.extraBody);
  const id = useId();
  return (
    <div className="flex flex-col gap-1 rounded-md border border-zinc-200 p-2 dark:border-zinc-800">
      <label htmlFor={id} className="text-sm font-medium">
        Extra body
      </label>
      <textarea
        id={id}
        rows={3}
        spellCheck={false}
        className={monoInputClass}
        placeholder='{"user": "me", "logit_bias": {}}'
        value={session.extraBody}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-help`}
        onChange={(e) => dispatch({ type: "setExtraBody", text: e.target.value })}
      />
      <p id={`${id}-help`} className={error ? "text-xs text-amber-700 dark:text-amber-400" : "text-xs text-zinc-500"}>
        {error ?? "A JSON object merged into the request last; its fields override the ones above."}
      </p>
    </div>
  );
}
