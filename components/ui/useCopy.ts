"use client";
import { useEffect, useState } from "react";

export type CopyState = "idle" | "copied" | "failed";

/** Copies text with navigator.clipboard; the state says how it went, for a moment, then idles again. */
export function useCopy(onFail?: () => void): { state: CopyState; copy: (text: string | (() => string)) => Promise<void> } {
  const [state, setState] = useState<CopyState>("idle");
  useEffect(() => {
    if (state === "idle") return;
    const t = setTimeout(() => setState("idle"), 1500);
    return () => clearTimeout(t);
  }, [state]);
  const copy = async (text: string | (() => string)) => {
    try {
      await navigator.clipboard.writeText(typeof text === "function" ? text() : text);
      setState("copied");
    } catch {
      setState("failed");
      onFail?.();
    }
  };
  return { state, copy };
}
