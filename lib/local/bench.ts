import { requestConstraint } from "./decode/constraint";
import type { Constraint } from "./decode/constraints/types";
import { corpusDocuments } from "./model/corpus";
import { ChoiceGenerator, type GenerationSpec } from "./decode/generate";
import { handleLocalRequest } from "./index";
import { NgramModel } from "./model/ngram";
import { DEFAULT_SAMPLING, type SamplingParams } from "./decode/sampler";
import { EOS_ID } from "./model/tokenizer";

/**
 * The local model's benchmark (`scripts/bench-local.ts`): throughput through the real request
 * path, time to first streamed token, and how both grow with vocabulary size and context length.
 * Run with LOCAL_MODEL_DELAY_MS=0 (the runner sets it).
 */
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  note?: string;
}

const MODEL = "local-ngram";
const NO_EOS = { "0": -100 };

function post(path: string, body: unknown): Promise<Response> {
  return handleLocalRequest(path, new Request(`http://bench/v1/${path}`, { method: "POST", body: JSON.stringify(body) }));
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

/** Tokens per second through handleLocalRequest, non-streamed: n × max_tokens tokens, EOS banned. */
async function requestThroughput(extra: Record<string, unknown>, maxTokens: number, n: number): Promise<number> {
  const body = {
    model: MODEL,
    messages: [{ role: "user", content: "Tell me about the playground." }],
    max_tokens: maxTokens,
    n,
    seed: 1,
    ...extra,
  };
  await (await post("chat/completions", { ...body, max_tokens: 16, n: 1 })).json();
  const t0 = performance.now();
  const r = (await (await post("chat/completions", body)).json()) as { usage?: { completion_tokens: number }; error?: { message: string } };
  const ms = performance.now() - t0;
  if (!r.usage) throw new Error(`bench request failed: ${r.error?.message}`);
  return r.usage.completion_tokens / (ms / 1000);
}

/** Tokens per second reading the whole SSE stream. */
async function streamThroughput(maxTokens: number): Promise<number> {
  const body = {
    model: MODEL,
    messages: [{ role: "user", content: "Tell me about streaming." }],
    max_tokens: maxTokens,
    n: 4,
    seed: 2,
    stream: true,
    logit_bias: NO_EOS,
  };
  const t0 = performance.now();
  const res = await post("chat/completions", body);
  const reader = res.body!.getReader();
  while (!(await reader.read()).done);
  return (4 * maxTokens) / ((performance.now() - t0) / 1000);
}

/** Milliseconds from calling the handler to holding the first content chunk. */
async function timeToFirstToken(content: string, runs: number): Promise<number> {
  const times: number[] = [];
  const dec = new TextDecoder();
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const res = await post("chat/completions", {
      model: MODEL,
      messages: [{ role: "user", content }],
      stream: true,
      max_tokens: 64,
      seed: i,
    });
    const reader = res.body!.getReader();
    let seen = "";
    while (!seen.includes('"content":"') || !/"content":"[^"]/.test(seen.split("\n\n").slice(1).join(""))) {
      const { done, value } = await reader.read();
      if (done) break;
      seen += dec.decode(value, { stream: true });
    }
    times.push(performance.now() - t0);
    await reader.cancel();
  }
  return median(times);
}

/** Raw generator speed for a model of a given vocabulary size (no HTTP, no JSON). */
function generatorThroughput(
  model: NgramModel,
  sampling: Partial<SamplingParams>,
  promptTokens: number[],
  tokens: number,
  constraint: Constraint | null = null,
): number {
  const spec: GenerationSpec = {
    model,
    context: model.contextTable([promptTokens]),
    start: [EOS_ID, EOS_ID],
    promptSeen: new Set(promptTokens),
    promptLength: promptTokens.length,
    sampling: { ...DEFAULT_SAMPLING, logitBias: new Map([[EOS_ID, -100]]), ...sampling },
    maxTokens: tokens,
    stop: [],
    constraint,
    topLogprobs: null,
  };
  // Constrained outputs end by themselves: run choices until `tokens` tokens are produced.
  let generated = 0;
  let seed = 1;
  const t0 = performance.now();
  while (generated < tokens) {
    const g = new ChoiceGenerator(spec, seed++);
    while (!g.done) g.step();
    generated += Math.max(g.generated, 1);
  }
  return generated / ((performance.now() - t0) / 1000);
}

const PERSON_SCHEMA = {
  type: "object",
  properties: {
    name: { type: "string" },
    age: { type: "integer" },
    tags: { type: "array", items: { type: "string" } },
    active: { type: "boolean" },
  },
  required: ["name", "age", "tags", "active"],
};

/** guided_json speed for a model of a given vocabulary size (compiling excluded). */
async function guidedGeneratorThroughput(model: NgramModel): Promise<BenchRow> {
  const name = `guided_json generator only, vocab ${model.size}`;
  try {
    const constraint = await requestConstraint({ model: MODEL, guided_json: PERSON_SCHEMA }, model.tokenizer);
    const prompt = model.tokenizer.encode("Give me a person.");
    return { name, value: generatorThroughput(model, { logitBias: new Map() }, prompt, 5000, constraint), unit: "tokens/s" };
  } catch (e) {
    return { name, value: Number.NaN, unit: "tokens/s", note: `not measured: ${e instanceof Error ? e.message : String(e)}` };
  }
}

function words(n: number): string {
  const corpus = corpusDocuments().join(" ").split(/\s+/);
  const out: string[] = [];
  for (let i = 0; out.length < n; i++) out.push(corpus[i % corpus.length]!);
  return out.join(" ");
}

