"use client";
import type { ToolCall } from "@/lib/session/schema";
import { useRunContext } from "../playground/context";
import { monoInputClass } from "../ui/fields";

/** One textbox per pending tool call; Send turns them into `tool` messages, in order. */
export function ToolResults({ calls }: { calls: readonly ToolCall[] }) {
  const { toolResults, setToolResult } = useRunContext();
  return (
    <div className="mt-2 flex flex-col gap-2">
      <p className="text-xs text-zinc-500">Fill in what each tool returned, then press Send (the message box may stay empty).</p>
      {calls.map((c) => (
        <label key={c.id} className="flex flex-col gap-1 text-xs">
          <span>
            Result of <span className="font-mono">{c.id}</span> <span className="text-zinc-500">({c.function.name})</span>
          </span>
          <textarea
            aria-label={`Result of ${c.id}`}
            rows={2}
            className={monoInputClass}
            placeholder='{"temperature": 21}'
            value={toolResults[c.id] ?? ""}
            onChange={(e) => setToolResult(c.id, e.target.value)}
          />
        </label>
      ))}
    </div>
  );
}
