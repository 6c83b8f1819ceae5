import type { Message, ToolCall } from "../session/schema";
import type { ChoiceState } from "./assemble";

/**
 * The assistant message an answer becomes in the conversation: its text, tool calls, refusal and
 * reasoning, so a tool round trip can continue and all of it survives a reload and history.
 * Null when the answer carried nothing (an empty or failed run).
 */
export function messageFromChoice(choice: ChoiceState): Omit<Message, "id"> | null {
  const toolCalls = choice.toolCalls.filter(Boolean).map(toolCall);
  const reasoning = choice.reasoning?.text ? choice.reasoning : undefined;
  if (choice.text === "" && toolCalls.length === 0 && !choice.refusal && !reasoning) return null;
  const m: Omit<Message, "id"> = {
    role: "assistant",
    // The API allows no content only beside tool calls or a refusal; otherwise the text, even "".
    content: choice.text === "" && (toolCalls.length > 0 || choice.refusal) ? null : choice.text,
  };
  if (toolCalls.length > 0) m.tool_calls = toolCalls;
  if (choice.refusal) m.refusal = choice.refusal;
  if (reasoning) m.reasoning = { text: reasoning.text, field: reasoning.field };
  return m;
}

/**
 * A call as the API expects it back. A server that sent no id cannot be answered with
 * `tool_call_id`; the position-based id given then is the one the tool message carries.
 */
function toolCall(t: ChoiceState["toolCalls"][number], index: number): ToolCall {
  return { id: t.id || `call_${index}`, type: "function", function: { name: t.function.name, arguments: t.function.arguments } };
}

/** Tool calls of the last message still waiting for their results (no tool message follows). */
export function pendingToolCalls(messages: readonly Message[]): { message: Message; calls: ToolCall[] } | null {
  const last = messages[messages.length - 1];
  if (last?.role !== "assistant" || !last.tool_calls?.length) return null;
  return { message: last, calls: last.tool_calls };
}

/** One `tool` message per call, in the order of the calls. */
export function toolResultMessages(calls: readonly ToolCall[], results: Readonly<Record<string, string>>): Omit<Message, "id">[] {
  return calls.map((c) => ({ role: "tool", tool_call_id: c.id, content: results[c.id] ?? "" }));
}
