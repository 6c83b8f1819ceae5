import Ajv2020 from "ajv/dist/2020";
import { readFileSync } from "node:fs";
import type { Constraint, ConstraintMatcher, Vocab } from "./decode/constraints/types";

/**
 * Test-only helpers: a tiny guided_choice constraint (so the decoder's masking can be tested
 * without the real engines) and OpenAI's schemas (test/fixtures/openai) loaded into ajv.
 */
class ChoiceMatcher implements ConstraintMatcher {
  constructor(
    private readonly vocab: Vocab,
    private readonly choices: readonly string[],
    private text = "",
  ) {}

  allowed(): { ids: number[]; eos: boolean } {
    const ids: number[] = [];
    for (const [id, piece] of this.vocab.pieces.entries()) {
      if (id === this.vocab.eosId || piece === "") continue;
      const next = this.text + piece;
      if (this.choices.some((c) => c.startsWith(next))) ids.push(id);
    }
    return { ids, eos: this.isComplete() };
  }

  advance(id: number): void {
    const next = this.text + (this.vocab.pieces[id] ?? "");
    if (!this.choices.some((c) => c.startsWith(next))) throw new Error(`token ${id} not allowed`);
    this.text = next;
  }

  isComplete(): boolean {
    return this.choices.includes(this.text);
  }

  mustEnd(): boolean {
    return this.isComplete() && !this.choices.some((c) => c.length > this.text.length && c.startsWith(this.text));
  }

  clone(): ConstraintMatcher {
    return new ChoiceMatcher(this.vocab, this.choices, this.text);
  }
}

export function fakeChoiceConstraint(vocab: Vocab, choices: readonly string[]): Constraint {
  return { kind: "choice", matcher: () => new ChoiceMatcher(vocab, choices) };
}

export type SchemaName =
  | "CreateChatCompletionResponse"
  | "CreateChatCompletionStreamResponse"
  | "CreateCompletionResponse"
  | "ListModelsResponse"
  | "ErrorResponse"
  | "CreateChatCompletionRequest"
  | "CreateCompletionRequest";

/**
 * The copy in test/fixtures/openai rewrote OpenAPI's `nullable: true` as `type: [..., "null"]` but left `enum`
 * lists without `null`, so `finish_reason: null` — what OpenAI itself streams before the last
 * chunk, and what its SDK waits for — fails there. This puts `null` back into exactly those
 * enums (the faithful reading of `nullable`); nothing else is relaxed.
 */
export function restoreNullableEnums(node: unknown): void {
  if (Array.isArray(node)) {
    for (const v of node) restoreNullableEnums(v);
    return;
  }
  if (typeof node !== "object" || node === null) return;
  const o = node as Record<string, unknown>;
  if (Array.isArray(o.type) && o.type.includes("null") && Array.isArray(o.enum) && !o.enum.includes(null)) o.enum.push(null);
  for (const v of Object.values(o)) restoreNullableEnums(v);
}

/** Validators for OpenAI's published schemas (test/fixtures/openai/chat-schemas.json). */
export function openaiValidator(options: { restoreNullableEnums?: boolean } = {}): (name: SchemaName, value: unknown) => string | null {
  const url = new URL("../../test/fixtures/openai/chat-schemas.json", import.meta.url);
  const { components } = JSON.parse(readFileSync(url, "utf8")) as { components: unknown };
  if (options.restoreNullableEnums ?? true) restoreNullableEnums(components);
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addSchema({ $id: "spec", components }, "spec");
  return (name, value) => {
    const validate = ajv.getSchema(`spec#/components/schemas/${name}`);
    if (!validate) throw new Error(`no schema ${name}`);
    return validate(value) ? null : ajv.errorsText(validate.errors);
  };
}

/**
 * A plain node:http server in front of `handleLocalRequest`, as the Next route would be: the
 * node request becomes a fetch Request (aborted when the client goes away), the Response body is
 * piped back.
 */
export async function startLocalServer(
  handle: (path: string, request: Request) => Promise<Response>,
): Promise<{ baseURL: string; close: () => Promise<void> }> {
  const { createServer } = await import("node:http");
  const server = createServer(async (req, res) => {
    const controller = new AbortController();
    res.on("close", () => controller.abort());
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const hasBody = req.method !== "GET" && req.method !== "HEAD";
    const request = new Request(url, {
      method: req.method,
      headers: Object.entries(req.headers).flatMap(([k, v]) => (typeof v === "string" ? [[k, v] as [string, string]] : [])),
      body: hasBody ? Buffer.concat(chunks) : undefined,
      signal: controller.signal,
    });
    const path = url.pathname.replace(/^\/v1\//, "");
    const response = await handle(path, request);
    res.writeHead(response.status, Object.fromEntries(response.headers));
    if (!response.body) return res.end();
    const reader = response.body.getReader();
    res.on("close", () => void reader.cancel().catch(() => {}));
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      res.write(value);
    }
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
