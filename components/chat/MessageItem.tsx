"use client";
import { memo, Suspense } from "react";
import { MESSAGE_ROLES } from "@/lib/session/state";
import { contentText, withText } from "@/lib/session/content";
import type { Message, Role } from "@/lib/session/schema";
import { useSession } from "../playground/context";
import { Button } from "../ui/Button";
import { inputClass } from "../ui/fields";
import { AnswerView } from "./AnswerView";
import { MessageAfter, MessageBefore, ToolResults } from "./lazy-parts";
import { RoleWarning } from "./RoleWarning";

interface Props {
  message: Message;
  index: number;
  count: number;
  /** Shows the rich answer of the current run instead of the text box. */
  linked: boolean;
}

/** One message: role, text edited in place, move up or down, delete. */
export const MessageItem = memo(function MessageItem({ message, index, count, linked }: Props) {
  const { dispatch } = useSession();
  const id = message.id;
  const update = (patch: Partial<Omit<Message, "id">>) => dispatch({ type: "updateMessage", id, patch });
  return (
    <article aria-label={message.role} className="rounded-md border border-zinc-200 p-2 dark:border-zinc-800">
      <div className="mb-1 flex flex-wrap items-center gap-1">
        <select
          aria-label={`Role of #${index + 1}`}
          className="rounded border border-zinc-300 bg-transparent px-1 text-xs font-semibold uppercase dark:border-zinc-700"
          value={message.role}
          onChange={(e) => update({ role: e.target.value as Role })}
        >
          {MESSAGE_ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
        {message.role === "tool" && (
          <input
            aria-label={`tool_call_id of #${index + 1}`}
            className="rounded border border-zinc-300 bg-transparent px-1 font-mono text-xs dark:border-zinc-700"
            placeholder="tool_call_id"
            value={message.tool_call_id ?? ""}
            onChange={(e) => update({ tool_call_id: e.target.value || undefined })}
          />
        )}
        {message.reasoning && (
          <label
            className="flex items-center gap-1 text-xs text-zinc-500"
            title="Reasoning is shown, and sent back in later turns only when this is checked"
          >
            <input
              type="checkbox"
              aria-label={`Send reasoning of #${index + 1} back`}
              checked={message.reasoning.send === true}
              onChange={(e) => message.reasoning && update({ reasoning: { ...message.reasoning, send: e.target.checked || undefined } })}
            />
            Send reasoning back
          </label>
        )}
        <span className="ml-auto flex gap-1">
          <Button
            size="sm"
            variant="ghost"
            aria-label={`Move #${index + 1} up`}
            disabled={index === 0}
            onClick={() => dispatch({ type: "moveMessage", id, by: -1 })}
          >
            ↑
          </Button>
          <Button
            size="sm"
            variant="ghost"
            aria-label={`Move #${index + 1} down`}
            disabled={index === count - 1}
            onClick={() => dispatch({ type: "moveMessage", id, by: 1 })}
          >
            ↓
          </Button>
          <Button size="sm" variant="ghost" aria-label={`Delete #${index + 1}`} onClick={() => dispatch({ type: "deleteMessage", id })}>
            ✕
          </Button>
        </span>
      </div>
      <RoleWarning role={message.role} />
      {linked ? (
        <AnswerView editable />
      ) : (
        <>
          {message.reasoning && (
            <Suspense fallback={null}>
              <MessageBefore message={message} />
            </Suspense>
          )}
          {message.content !== null && (
            <textarea
              aria-label={`Text of #${index + 1} (${message.role})`}
              className={`${inputClass} field-sizing-content min-h-10`}
              value={contentText(message.content)}
              onChange={(e) => update({ content: withText(message.content, e.target.value) })}
            />
          )}
          {(Array.isArray(message.content) || message.refusal || message.tool_calls) && (
            <Suspense fallback={null}>
              <MessageAfter message={message} />
            </Suspense>
          )}
        </>
      )}
      {index === count - 1 && message.role === "assistant" && message.tool_calls?.length ? (
        <Suspense fallback={null}>
          <ToolResults calls={message.tool_calls} />
        </Suspense>
      ) : null}
    </article>
  );
});
