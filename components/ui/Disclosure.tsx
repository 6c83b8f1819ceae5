"use client";
import { type ReactNode, useState } from "react";
import { cn } from "./cn";

/**
 * A <details> whose content is rendered only while it is open: closed panels (parameters, raw
 * views) then cost nothing while an answer streams in next to them.
 */
export function Disclosure({ summary, children, className }: { summary: ReactNode; children: ReactNode; className?: string }) {
  const [open, setOpen] = useState(false);
  return (
    <details
      className={cn("rounded-md border border-zinc-200 p-2 dark:border-zinc-800", className)}
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary className="cursor-pointer text-sm">{summary}</summary>
      {open && children}
    </details>
  );
}
