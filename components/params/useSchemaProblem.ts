"use client";
import { useEffect, useState } from "react";
import { schemaProblem } from "@/lib/checks/schema-check";

/** Whether a guided_json value compiles as a JSON Schema (ajv is loaded only when needed). */
export function useSchemaProblem(value: unknown): string | null {
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (value === undefined || typeof value === "string") {
      setProblem(null);
      return;
    }
    let live = true;
    const t = setTimeout(() => {
      void schemaProblem(value).then((p) => live && setProblem(p));
    }, 300);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [value]);
  return problem;
}