async function guidedRows(): Promise<BenchRow[]> {
  const schema = PERSON_SCHEMA;
  try {
    const json = await requestThroughput({ guided_json: schema }, 256, 16);
    const regex = await requestThroughput({ guided_regex: "[a-z ]{10,200}" }, 256, 16);
    const tools = [{ type: "function", function: { name: "add_person", parameters: schema } }];
    const calls = await requestThroughput({ tools, tool_choice: "required" }, 256, 16);
    return [
      { name: "guided_json, non-streamed (16 × ≤256 tokens)", value: json, unit: "tokens/s" },
      { name: "guided_regex, non-streamed (16 × ≤256 tokens)", value: regex, unit: "tokens/s" },
      { name: "tool call arguments, non-streamed (16 × ≤256 tokens)", value: calls, unit: "tokens/s", note: "guided_json engine" },
    ];
  } catch (e) {
    return [
      { name: "guided_json", value: Number.NaN, unit: "tokens/s", note: `not measured: ${e instanceof Error ? e.message : String(e)}` },
    ];
  }
}

export async function runLocalBench(): Promise<BenchRow[]> {
  process.env.LOCAL_MODEL_DELAY_MS = "0";
  // Throughput is measured on requests larger than one request may be in service (limits.ts),
  // so that slices, yields and JSON are amortised as before; the caps are tested, not benched.
  process.env.LOCAL_MODEL_MAX_REQUEST_TOKENS = String(16 * 4096);
  process.env.LOCAL_MODEL_MAX_COMPUTE_MS = "600000";
  const rows: BenchRow[] = [];
  rows.push({
    name: "unconstrained, default parameters, non-streamed (16 × 4096 tokens)",
    value: await requestThroughput({ logit_bias: NO_EOS }, 4096, 16),
    unit: "tokens/s",
    note: "mixture fast path",
  });
  rows.push({
    name: "unconstrained, greedy (temperature 0: dense path)",
    value: await requestThroughput({ logit_bias: NO_EOS, temperature: 0 }, 4096, 16),
    unit: "tokens/s",
  });
  rows.push({
    name: "unconstrained, temperature 0.7 + top_p 0.9 (16 × 4096)",
    value: await requestThroughput({ logit_bias: NO_EOS, temperature: 0.7, top_p: 0.9 }, 4096, 16),
    unit: "tokens/s",
  });
  const penalties = { logit_bias: NO_EOS, temperature: 0.7, top_p: 0.9, frequency_penalty: 0.5, repetition_penalty: 1.1 };
  rows.push({
    name: "temperature 0.7 + top_p 0.9 + penalties, 16 × 256 tokens",
    value: await requestThroughput(penalties, 256, 16),
    unit: "tokens/s",
  });
  rows.push({
    name: "temperature 0.7 + top_p 0.9 + penalties, 4 × 4096 tokens",
    value: await requestThroughput(penalties, 4096, 4),
    unit: "tokens/s",
    note: "cost grows with distinct tokens seen",
  });
  rows.push({
    name: "unconstrained, logprobs + top_logprobs 5",
    value: await requestThroughput({ logit_bias: NO_EOS, logprobs: true, top_logprobs: 5 }, 4096, 4),
    unit: "tokens/s",
  });
  rows.push({ name: "unconstrained, streamed (4 × 4096 tokens, SSE read)", value: await streamThroughput(4096), unit: "tokens/s" });
  rows.push(...(await guidedRows()));
  rows.push({
    name: "time to first streamed token, median of 200",
    value: await timeToFirstToken("What does temperature do?", 200),
    unit: "ms",
  });
  for (const n of [100, 1000, 10000]) {
    rows.push({ name: `time to first token, prompt of ${n} words`, value: await timeToFirstToken(words(n), 30), unit: "ms" });
  }
  const docs = corpusDocuments();
  for (const v of [256, 512, 1024, 2048, 4096]) {
    const model = NgramModel.train(docs, { maxVocab: v, minCount: 1 });
    const prompt = model.tokenizer.encode("What does temperature do?");
    rows.push({ name: `generator only, vocab ${model.size}`, value: generatorThroughput(model, {}, prompt, 100_000), unit: "tokens/s" });
    rows.push({
      name: `generator only, vocab ${model.size}, temperature 0.7`,
      value: generatorThroughput(model, { temperature: 0.7 }, prompt, 30_000),
      unit: "tokens/s",
    });
    rows.push(await guidedGeneratorThroughput(model));
  }
  const model = NgramModel.train(docs, { maxVocab: 2048, minCount: 1 });
  for (const n of [10, 1000, 10000, 100000]) {
    const prompt = model.tokenizer.encode(words(n));
    rows.push({
      name: `generator only, context of ${prompt.length} tokens, repetition_penalty 1.2`,
      value: generatorThroughput(model, { repetitionPenalty: 1.2 }, prompt, 30_000),
      unit: "tokens/s",
    });
  }
  return rows;
}

export function benchMarkdown(rows: readonly BenchRow[]): string {
  const fmt = (r: BenchRow) =>
    Number.isNaN(r.value) ? "n/a" : r.unit === "ms" ? r.value.toFixed(2) : Math.round(r.value).toLocaleString("en-US");
  const lines = ["| measurement | value | unit | note |", "|---|---:|---|---|"];
  for (const r of rows) lines.push(`| ${r.name} | ${fmt(r)} | ${r.unit} | ${r.note ?? ""} |`);
  return lines.join("\n");
}
