import { isParamName } from "../params/catalog";
import type { SweepAxis } from "./schema";
import { formatTargets, parseTargets } from "./targets-text";
import { formatAxisValues, parseAxisValues } from "./values";

/** The axis kind for a provider/model axis in the editor's select. */
export const TARGET_AXIS = "provider/model";

/** The text an axis is edited as. */
export function axisText(axis: SweepAxis): string {
  return axis.kind === "target" ? formatTargets(axis.targets) : formatAxisValues(axis.param, axis.values);
}

/**
 * What the user typed for an axis of `kind` (a parameter name or TARGET_AXIS), as an axis. Text
 * that does not parse gives an axis without values, so the grid has no cells, and says why.
 */
export function axisFromText(kind: string, text: string): { axis: SweepAxis; error: string | null } {
  if (kind === TARGET_AXIS) {
    const r = parseTargets(text);
    return r.ok ? { axis: { kind: "target", targets: r.targets }, error: null } : { axis: { kind: "target", targets: [] }, error: r.error };
  }
  if (!isParamName(kind)) return { axis: { kind: "param", param: "temperature", values: [] }, error: `"${kind}" is not a parameter.` };
  const r = parseAxisValues(kind, text);
  return r.ok
    ? { axis: { kind: "param", param: kind, values: r.values }, error: null }
    : { axis: { kind: "param", param: kind, values: [] }, error: r.error };
}
