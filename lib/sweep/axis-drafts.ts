import type { Session } from "../session/schema";
import type { SweepAxis } from "./schema";
import { axisFromText, axisText, TARGET_AXIS } from "./axis-text";

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
