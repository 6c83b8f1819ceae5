"use client";
import { cn } from "./cn";

/** A page-level notice under the header (a link that could not be opened, storage refused...). */
export function PageNotice({ text, onDismiss, className }: { text: string | null; onDismiss: () => void; className?: string }) {
  if (!text) return null;
  return (
    <div
      role="status"
      className={cn(
        "flex items-center gap-2 bg-amber-50 px-3 py-1.5 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100",
        className,
      )}
    >
      <span>{text}</span>
      <button type="button" className="underline" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
