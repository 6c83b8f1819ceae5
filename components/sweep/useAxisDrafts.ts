"use client";
import { useCallback, useState } from "react";
import type { Session } from "@/lib/session/schema";
import type { SweepAxis } from "@/lib/sweep";
import { type AxisDraft, draftOf, patchDraft, textForKind } from "@/lib/sweep/axis-drafts";

export type { AxisDraft };

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
