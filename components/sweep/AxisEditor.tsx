"use client";
import { useId } from "react";
import { PARAM_NAMES, PARAMS } from "@/lib/params/catalog";
import type { SweepAxis } from "@/lib/sweep";
import { TARGET_AXIS } from "@/lib/sweep/axis-text";
import { Button } from "../ui/Button";
import { inputClass, monoInputClass } from "../ui/fields";
import type { AxisDraft } from "./useAxisDrafts";

interface Props {
  index: number;
  axis: SweepAxis;
  text: string;
  error: string | null;
  onKind: (kind: string) => void;
  onText: (text: string) => void;
  onRemove: () => void;
  canRemove: boolean;
}

/** One axis: which parameter (or the provider/model) and its values, as the user writes them. */
export function AxisEditor({ index, axis, text, error, onKind, onText, onRemove, canRemove }: Props) {
  const id = useId();
  const n = index + 1;
  const kind = axis.kind === "target" ? TARGET_AXIS : axis.param;
  const hint =
    axis.kind === "target"
      ? "One provider:model a line, optionally followed by @ base URL (custom)."
      : `${PARAMS[axis.param].kind}: lists and ranges, e.g. 0, 0.5, 1 or 0..1 step 0.25; strings one a line; JSON arrays always work.`;
  return (
    <fieldset className="flex flex-col gap-1 rounded-md border border-zinc-200 p-2 dark:border-zinc-800">
      <legend className="px-1 text-xs font-semibold">Axis {n}</legend>
      <div className="flex flex-wrap items-center gap-2">
        <select aria-label={`Axis ${n} parameter`} className={`${inputClass} w-48`} value={kind} onChange={(e) => onKind(e.target.value)}>
          <option value={TARGET_AXIS}>{TARGET_AXIS}</option>
          {PARAM_NAMES.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
        <Button size="sm" variant="ghost" disabled={!canRemove} onClick={onRemove}>
          Remove axis {n}
        </Button>
      </div>
      <label htmlFor={id} className="text-xs text-zinc-600 dark:text-zinc-400">
        Axis {n} values
      </label>
      <textarea
        id={id}
        rows={axis.kind === "target" ? 3 : 1}
        spellCheck={false}
        className={monoInputClass}
        value={text}
        aria-invalid={error ? true : undefined}
        onChange={(e) => onText(e.target.value)}
      />
      <p className={error ? "text-xs text-red-700 dark:text-red-400" : "text-xs text-zinc-500"}>{error ?? hint}</p>
    </fieldset>
  );
}

interface AxisEditorsProps {
  drafts: readonly AxisDraft[];
  /** The drafts as parsed, one per draft. */
  axes: readonly SweepAxis[];
  onKind: (index: number, kind: string) => void;
  onText: (index: number, text: string) => void;
  onRemove: (index: number) => void;
}

/** Every axis's editor, side by side; the last one left cannot be removed. */
export function AxisEditors({ drafts, axes, onKind, onText, onRemove }: AxisEditorsProps) {
  return (
    <div className="grid gap-2 md:grid-cols-3">
      {drafts.map((d, i) => (
        <AxisEditor
          // biome-ignore lint/suspicious/noArrayIndexKey: axes are only appended and removed, their position is their identity
          key={i}
          index={i}
          axis={axes[i] ?? { kind: "param", param: "temperature", values: [] }}
          text={d.text}
          error={d.error}
          onKind={(k) => onKind(i, k)}
          onText={(text) => onText(i, text)}
          onRemove={() => onRemove(i)}
          canRemove={drafts.length > 1}
        />
      ))}
    </div>
  );
}
