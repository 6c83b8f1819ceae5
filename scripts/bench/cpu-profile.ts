/**
 * Where a server's CPU time went, from a V8 `.cpuprofile` (`node --cpu-prof`): self time by
 * place (our bundle, Next, React, node's internals, GC, idle) and the heaviest functions.
 * `npx tsx scripts/bench/cpu-profile.ts <file.cpuprofile>` prints Markdown.
 */
import { readFileSync } from "node:fs";

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

function place(node: Node): string {
  const { url, functionName } = node.callFrame;
  if (functionName === "(idle)") return "idle";
  if (functionName === "(garbage collector)") return "garbage collector";
  if (functionName === "(program)") return "V8 / native (program)";
  if (url.includes("/dist/server.mjs")) return "the app's server bundle (proxy, dispatch)";
  if (url.includes("/bench/")) return "benchmark hooks";
  if (url.includes("node_modules/next/")) return "Next";
  if (/node_modules\/(react|react-dom|scheduler)\//.test(url)) return "React";
  if (url.includes("/.next")) return "the app's Next build (routes)";
  if (url.startsWith("node:") || url === "") return "node internals (http, net, streams, timers)";
  return "other dependencies";
}

export function summarizeProfile(file: string, top = 12): string[] {
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const places = new Map<string, number>();
  const functions = new Map<string, number>();
  let busy = 0;
  for (const [id, us] of self) {
    const node = byId.get(id);
    if (!node) continue;
    const where = place(node);
    places.set(where, (places.get(where) ?? 0) + us);
    if (where === "idle") continue;
    busy += us;
    const { functionName, url, lineNumber } = node.callFrame;
    const name = `${functionName || "(anonymous)"} ${url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*\/(dist|\.next[^/]*)\//, "$1/")}:${lineNumber + 1}`;
    functions.set(name, (functions.get(name) ?? 0) + us);
  }
  const ms = (us: number) => (us / 1000).toFixed(0);
  const pct = (us: number) => `${((100 * us) / busy).toFixed(1)} %`;
  const lines = [
    `Busy (not idle) CPU ${ms(busy)} ms of ${ms(profile.endTime - profile.startTime)} ms wall.`,
    "",
    "| where (self time) | ms | share of busy |",
    "| --- | --- | --- |",
  ];
  for (const [where, us] of [...places].filter(([w]) => w !== "idle").sort((a, b) => b[1] - a[1]))
    lines.push(`| ${where} | ${ms(us)} | ${pct(us)} |`);
  lines.push("", "| heaviest functions (self time) | ms | share of busy |", "| --- | --- | --- |");
  for (const [name, us] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`| \`${name}\` | ${ms(us)} | ${pct(us)} |`);
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2];
  if (!file) throw new Error("usage: cpu-profile.ts <file.cpuprofile>");
  console.log(summarizeProfile(file).join("\n"));
}
