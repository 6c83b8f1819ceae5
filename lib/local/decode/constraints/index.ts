import { badRequest } from "../../../errors";
import { has, range } from "./charset";
import { compileChoice } from "./choice";
import { jsonConstraint } from "./json";
import { SchemaCompiler } from "./json-schema-compile";
import { compileRegex } from "./regex";
import type { Constraint, Vocab } from "./types";
import { type VocabTrie, vocabTrie } from "./vocab-trie";

export type { Constraint, ConstraintMatcher, Vocab } from "./types";

/**
 * Guided decoding: turns a request's guided_json / guided_regex / guided_choice /
 * response_format into a Constraint over the model's vocabulary, or null when none is asked for.
 * Every invalid or unsupported input is an ApiError 400 whose `param` names the field.
 */
export interface GuidedRequest {
  guided_json?: unknown;
  guided_regex?: unknown;
  guided_choice?: unknown;
  response_format?: unknown;
}

const FIELDS = ["guided_json", "guided_regex", "guided_choice", "response_format"] as const;
const PRINTABLE_ASCII = range(0x20, 0x7e);

/** response_format {type: "text"} asks for nothing, like an absent field. */
function isSet(request: GuidedRequest, field: (typeof FIELDS)[number]): boolean {
  const v = request[field];
  if (v === undefined || v === null) return false;
  return !(field === "response_format" && typeof v === "object" && (v as { type?: unknown }).type === "text");
}

/**
 * Compiled constraints per vocabulary, most recently used last. A constraint keeps its lazily
 * built DFA and mask caches, so a repeated schema or pattern starts warm. Only successes are kept.
 */
const compiled = new WeakMap<Vocab, Map<string, Constraint>>();
const MAX_COMPILED = 16;

function requestedField(request: GuidedRequest): (typeof FIELDS)[number] | null {
  const set = FIELDS.filter((f) => isSet(request, f));
  if (set.length > 1) throw badRequest(`Only one kind of guided decoding may be set per request; got ${set.join(" and ")}.`, set[1]);
  return set[0] ?? null;
}

/** compileConstraint without the per-vocabulary cache (benchmarks measure cold masks with it). */
export function compileConstraintUncached(request: GuidedRequest, vocab: Vocab): Constraint | null {
  const field = requestedField(request);
  return field && compileField(field, request, vocabTrie(vocab));
}

export function compileConstraint(request: GuidedRequest, vocab: Vocab): Constraint | null {
  const field = requestedField(request);
  if (field === null) return null;
  let cache = compiled.get(vocab);
  if (!cache) {
    cache = new Map();
    compiled.set(vocab, cache);
  }
  const key = `${field}\u0000${JSON.stringify(request[field])}`;
  let constraint = cache.get(key);
  if (constraint) cache.delete(key);
  else constraint = compileField(field, request, vocabTrie(vocab));
  cache.set(key, constraint);
  if (cache.size > MAX_COMPILED) cache.delete(cache.keys().next().value!);
  return constraint;
}

function compileField(field: (typeof FIELDS)[number], request: GuidedRequest, trie: VocabTrie): Constraint {
  switch (field) {
    case "guided_choice":
      return compileChoice(request.guided_choice, trie);
    case "guided_regex":
      return compileRegex(request.guided_regex, trie);
    case "guided_json":
      return compileGuidedJson(request.guided_json, trie);
    case "response_format":
      return compileResponseFormat(request.response_format, trie);
  }
}

/** JSON generation assumes every printable ASCII character is a token of its own. */
function requireAscii(trie: VocabTrie, param: string): void {
  const missing: string[] = [];
  for (let c = PRINTABLE_ASCII[0]!; c <= PRINTABLE_ASCII[1]!; c++) if (!has(trie.singles, c)) missing.push(String.fromCharCode(c));
  if (missing.length > 0) {
    throw badRequest(
      `${param} is not available: the local model's vocabulary lacks single-character tokens for ${JSON.stringify(missing.join(""))}.`,
      param,
    );
  }
}

function compileSchema(schema: unknown, trie: VocabTrie, param: string): Constraint {
  requireAscii(trie, param);
  const compiler = new SchemaCompiler(schema, param, (cp) => has(trie.singles, cp));
  return jsonConstraint(compiler.run(), trie, "json_schema");
}

function compileGuidedJson(raw: unknown, trie: VocabTrie): Constraint {
  let schema = raw;
  if (typeof raw === "string") {
    try {
      schema = JSON.parse(raw);
    } catch {
      throw badRequest("guided_json must be a JSON schema (an object, or a string holding one).", "guided_json");
    }
  }
  return compileSchema(schema, trie, "guided_json");
}

function compileResponseFormat(raw: unknown, trie: VocabTrie): Constraint {
  const param = "response_format";
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw badRequest("response_format must be an object.", param);
  const rf = raw as { type?: unknown; json_schema?: unknown };
  if (rf.type === "json_object") {
    requireAscii(trie, param);
    const compiler = new SchemaCompiler({ type: "object" }, param, (cp) => has(trie.singles, cp));
    return jsonConstraint(compiler.run(), trie, "json_object");
  }
  if (rf.type !== "json_schema")
    throw badRequest(`response_format.type must be "text", "json_object" or "json_schema"; got ${JSON.stringify(rf.type)}.`, param);
  const js = rf.json_schema;
  if (typeof js !== "object" || js === null || Array.isArray(js))
    throw badRequest("response_format.json_schema must be an object holding the schema.", param);
  // OpenAI makes `schema` optional; without one any JSON value is accepted.
  const schema = "schema" in js ? (js as { schema: unknown }).schema : true;
  return compileSchema(schema ?? true, trie, param);
}
