"use client";
import { useCallback, useState } from "react";
import type { Session } from "@/lib/session/schema";
import type { SweepAxis } from "@/lib/sweep";
import { axisFromText, axisText, TARGET_AXIS } from "@/lib/sweep/axis-text";

/** One axis as the user writes it: its kind (a parameter name or TARGET_AXIS), its text, and why that text does not parse. */
export interface AxisDraft {
  kind: string;
  text: string;
  error: string | null;
}

export const draftOf = (axis: SweepAxis): AxisDraft => ({
  kind: axis.kind === "target" ? TARGET_AXIS : axis.param,
  text: axisText(axis),
  error: null,
});

/** The draft with `patch` applied, its error worked out again from its new kind and text. */
export function patchDraft(draft: AxisDraft, patch: Partial<AxisDraft>): AxisDraft {
  const next = { ...draft, ...patch };
  return { ...next, error: axisFromText(next.kind, next.text).error };
}

/** The text an axis starts with once switched to `kind`: a provider/model axis starts at the base request's target. */
export function textForKind(kind: string, base: Pick<Session, "providerId" | "model" | "baseUrl">): string {
  return kind === TARGET_AXIS ? `${base.providerId}:${base.model}${base.baseUrl ? ` @ ${base.baseUrl}` : ""}` : "";
}

const NEW_AXIS: AxisDraft = { kind: "seed", text: "1..3", error: null };

/** The axes being edited, one draft each, as the user types them. */
export function useAxisDrafts(initial: readonly SweepAxis[]) {
  const [drafts, setDrafts] = useState<AxisDraft[]>(() => initial.map(draftOf));
  const edit = (i: number, patch: Partial<AxisDraft>) => setDrafts((ds) => ds.map((d, j) => (j === i ? patchDraft(d, patch) : d)));
  const replace = useCallback((axes: readonly SweepAxis[]) => setDrafts(axes.map(draftOf)), []);
  return {
    drafts,
    setText: (i: number, text: string) => edit(i, { text }),
    setKind: (i: number, kind: string, base: Session) => edit(i, { kind, text: textForKind(kind, base) }),
    add: () => setDrafts((ds) => [...ds, NEW_AXIS]),
    remove: (i: number) => setDrafts((ds) => ds.filter((_, j) => j !== i)),
    replace,
  };
}
