"use client";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { hasKeyFor } from "@/lib/keys/has-key";
import { providersQuery } from "@/lib/queries/queries";
import type { ParsedCases } from "@/lib/evaluate/cases";
import type { Evaluation } from "@/lib/evaluate/schema";
import { assertionName } from "@/lib/evaluate/assertion-kinds";
import { expressionSyntaxProblem } from "@/lib/evaluate/sandbox";
import { type EvalCheck, expressionProblem, validateEvaluation } from "@/lib/evaluate/validate";

/** Expressions that do not compile, found in the sandbox before anything is sent. */
async function syntaxErrors(evaluation: Evaluation): Promise<string[]> {
  const errors: string[] = [];
  for (const [i, a] of evaluation.assertions.entries()) {
    if (a.kind !== "expression" || expressionProblem(a.code) !== null) continue;
    const problem = await expressionSyntaxProblem(a.code);
    if (problem) errors.push(`Assertion ${i + 1} (${assertionName(a)}): ${problem}`);
  }
  return errors;
}

/** The evaluation checked before sending (schemas compile with ajv, loaded on demand, hence async); null while checking. */
export function useEvalCheck(evaluation: Evaluation, parsed: ParsedCases): EvalCheck | null {
  const providers = useQuery(providersQuery);
  const [check, setCheck] = useState<EvalCheck | null>(null);
  useEffect(() => {
    let live = true;
    const hasKey = (id: string) => hasKeyFor(id, providers.data);
    void validateEvaluation(evaluation, { hasKey, parsed })
      .then(async (c) => ({ ...c, errors: [...c.errors, ...(await syntaxErrors(evaluation))] }))
      .then((c) => live && setCheck(c));
    return () => {
      live = false;
    };
  }, [evaluation, parsed, providers.data]);
  return check;
}
