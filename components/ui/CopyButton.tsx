"use client";
import { Button } from "./Button";
import { useCopy } from "./useCopy";

/** Copies `text` to the clipboard and says so for a moment (politely, to screen readers too). */
export function CopyButton({ text, label }: { text: string | (() => string); label: string }) {
  const { state, copy } = useCopy();
  return (
    <Button size="sm" variant="ghost" onClick={() => copy(text)} aria-label={label}>
      <span aria-live="polite">{state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : "Copy"}</span>
    </Button>
  );
}
