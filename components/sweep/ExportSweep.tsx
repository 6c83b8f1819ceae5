"use client";
import { expandGrid, type SweepDefinition, type SweepResults, toCsv, toJsonExport } from "@/lib/sweep";
import { Button } from "../ui/Button";
import { download, fileStamp as stamp } from "../ui/download";

/** The grid and its results as a JSON file (keys left out) or a CSV table. */
export function ExportSweep({ definition, results }: { definition: SweepDefinition; results: SweepResults }) {
  const cells = () => expandGrid(definition).cells;
  return (
    <>
      <Button onClick={() => download(`sweep-${stamp()}.json`, "application/json", toJsonExport(definition, cells(), results))}>
        Export JSON
      </Button>
      <Button onClick={() => download(`sweep-${stamp()}.csv`, "text/csv", toCsv(definition, cells(), results))}>Export CSV</Button>
    </>
  );
}
