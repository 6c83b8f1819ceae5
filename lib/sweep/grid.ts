import type { Session } from "../session/schema";
import { CONFIRM_THRESHOLD, MAX_CELLS, type SweepAxis, type SweepDefinition, type SweepTarget } from "./schema";

/**
 * Expands a sweep into its cells: every combination of one value per axis, applied to a copy of
 * the session. The last axis varies fastest, so cells come out in reading order of the matrix
 * (axis 0 = rows, axis 1 = columns, axis 2 = tabs).
 */
export interface GridCell {
  /** Stable id of the cell within its grid: the coordinates joined, e.g. "2-0-1". */
  key: string;
  /** Index into each axis's values, in axis order. */
  coords: number[];
  /** The session this cell sends (build it with buildRequest). */
  session: Session;
  /** "temperature=0.5 · openai:gpt-4o-mini", for titles and tooltips. */
  label: string;
}

export interface ExpandedGrid {
  cells: GridCell[];
  /** Exact product of the axis lengths, even when the cells were not built. */
  count: number;
  /** True when count was above maxCells and no cells were built. */
  refused: boolean;
}

export function axisLength(axis: SweepAxis): number {
  return axis.kind === "param" ? axis.values.length : axis.targets.length;
}

/** Cells a set of axes makes, without building them (an empty axis makes none). */
export function cellCount(axes: readonly SweepAxis[]): number {
  return axes.length === 0 ? 0 : axes.reduce((n, axis) => n * axisLength(axis), 1);
}

export function needsConfirmation(count: number, threshold = CONFIRM_THRESHOLD): boolean {
  return count > threshold;
}

export function cellKey(coords: readonly number[]): string {
  return coords.join("-");
}

/**
 * The cells, unless there are more than maxCells: the page recounts on every keystroke, and
 * "1..500" on three axes would otherwise build 125 million sessions before validateSweep could
 * refuse them.
 */
export function expandGrid(def: SweepDefinition, options: { maxCells?: number } = {}): ExpandedGrid {
  const { axes } = def;
  const count = cellCount(axes);
  if (count > (options.maxCells ?? MAX_CELLS)) return { cells: [], count, refused: true };
  const cells: GridCell[] = [];
  for (let n = 0; n < count; n++) {
    // Mixed-radix digits of n, last axis least significant.
    const coords = new Array<number>(axes.length).fill(0);
    let rest = n;
    for (let a = axes.length - 1; a >= 0; a--) {
      const len = axisLength(axes[a]!);
      coords[a] = rest % len;
      rest = Math.floor(rest / len);
    }
    let session = def.session;
    for (const [a, axis] of axes.entries()) session = applyAxis(session, axis, coords[a]!);
    const label = axes.map((axis, a) => axisLabel(axis, coords[a]!)).join(" · ");
    cells.push({ key: cellKey(coords), coords, session, label });
  }
  return { cells, count, refused: false };
}

/**
 * The session with one axis set to its index-th value. Copies only what changes: messages may
 * hold megabytes and 500 cells must not copy them 500 times; sessions are never mutated.
 */
export function applyAxis(session: Session, axis: SweepAxis, index: number): Session {
  if (axis.kind === "target") {
    const t = axis.targets[index];
    if (!t) throw new RangeError(`No target ${index} on this axis.`);
    return { ...session, providerId: t.providerId, model: t.model, baseUrl: t.baseUrl };
  }
  if (index < 0 || index >= axis.values.length) throw new RangeError(`No value ${index} on axis '${axis.param}'.`);
  return { ...session, params: { ...session.params, [axis.param]: { enabled: true, value: axis.values[index] } } };
}

/** The axis's header: the parameter's wire name, or "model" for a provider/model axis. */
export function axisName(axis: SweepAxis): string {
  return axis.kind === "param" ? axis.param : "model";
}

export function targetText(t: SweepTarget): string {
  return `${t.providerId}:${t.model}${t.baseUrl === "" ? "" : ` (${t.baseUrl})`}`;
}

/** One value in full, as an export shows it: strings bare, other JSON as JSON. */
export function axisValueText(axis: SweepAxis, index: number): string {
  if (axis.kind === "target") {
    const t = axis.targets[index];
    return t ? targetText(t) : "";
  }
  const v = axis.values[index];
  return typeof v === "string" ? v : (JSON.stringify(v) ?? "");
}

/** One value short enough for a header or a tab. */
export function axisValueLabel(axis: SweepAxis, index: number, maxChars = 40): string {
  const full = axisValueText(axis, index);
  return full.length > maxChars ? `${full.slice(0, maxChars - 1)}…` : full;
}

function axisLabel(axis: SweepAxis, index: number): string {
  const value = axisValueLabel(axis, index);
  return axis.kind === "param" ? `${axis.param}=${value}` : value;
}

/** The targets the grid sends to: the target axis's, or the session's own. */
export function targetsOf(def: SweepDefinition): SweepTarget[] {
  const axis = def.axes.find((a) => a.kind === "target");
  if (axis?.kind === "target") return axis.targets;
  const { providerId, model, baseUrl } = def.session;
  return [{ providerId, model, baseUrl }];
}

/**
 * Cells on one line of the matrix: those whose coordinates match every fixed axis. A row of
 * tab 2 is `{ 0: row, 2: 2 }`; a column is `{ 1: column, 2: 2 }`.
 */
export function cellsAlong<C extends { coords: readonly number[] }>(cells: readonly C[], fixed: Readonly<Record<number, number>>): C[] {
  const entries = Object.entries(fixed).map(([a, i]) => [Number(a), i] as const);
  return cells.filter((c) => entries.every(([a, i]) => c.coords[a] === i));
}
