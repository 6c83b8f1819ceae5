"use client";
import { useEffect, useState } from "react";
import { type SchemaResult, validateAgainstSchema } from "@/lib/checks/schema-check";

/** guided_json: the finished output checked against the schema with ajv (loaded on demand). */
export function SchemaCheck({ schema, text }: { schema: unknown; text: string }) {
  const [result, setResult] = useState<SchemaResult | null>(null);
  useEffect(() => {
    let live = true;
    setResult(null);
    void validateAgainstSchema(schema, text).then((r) => live && setResult(r));
    return () => {
      live = false;
    };
  }, [schema, text]);
  if (!result) return <p className="text-xs text-zinc-500">Checking against the schema…</p>;
  return (
    <p
      role="status"
      data-valid={result.valid}
      className={`rounded-md px-2 py-1 text-xs ${result.valid ? "bg-emerald-50 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200" : "bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-200"}`}
    >
      {result.valid ? "✓ " : "✗ "}
      {result.message}
    </p>
  );
}
