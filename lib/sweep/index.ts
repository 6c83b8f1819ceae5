/** Parameter sweeps: pure logic (no React) for the sweep page. */
export { csvField, guardFormula, RESULT_COLUMNS, toCsv, type CsvOptions } from "./csv";
export { parseJsonExport, redactDefinition, sweepExportSchema, toJsonExport, type ImportResult, type SweepExport } from "./export";
export {
  applyAxis,
  axisLength,
  axisName,
  axisValueLabel,
  axisValueText,
  cellCount,
  cellKey,
  cellsAlong,
  expandGrid,
  needsConfirmation,
  targetsOf,
  targetText,
  type ExpandedGrid,
  type GridCell,
} from "./grid";
export { cellResultFromRun, failedResult, requestedSchema } from "./results";
export {
  DEFAULT_LIMIT_PER_PROVIDER,
  runWithLimits,
  type PoolOptions,
  type PoolProgress,
  type PoolTask,
  type TaskEvent,
  type TaskOutcome,
} from "./scheduler";
export {
  CELL_STATUSES,
  CONFIRM_THRESHOLD,
  cellResultSchema,
  MAX_AXES,
  MAX_CELLS,
  MAX_TARGETS,
  pendingResult,
  sweepAxisSchema,
  sweepDefinitionSchema,
  sweepTargetSchema,
  type CellError,
  type CellResult,
  type CellStatus,
  type ParamAxis,
  type SweepAxis,
  type SweepDefinition,
  type SweepResults,
  type SweepTarget,
  type TargetAxis,
} from "./schema";
export {
  distinctCount,
  jaccard,
  median,
  meanPairwiseSimilarity,
  passRate,
  summarizeLine,
  wordSet,
  wordSimilarity,
  type LineSummary,
} from "./similarity";
export { validateSweep, type SweepCheck, type ValidateOptions } from "./validate";
export { formatAxisValues, parseAxisValues, type ParseResult } from "./values";
