"use client";
import { memo } from "react";
import type { ChoiceState } from "@/lib/client/assemble";
import { LogprobText } from "./LogprobText";
import { Markdown } from "./Markdown";
import { SchemaCheck } from "./SchemaCheck";
import type { ViewPrefs } from "./prefs";

interface Props {
  choice: ChoiceState & { logprobCount: number };
  prefs: ViewPrefs;
  finished: boolean;
  /** The guided_json schema sent, when there was one. */
  schema: unknown;
}

/** One choice: text (Markdown, plain or shaded by logprobs), tool calls, finish_reason. */
export const ChoiceView = memo(function ChoiceView({ choice, prefs, finished, schema }: Props) {
  const showLogprobs = prefs.shadeLogprobs && choice.logprobCount > 0;
  return (
    <div className="flex min-w-0 flex-col gap-2">
      {showLogprobs ? (
        <LogprobText tokens={choice.logprobs} count={choice.logprobCount} />
      ) : prefs.markdown ? (
        <Markdown text={choice.text} growing={!finished} />
      ) : (
        <p data-answer-text className="font-mono text-sm whitespace-pre-wrap break-words">
          {choice.text}
        </p>
      )}
      {choice.refusal && <p className="text-sm text-amber-700">Refusal: {choice.refusal}</p>}
      {choice.toolCalls.length > 0 && (
        <div>
          <p className="text-xs font-medium text-zinc-500">tool_calls</p>
          <pre className="overflow-x-auto rounded-md bg-zinc-100 p-2 font-mono text-xs dark:bg-zinc-900">
            {JSON.stringify(choice.toolCalls.map((t) => ({ ...t, function: { ...t.function, arguments: parseArgs(t.function.arguments) } })), null, 2)}
          </pre>
        </div>
      )}
      <p className="text-xs text-zinc-500">
        finish_reason: <span className="font-mono">{choice.finishReason ?? (finished ? "none" : "…")}</span>
      </p>
      {finished && schema !== undefined && <SchemaCheck schema={schema} text={choice.text} />}
    </div>
  );
});

function parseArgs(args: string): unknown {
  try {
    return JSON.parse(args);
  } catch {
    return args;
  }
}
