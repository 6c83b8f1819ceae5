import { ApiError, badRequest } from "../../errors";
import { LOCAL_MODEL_ID } from "../../providers/profiles";
import { readRequestCapped } from "../../request/body";
import { requestConstraint } from "../decode/constraint";
import {
  type AnswerMeta,
  type CompletionChoice,
  chatChunk,
  chatCompletion,
  chatLogprobs,
  completionLogprobs,
  fingerprint,
  randomId,
  textCompletion,
  usage,
} from "./format";
import type { Source, ToolCallLayout } from "../decode/generate";
import { localModel } from "../model/model";
import type { NgramModel } from "../model/ngram";
import { choiceSeed, makePlan, type Plan } from "../decode/plan";
import { chatPrompt, completionPrompts } from "./prompt";
import { collect, createSources } from "../decode/run";
import { chatRequestSchema, completionRequestSchema, parseBody, tokenizeRequestSchema } from "./schema";
import { type ContentEvent, delayFromEnv, type StreamFormat, sseStream } from "./stream";
import { ToolCallSource, type ToolCallCursor, toolCallDeltas } from "./tool-calls";
import { type PlannedCall, planToolCalls } from "./tools";

/** The four endpoints; each parses its body, plans, generates, and answers in OpenAI's shape. */
const CREATED = Math.floor(Date.now() / 1000);

export async function readJson(request: Request): Promise<unknown> {
  const text = new TextDecoder().decode(await readRequestCapped(request));
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest("We could not parse the JSON body of your request: it is not valid JSON.", undefined, "invalid_json");
  }
}

export function checkModel(model: string): void {
  if (model !== LOCAL_MODEL_ID) {
    throw new ApiError(
      404,
      "invalid_request_error",
      `The model '${model}' does not exist. The local provider serves '${LOCAL_MODEL_ID}'.`,
      {
        param: "model",
        code: "model_not_found",
      },
    );
  }
}

function meta(prefix: string, model: NgramModel): AnswerMeta {
  return { id: randomId(prefix), created: Math.floor(Date.now() / 1000), model: LOCAL_MODEL_ID, system_fingerprint: fingerprint(model) };
}

function promptTokenCount(plan: Plan): number {
  return plan.specs.reduce((s, spec) => s + spec.promptLength, 0);
}

export async function handleChat(request: Request): Promise<Response> {
  const req = parseBody(chatRequestSchema, await readJson(request));
  checkModel(req.model);
  if (req.top_logprobs !== undefined && req.top_logprobs !== null && !req.logprobs) {
    throw badRequest("top_logprobs requires logprobs to be true.", "top_logprobs");
  }
  const model = localModel();
  const constraint = await requestConstraint(req, model.tokenizer);
  const plan = makePlan({
    req,
    model,
    prompts: [chatPrompt(req.messages, model)],
    maxTokens: req.max_completion_tokens ?? req.max_tokens,
    topLogprobs: req.logprobs ? (req.top_logprobs ?? 0) : null,
    constraint,
    names: { maxTokens: req.max_completion_tokens != null ? "max_completion_tokens" : "max_tokens", topLogprobs: "top_logprobs" },
  });
  const calls = planToolCalls(req, model.tokenizer, plan.seed);
  const m = meta("chatcmpl-", model);
  const sources = calls ? toolCallSources(plan, calls) : await createSources(plan, request.signal);
  const withLogprobs = plan.specs[0]!.topLogprobs !== null;
  if (plan.stream) return sseStream(sources, chatFormat(m, sources, plan, model, withLogprobs), streamOptions(plan, request));
  const results = await collect(sources, plan.clock, request.signal);
  return Response.json(chatCompletion(m, results, model, withLogprobs, usage(promptTokenCount(plan), results)));
}

function toolCallSources(plan: Plan, calls: PlannedCall[]): Source[] {
  return Array.from({ length: plan.n }, (_, j) => new ToolCallSource(plan.specs[0]!, calls, choiceSeed(plan, j)));
}

function streamOptions(plan: Plan, request: Request) {
  return { delayMs: delayFromEnv(), includeUsage: plan.includeUsage, signal: request.signal, clock: plan.clock };
}

