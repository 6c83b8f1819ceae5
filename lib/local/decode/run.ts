import { ApiError } from "../../errors";
import { BeamSearch, ReplaySource } from "./beam";
import { ChoiceGenerator, type FinishReason, type Source, type TokenRecord, type ToolCallLayout } from "./generate";
import type { ComputeClock } from "./limits";
import { choiceSeed, type Plan } from "./plan";

/**
 * Creates the sources of every choice of a plan (choice index = prompt index · n + j) and, for
 * non-streamed answers, drains them. Work is done in slices with a yield to the event loop in
 * between, so an aborted request stops and the server stays responsive to others; each slice is
 * charged to the request's compute clock.
 */
const SLICE = 2048;

// setImmediate, not setTimeout: no 1 ms clamp, so slicing costs next to nothing.
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export function aborted(signal: AbortSignal | undefined): ApiError {
  return new ApiError(499, "invalid_request_error", signal?.reason instanceof Error ? signal.reason.message : "Request aborted.", {
    code: "aborted",
  });
}

/** Ends the clock's slice, yields, and starts the next one (unless the request was aborted). */
async function pause(clock: ComputeClock, signal: AbortSignal | undefined): Promise<void> {
  clock.end();
  await yieldToEventLoop();
  if (signal?.aborted) throw aborted(signal);
  clock.begin();
}

export async function createSources(plan: Plan, signal?: AbortSignal): Promise<Source[]> {
  const sources: Source[] = [];
  for (const [p, spec] of plan.specs.entries()) {
    if (!plan.beam) {
      for (let j = 0; j < plan.n; j++) sources.push(new ChoiceGenerator(spec, choiceSeed(plan, p * plan.n + j)));
      continue;
    }
    const search = new BeamSearch(spec, plan.beam);
    let work = 0;
    plan.clock.begin();
    while (!search.done) {
      search.step();
      work += plan.beam.width;
      if (work >= SLICE) {
        work = 0;
        await pause(plan.clock, signal);
      }
    }
    plan.clock.end();
    for (const r of search.results().slice(0, plan.n)) sources.push(new ReplaySource(r));
  }
  return sources;
}

export interface ChoiceResult {
  index: number;
  text: string;
  tokens: TokenRecord[];
  finish: FinishReason;
  generated: number;
  /** Present when the text is tool calls' arguments. */
  toolCalls?: readonly ToolCallLayout[];
}

export async function collect(sources: Source[], clock: ComputeClock, signal?: AbortSignal): Promise<ChoiceResult[]> {
  const out: ChoiceResult[] = [];
  let work = 0;
  clock.begin();
  for (const [index, src] of sources.entries()) {
    let text = "";
    const tokens: TokenRecord[] = [];
    let finish: FinishReason = "stop";
    while (!src.done) {
      const ev = src.step();
      text += ev.text;
      for (const t of ev.tokens) tokens.push(t);
      if (ev.finish) finish = ev.finish;
      if (++work >= SLICE) {
        work = 0;
        await pause(clock, signal);
      }
    }
    out.push({ index, text, tokens, finish, generated: src.generated, ...(src.toolCalls ? { toolCalls: src.toolCalls } : {}) });
  }
  clock.end();
  return out;
}
