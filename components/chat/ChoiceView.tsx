"use client";
import { memo, Suspense } from "react";
import type { ChoiceState } from "@/lib/stream/assemble";
import { Markdown } from "./Markdown";
import { LogprobText, ReasoningGroup, SchemaCheck, ToolCallList } from "./lazy-parts";
import type { ViewPrefs } from "./prefs";

interface Props {
  choice: ChoiceState & { logprobCount: number };
  prefs: ViewPrefs;
  finished: boolean;
  /** The guided_json schema sent, when there was one. */
  schema: unknown;
}

/** One choice: reasoning, text (Markdown, plain or shaded by logprobs), refusal, tool calls, finish_reason. */
export const ChoiceView = memo(function ChoiceView({ choice, prefs, finished, schema }: Props) {
  const showLogprobs = prefs.shadeLogprobs && choice.logprobCount > 0;
  const answered = choice.text !== "" || choice.toolCalls.length > 0 || choice.refusal !== undefined;
  return (
    <div className="flex min-w-0 flex-col gap-2">
      {choice.reasoning && (
        <Suspense fallback={null}>
          <ReasoningGroup text={choice.reasoning.text} streaming={!finished && !answered} />
        </Suspense>
      )}
      <div data-testid="answer" className="min-w-0">
        {showLogprobs ? (
          <Suspense fallback={<PlainText text={choice.text} />}>
            <LogprobText tokens={choice.logprobs} count={choice.logprobCount} />
          </Suspense>
        ) : prefs.markdown ? (
          <Markdown text={choice.text} growing={!finished} />
        ) : (
          <PlainText text={choice.text} />
        )}
      </div>
      {choice.refusal && <p className="text-sm text-amber-700">Refusal: {choice.refusal}</p>}
      {choice.toolCalls.length > 0 && (
        <Suspense fallback={null}>
          <ToolCallList calls={choice.toolCalls} complete={finished} />
        </Suspense>
      )}
      <p className="text-xs text-zinc-500">
        finish_reason: <span className="font-mono">{choice.finishReason ?? (finished ? "none" : "…")}</span>
      </p>
      {finished && schema !== undefined && (
        <Suspense fallback={<p className="text-xs text-zinc-500">Checking against the schema…</p>}>
          <SchemaCheck schema={schema} text={choice.text} />
        </Suspense>
      )}
    </div>
  );
});

function PlainText({ text }: { text: string }) {
  return (
    <p data-answer-text className="font-mono text-sm whitespace-pre-wrap break-words">
      {text}
    </p>
  );
}
