import { randomId } from "./format";
import { ChoiceGenerator, type GenerationSpec, type Source, type StepEvent, type ToolCallLayout } from "../decode/generate";
import { deriveSeed } from "../decode/rng";
import type { PlannedCall } from "./tools";

/**
 * A choice that calls functions: each call's arguments are generated under its `parameters`
 * constraint, one call after another, and the choice's output text is their concatenation (the
 * layout says where each begins). The calls share the choice's max_tokens, split evenly among
 * those still to come, so every call gets room to close its JSON. Stop strings and
 * log-probabilities do not apply to arguments. Finishes with "tool_calls", or "length" when a
 * call ran out of tokens (then later calls are not made, as a truncated provider answer would).
 */
export class ToolCallSource implements Source {
  readonly toolCalls: ToolCallLayout[] = [];
  done = false;
  private current: ChoiceGenerator | null = null;
  private next = 0;
  private length = 0;
  private used = 0;

  constructor(
    private readonly spec: GenerationSpec,
    private readonly calls: readonly PlannedCall[],
    private readonly seed: number,
  ) {}

  get generated(): number {
    return this.used + (this.current?.generated ?? 0);
  }

  step(): StepEvent {
    if (this.done) return { text: "", tokens: [], finish: null };
    this.current ??= this.startCall();
    const ev = this.current.step();
    this.length += ev.text.length;
    if (!ev.finish) return ev;
    this.used += this.current.generated;
    this.current = null;
    const last = ev.finish === "length" || this.next === this.calls.length;
    this.done = last;
    return { ...ev, finish: ev.finish === "length" ? "length" : last ? "tool_calls" : null };
  }

  private startCall(): ChoiceGenerator {
    const call = this.calls[this.next]!;
    const budget = Math.floor((this.spec.maxTokens - this.used) / (this.calls.length - this.next));
    const spec: GenerationSpec = { ...this.spec, maxTokens: budget, stop: [], constraint: call.constraint, topLogprobs: null };
    this.toolCalls.push({ id: randomId("call_"), name: call.name, start: this.length });
    return new ChoiceGenerator(spec, deriveSeed(this.seed, this.next++));
  }
}

/** Where a streamed choice's tool calls stand: output characters sent, calls announced. */
export interface ToolCallCursor {
  offset: number;
  announced: number;
}

export type ToolCallDelta = {
  tool_calls: [{ index: number; id?: string; type?: "function"; function: { name?: string; arguments: string } }];
};

/**
 * The deltas for the next piece of a choice's output, as OpenAI streams them: a call's first
 * delta carries its id, type, name and empty arguments; argument fragments follow in their own
 * deltas. `final` announces calls that have begun but have no text (none so far in practice).
 */
export function toolCallDeltas(layout: readonly ToolCallLayout[], cursor: ToolCallCursor, text: string, final: boolean): ToolCallDelta[] {
  const from = cursor.offset;
  const end = from + text.length;
  const out: ToolCallDelta[] = [];
  for (let k = Math.max(0, cursor.announced - 1); k < layout.length; k++) {
    const call = layout[k]!;
    const callEnd = layout[k + 1]?.start ?? Number.POSITIVE_INFINITY;
    if (call.start >= end && !(final && k >= cursor.announced)) break;
    if (k >= cursor.announced) {
      out.push({ tool_calls: [{ index: k, id: call.id, type: "function", function: { name: call.name, arguments: "" } }] });
      cursor.announced = k + 1;
    }
    const fragment = text.slice(Math.max(call.start, from) - from, Math.max(0, Math.min(callEnd, end) - from));
    if (fragment) out.push({ tool_calls: [{ index: k, function: { arguments: fragment } }] });
  }
  cursor.offset = end;
  return out;
}
