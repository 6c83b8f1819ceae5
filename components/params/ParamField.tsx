"use client";
import { memo, useId } from "react";
import { checkParam, choiceOptions, rangeText } from "@/lib/checks/param-check";
import { PARAMS, type ParamName } from "@/lib/params/catalog";
import type { ProviderProfile } from "@/lib/providers";
import type { ParamState } from "@/lib/session/schema";
import { useSession } from "../playground/context";
import { cn } from "../ui/cn";
import { ParamInput } from "./ParamInput";
import { useSchemaProblem } from "./useSchemaProblem";

/**
 * One parameter: its input (labelled with the wire name exactly), a "set" box, a reset, the
 * range, a one-line help and an inline warning when the value is outside what is documented.
 */
export function ParamField({ name, undocumented = false }: { name: ParamName; undocumented?: boolean }) {
  const { session, dispatch, profile } = useSession();
  const state = session.params[name];
  return <ParamFieldInner name={name} state={state} undocumented={undocumented} profile={profile} dispatch={dispatch} />;
}

interface InnerProps {
  name: ParamName;
  state: ParamState | undefined;
  undocumented: boolean;
  profile: ProviderProfile;
  dispatch: ReturnType<typeof useSession>["dispatch"];
}

const ParamFieldInner = memo(function ParamFieldInner({ name, state, undocumented, profile, dispatch }: InnerProps) {
  const id = useId();
  const def = PARAMS[name];
  const spec = profile.params[name];
  const enabled = state?.enabled === true;
  const warning = enabled ? checkParam(profile, name, state.value) : null;
  const schemaProblem = useSchemaProblem(name === "guided_json" && enabled ? state.value : undefined);
  const problem = warning ?? schemaProblem;
  const set = (next: ParamState | undefined) => dispatch({ type: "setParam", name, state: next });
  const inline = def.kind === "number" || def.kind === "integer" || def.kind === "boolean" || def.kind === "choice";
  // Beside the name for short values, under it for text, JSON and lists.
  const input = (
    <ParamInput
      id={`${id}-input`}
      name={name}
      state={state}
      onChange={set}
      describedBy={`${id}-help`}
      choices={choiceOptions(profile, name)}
    />
  );
  return (
    <fieldset
      aria-label={`${name} parameter`}
      className={cn(
        "m-0 min-w-0 rounded-md border px-2 py-1.5",
        enabled ? "border-indigo-300 bg-indigo-50/50 dark:border-indigo-800 dark:bg-indigo-950/30" : "border-zinc-200 dark:border-zinc-800",
        undocumented && "border-dashed",
      )}
    >
      <div className="flex items-center gap-2">
        <input
          type="checkbox"
          aria-label={`Set ${name}`}
          title={enabled ? "Sent with the request" : "Not sent"}
          checked={enabled}
          disabled={state === undefined}
          onChange={(e) => state && set({ ...state, enabled: e.target.checked })}
        />
        <label htmlFor={`${id}-input`} className="min-w-0 font-mono text-sm font-medium break-all">
          {name}
        </label>
        {inline && <div className="ml-auto w-24 shrink-0">{input}</div>}
        <button
          type="button"
          className={cn(
            "rounded px-1.5 text-xs text-zinc-600 hover:bg-zinc-200 disabled:opacity-40 dark:text-zinc-400 dark:hover:bg-zinc-800",
            !inline && "ml-auto",
          )}
          disabled={state === undefined}
          onClick={() => set(undefined)}
          title={`Unset ${name}`}
        >
          Reset
        </button>
      </div>
      {!inline && input}
      {def.hasExample && (
        <button
          type="button"
          className="mt-1 rounded px-1.5 text-xs text-indigo-700 hover:bg-indigo-100 dark:text-indigo-300 dark:hover:bg-indigo-950"
          onClick={() => void import("@/lib/params/examples").then((m) => set({ enabled: true, value: m.PARAM_EXAMPLES[name] }))}
        >
          Use example {name}
        </button>
      )}
      <p id={`${id}-help`} className="mt-1 text-[11px] leading-snug text-zinc-500">
        <span className="font-mono">{rangeText(profile, name)}</span> · {def.help}
        {spec?.note ? ` (${profile.name}: ${spec.note})` : ""}
      </p>
      {problem && (
        <p role="status" className="mt-1 text-xs text-amber-700 dark:text-amber-400">
          ⚠ {problem} You can still send it.
        </p>
      )}
    </fieldset>
  );
});
