"use client";
import { prettyJson } from "@/lib/pretty-json";

interface Call {
  id?: string;
  function: { name: string; arguments: string };
}

/** The tool calls of an answer: each with its function name, id and arguments. */
export function ToolCallList({ calls, complete }: { calls: readonly Call[]; complete: boolean }) {
  return (
    <ol aria-label="Tool calls" className="flex flex-col gap-2">
      {calls.map((c, i) => {
        const pretty = prettyJson(c.function.arguments);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: calls are assembled per index; an id may arrive late or never
          <li key={i} aria-label={`Tool call ${c.function.name}`} className="rounded-md border border-zinc-200 p-2 dark:border-zinc-800">
            <p className="text-xs">
              <span className="font-mono font-semibold">{c.function.name || "…"}</span>
              {c.id && <span className="ml-2 font-mono text-zinc-500">{c.id}</span>}
            </p>
            {pretty === null && complete && c.function.arguments !== "" && (
              <p role="status" className="text-xs text-amber-700 dark:text-amber-400">
                ⚠ The arguments are not valid JSON; shown as sent.
              </p>
            )}
            <pre
              data-testid="tool-arguments"
              className="mt-1 overflow-x-auto rounded bg-zinc-100 p-1.5 font-mono text-xs whitespace-pre-wrap break-all dark:bg-zinc-900"
            >
              {pretty ?? c.function.arguments}
            </pre>
          </li>
        );
      })}
    </ol>
  );
}
