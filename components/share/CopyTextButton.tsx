"use client";
import { Button } from "@/components/ui/Button";
import { useCopy } from "@/components/ui/useCopy";

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
  const { state, copy } = useCopy(onFail);
  return (
    <Button size="sm" onClick={() => copy(text)} disabled={disabled}>
      <span aria-live="polite">{state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : label}</span>
    </Button>
  );
}
