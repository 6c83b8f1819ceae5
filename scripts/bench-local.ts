/**
 * Benchmark of the built-in local model: `npx tsx scripts/bench-local.ts [--out docs/benchmarks.md]`.
 * Prints a Markdown table; with --out, also writes it there with the machine it ran on.
 */
import { writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { benchMarkdown, runLocalBench } from "../lib/local/bench";

process.env.LOCAL_MODEL_DELAY_MS = "0";
const rows = await runLocalBench();
const table = benchMarkdown(rows);
const machine = `${cpus()[0]?.model ?? "unknown CPU"}, ${cpus().length} cores, Node ${process.version}`;
process.stdout.write(`${table}\n\nMeasured on ${machine}.\n`);
const at = process.argv.indexOf("--out");
if (at >= 0 && process.argv[at + 1]) {
  writeFileSync(
    process.argv[at + 1]!,
    `# Local model benchmark\n\nLOCAL_MODEL_DELAY_MS=0, one process (one core).\n\n${table}\n\nMeasured on ${machine}, ${new Date().toISOString().slice(0, 10)}.\n`,
  );
}