function chatFormat(m: AnswerMeta, sources: Source[], plan: Plan, model: NgramModel, withLogprobs: boolean): StreamFormat {
  // With include_usage every chunk carries `usage: null` but the last, as OpenAI does.
  const extra = plan.includeUsage ? { usage: null } : {};
  const cursors: ToolCallCursor[] = sources.map(() => ({ offset: 0, announced: 0 }));
  const chunk = (index: number, delta: object, logprobs: unknown, finish: string | null) =>
    chatChunk(m, [{ index, delta, logprobs, finish_reason: finish }], extra);
  const toolCallChunks = (index: number, layout: readonly ToolCallLayout[], ev: ContentEvent) => {
    const deltas: object[] = toolCallDeltas(layout, cursors[index]!, ev.text, ev.finish !== null);
    if (ev.finish && deltas.length === 0) deltas.push({});
    return deltas.map((d, k) => chunk(index, d, null, k === deltas.length - 1 ? ev.finish : null));
  };
  return {
    opening: () => sources.map((s, index) => chunk(index, { role: "assistant", content: s.toolCalls ? null : "" }, null, null)),
    content: (index: number, ev: ContentEvent) => {
      const layout = sources[index]!.toolCalls;
      if (layout) return toolCallChunks(index, layout, ev);
      const logprobs = withLogprobs ? { content: chatLogprobs(ev.tokens, model), refusal: null } : null;
      return [chunk(index, ev.text === "" ? {} : { content: ev.text }, logprobs, ev.finish)];
    },
    usage: () => usage(promptTokenCount(plan), sources),
    usageChunk: (u) => chatChunk(m, [], { usage: u }),
  };
}

export async function handleCompletions(request: Request): Promise<Response> {
  const req = parseBody(completionRequestSchema, await readJson(request));
  checkModel(req.model);
  const model = localModel();
  const constraint = await requestConstraint(req, model.tokenizer);
  const prompts = completionPrompts(req.prompt, model);
  const topLogprobs = req.logprobs ?? null;
  const plan = makePlan({
    req,
    model,
    prompts: prompts.map((p) => p.input),
    maxTokens: req.max_tokens,
    topLogprobs,
    constraint,
    names: { maxTokens: "max_tokens", topLogprobs: "logprobs" },
  });
  const echo = (i: number) => (req.echo ? prompts[Math.floor(i / plan.n)]!.text : "");
  const m = meta("cmpl-", model);
  const sources = await createSources(plan, request.signal);
  if (plan.stream) return sseStream(sources, completionFormat(m, sources, plan, model, echo), streamOptions(plan, request));
  const results = await collect(sources, plan.clock, request.signal);
  const choices: CompletionChoice[] = results.map((r) => ({
    index: r.index,
    text: echo(r.index) + r.text,
    logprobs: topLogprobs === null ? null : completionLogprobs(r.tokens, model, echo(r.index).length),
    finish_reason: r.finish,
  }));
  return Response.json(textCompletion(m, choices, usage(promptTokenCount(plan), results)));
}

function completionFormat(m: AnswerMeta, sources: Source[], plan: Plan, model: NgramModel, echo: (i: number) => string): StreamFormat {
  const withLogprobs = plan.specs[0]!.topLogprobs !== null;
  const opening = () =>
    sources.flatMap((_, index) => {
      const text = echo(index);
      return text ? [textCompletion(m, [{ index, text, logprobs: null, finish_reason: null }])] : [];
    });
  return {
    opening,
    content: (index: number, ev: ContentEvent) => [
      textCompletion(m, [
        {
          index,
          text: ev.text,
          logprobs: withLogprobs ? completionLogprobs(ev.tokens, model, echo(index).length) : null,
          finish_reason: ev.finish,
        },
      ]),
    ],
    usage: () => usage(promptTokenCount(plan), sources),
    usageChunk: (u) => textCompletion(m, [], u),
  };
}

export function handleModels(): Response {
  const model = localModel();
  const { vocabSize, trainingTokens, trainingChars, documents } = model.stats;
  return Response.json({
    object: "list",
    data: [
      {
        id: LOCAL_MODEL_ID,
        object: "model",
        created: CREATED,
        owned_by: "local",
        vocab_size: vocabSize,
        training_tokens: trainingTokens,
        training_chars: trainingChars,
        training_documents: documents,
        ngram_order: 3,
        max_output_tokens: 4096,
      },
    ],
  });
}

export async function handleTokenize(request: Request): Promise<Response> {
  const req = parseBody(tokenizeRequestSchema, await readJson(request));
  if (req.model !== undefined) checkModel(req.model);
  const model = localModel();
  const text = req.text ?? req.prompt ?? "";
  const ids = model.tokenizer.encode(text);
  return Response.json({
    model: LOCAL_MODEL_ID,
    count: ids.length,
    ids,
    tokens: ids,
    pieces: ids.map((id) => model.tokenizer.piece(id)),
    vocab_size: model.size,
  });
}
