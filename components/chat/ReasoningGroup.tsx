"use client";
import { useEffect, useState } from "react";

/**
 * The model's reasoning, apart from its answer: a collapsible group named "Reasoning", open
 * while the reasoning streams in and closed once it is over (the reader may open it again).
 */
export function ReasoningGroup({ text, streaming = false }: { text: string; streaming?: boolean }) {
  const [open, setOpen] = useState(streaming);
  useEffect(() => setOpen(streaming), [streaming]);
  const chars = Array.from(text).length;
  return (
    <details
      aria-label="Reasoning"
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
      className="rounded-md border border-dashed border-zinc-300 px-2 py-1 dark:border-zinc-700"
    >
      <summary className="cursor-pointer text-xs font-medium text-zinc-500">
        Reasoning <span className="font-normal">· {streaming ? "thinking…" : `${chars} characters`}</span>
      </summary>
      <p className="mt-1 text-xs leading-relaxed whitespace-pre-wrap break-words text-zinc-600 dark:text-zinc-400">{text}</p>
    </details>
  );
}
