import { z } from "zod";
import { describeIssues } from "../issues";
import { redactExtraBody } from "../redact/extra-body";
import { expandGrid, type GridCell } from "./grid";
import {
  cellResultSchema,
  MAX_CELLS,
  pendingResult,
  type CellResult,
  type SweepDefinition,
  sweepDefinitionSchema,
  type SweepResults,
} from "./schema";

/**
 * The whole sweep as one JSON file: its definition and every cell's result, readable by this
 * app again (parseJsonExport) to reopen it, and by anything else (each cell carries its label
 * and coordinates, so no knowledge of the grid order is needed).
 */
export const sweepExportSchema = z.object({
  kind: z.literal("sweep"),
  version: z.literal(1),
  exportedAt: z.string().max(100).optional(),
  definition: sweepDefinitionSchema,
  cells: z
    .array(
      z.object({
        key: z.string().max(100),
        coords: z.array(z.number().int().min(0)).max(3),
        label: z.string().max(10_000),
        result: cellResultSchema,
      }),
    )
    .max(MAX_CELLS),
});
export type SweepExport = z.infer<typeof sweepExportSchema>;

/**
 * The definition as it may leave this browser: key fields of the extra body left out (Telnyx
 * takes a key in the body) and named, as for session share links.
 */
export function redactDefinition(def: SweepDefinition): { definition: SweepDefinition; removed: string[] } {
  const { extraBody, removed } = redactExtraBody(def.session.extraBody);
  if (removed.length === 0) return { definition: def, removed };
  return { definition: { ...def, session: { ...def.session, extraBody } }, removed };
}

/** Pretty JSON for a download; exportedAt is passed in so the function stays pure. */
export function toJsonExport(def: SweepDefinition, cells: readonly GridCell[], results: SweepResults, exportedAt?: string): string {
  const payload: SweepExport = {
    kind: "sweep",
    version: 1,
    ...(exportedAt === undefined ? {} : { exportedAt }),
    definition: redactDefinition(def).definition,
    cells: cells.map((c) => ({ key: c.key, coords: c.coords, label: c.label, result: results[c.key] ?? pendingResult() })),
  };
  return JSON.stringify(payload, null, 2);
}

export type ImportResult =
  | { ok: true; definition: SweepDefinition; results: Record<string, CellResult>; ignored: number }
  | { ok: false; error: string };

/**
 * An exported file back into a definition and results. Results whose key is not a cell of the
 * definition's grid (a hand-edited file) are counted in `ignored`, not trusted. A cell that was
 * running when exported comes back as cancelled: nothing is running it any more.
 */
export function parseJsonExport(text: string): ImportResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `This file is not JSON: ${(e as Error).message}` };
  }
  const parsed = sweepExportSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: `This is not a sweep export: ${describeIssues(parsed.error)}` };
  const { definition, cells } = parsed.data;
  const grid = expandGrid(definition);
  if (grid.refused) return { ok: false, error: `This sweep has ${grid.count} cells; the limit is ${MAX_CELLS}.` };
  const keys = new Set(grid.cells.map((c) => c.key));
  const results: Record<string, CellResult> = {};
  let ignored = 0;
  for (const c of cells) {
    if (!keys.has(c.key)) {
      ignored++;
      continue;
    }
    results[c.key] = c.result.status === "running" ? { ...c.result, status: "cancelled" } : c.result;
  }
  return { ok: true, definition, results, ignored };
}
