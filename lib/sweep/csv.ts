import { axisValueText, type GridCell } from "./grid";
import { pendingResult, type CellResult, type SweepDefinition, type SweepResults } from "./schema";

/**
 * A sweep's results as RFC 4180 CSV: CRLF after every record, a field quoted when it holds a
 * comma, a quote or a line break, quotes inside doubled. One column per axis (a provider/model
 * axis takes three: provider, model, base_url) and then the cell's figures, one row per cell in
 * grid order.
 */
export interface CsvOptions {
  /**
   * Prefix answer and error text that starts like a spreadsheet formula (= + - @ tab CR) with
   * a single quote. Answers come from a model and can be steered by whoever wrote the prompt's
   * content, so by default they cannot turn into formulas when the file is opened (OWASP CSV
   * injection). Off gives the bytes exactly as received.
   */
  guardFormulas?: boolean;
}

export const RESULT_COLUMNS = [
  "status",
  "text",
  "finish_reason",
  "ttft_ms",
  "total_ms",
  "completion_tokens",
  "schema_valid",
  "error",
] as const;

export function toCsv(def: SweepDefinition, cells: readonly GridCell[], results: SweepResults, options: CsvOptions = {}): string {
  const guard = options.guardFormulas ?? true;
  const header = [
    ...def.axes.flatMap((axis) => (axis.kind === "param" ? [axis.param] : ["provider", "model", "base_url"])),
    ...RESULT_COLUMNS,
  ];
  const rows = cells.map((cell) => [...axisFields(def, cell), ...resultFields(results[cell.key] ?? pendingResult(), guard)]);
  return [header, ...rows].map((fields) => `${fields.map(csvField).join(",")}\r\n`).join("");
}

function axisFields(def: SweepDefinition, cell: GridCell): string[] {
  return def.axes.flatMap((axis, a) => {
    const index = cell.coords[a] ?? -1;
    if (axis.kind === "param") return [axisValueText(axis, index)];
    const t = axis.targets[index];
    return t ? [t.providerId, t.model, t.baseUrl] : ["", "", ""];
  });
}

function resultFields(r: CellResult, guard: boolean): string[] {
  const free = (s: string) => (guard ? guardFormula(s) : s);
  const error = r.error ? (r.error.status === null ? r.error.message : `${r.error.status} ${r.error.message}`) : "";
  return [
    r.status,
    free(r.text),
    r.finishReason ?? "",
    numberField(r.ttftMs),
    numberField(r.totalMs),
    numberField(r.completionTokens),
    r.schemaValid === null ? "" : String(r.schemaValid),
    free(error),
  ];
}

/** Empty for "no figure", so a spreadsheet reads a blank, not the word null. */
function numberField(n: number | null): string {
  return n === null || !Number.isFinite(n) ? "" : String(n);
}

export function guardFormula(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/** One field per RFC 4180: quoted only when it must be. */
export function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
