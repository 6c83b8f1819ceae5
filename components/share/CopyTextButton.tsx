"use client";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/Button";

interface CopyTextButtonProps {
  /** The text to copy, or a function giving it at click time. */
  text: string | (() => string);
  /** Visible text and accessible name while idle ("Copy", "Copy link"). */
  label: string;
  /** Called when the clipboard refuses (insecure origin, no permission), to offer a manual copy. */
  onFail?: () => void;
  disabled?: boolean;
}

/** Copies with navigator.clipboard and says "Copied" (announced politely) for a moment. */
export function CopyTextButton({ text, label, onFail, disabled }: CopyTextButtonProps) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => {
    if (state === "idle") return;
    const t = setTimeout(() => setState("idle"), 2000);
    return () => clearTimeout(t);
  }, [state]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(typeof text === "function" ? text() : text);
      setState("copied");
    } catch {
      setState("failed");
      onFail?.();
    }
  };
  return (
    <Button size="sm" onClick={copy} disabled={disabled}>
      <span aria-live="polite">{state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : label}</span>
    </Button>
  );
}
