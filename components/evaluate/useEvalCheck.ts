"use client";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { keyStore } from "@/lib/client/keys";
import { providersQuery } from "@/lib/client/queries";
import type { ParsedCases } from "@/lib/evaluate/cases";
import type { Evaluation } from "@/lib/evaluate/schema";
import { type EvalCheck, validateEvaluation } from "@/lib/evaluate/validate";
import { getProfile, isProviderId } from "@/lib/providers";

/** The evaluation checked before sending (schemas compile with ajv, loaded on demand, hence async); null while checking. */
export function useEvalCheck(evaluation: Evaluation, parsed: ParsedCases): EvalCheck | null {
  const providers = useQuery(providersQuery);
  const [check, setCheck] = useState<EvalCheck | null>(null);
  useEffect(() => {
    let live = true;
    const hasKey = (id: string) => id === "custom" || (isProviderId(id) && keyStore.get(id).key !== "") || (providers.data?.find((p) => p.id === id)?.hasServerKey ?? false) || getProfile(id)?.auth === "none";
    void validateEvaluation(evaluation, { hasKey, parsed }).then((c) => live && setCheck(c));
    return () => {
      live = false;
    };
  }, [evaluation, parsed, providers.data]);
  return check;
}
