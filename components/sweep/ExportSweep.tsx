"use client";
import { expandGrid, type SweepDefinition, type SweepResults, toCsv, toJsonExport } from "@/lib/sweep";
import { Button } from "../ui/Button";

function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The grid and its results as a JSON file (keys left out) or a CSV table. */
export function ExportSweep({ definition, results }: { definition: SweepDefinition; results: SweepResults }) {
  const cells = () => expandGrid(definition).cells;
  const stamp = () => new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-");
  return (
    <>
      <Button onClick={() => download(`sweep-${stamp()}.json`, "application/json", toJsonExport(definition, cells(), results))}>Export JSON</Button>
      <Button onClick={() => download(`sweep-${stamp()}.csv`, "text/csv", toCsv(definition, cells(), results))}>Export CSV</Button>
    </>
  );
}
