import { isParamName, type OpenAIEndpoint, type OpenAIParam, PARAMS } from "../params/catalog";
import type { RequestPath } from "../request/build";

/**
 * Which body fields OpenAI's SDKs take as named arguments. Everything else (top_k, min_p,
 * guided_json, a typo in the extra body, or a known field holding a value of another type) goes
 * where each SDK expects unknown fields: Python's `extra_body`, a spread in JS/TS. A value of the
 * wrong type must not be a named argument, or the TypeScript snippet would not type-check.
 */
type Check = (v: unknown) => boolean;

const isNumber: Check = (v) => typeof v === "number";
const isBoolean: Check = (v) => typeof v === "boolean";
const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isStop: Check = (v) => typeof v === "string" || (Array.isArray(v) && v.every((s) => typeof s === "string"));
const isNumberMap: Check = (v) => isPlainObject(v) && Object.values(v).every(isNumber);
const isResponseFormat: Check = (v) => isPlainObject(v) && Object.keys(v).length === 1 && (v.type === "text" || v.type === "json_object");
const isToolChoice: Check = (v) => v === "none" || v === "auto" || v === "required";
const isTool: Check = (v) => {
  if (!isPlainObject(v) || v.type !== "function" || Object.keys(v).length !== 2) return false;
  const f = v.function;
  if (!isPlainObject(f) || typeof f.name !== "string") return false;
  return (
    Object.keys(f).every((k) => ["name", "description", "parameters", "strict"].includes(k)) &&
    (f.description === undefined || typeof f.description === "string") &&
    (f.parameters === undefined || isPlainObject(f.parameters)) &&
    (f.strict === undefined || typeof f.strict === "boolean")
  );
};
const isTools: Check = (v) => Array.isArray(v) && v.every(isTool);

/**
 * The value each field OpenAI's SDK names "same" (../params/catalog) takes as a named argument;
 * keyed by the catalogue's own list, so a parameter added there without a check here fails tsc.
 */
const CHECKS: Readonly<Record<OpenAIParam<OpenAIEndpoint, "same">, Check>> = {
  stream: isBoolean,
  temperature: isNumber,
  top_p: isNumber,
  max_tokens: isNumber,
  stop: isStop,
  n: isNumber,
  seed: isNumber,
  frequency_penalty: isNumber,
  presence_penalty: isNumber,
  logit_bias: isNumberMap,
  logprobs: isBoolean,
  top_logprobs: isNumber,
  response_format: isResponseFormat,
  tools: isTools,
  tool_choice: isToolChoice,
};

export function isRequiredField(path: RequestPath, key: string): boolean {
  return key === "model" || key === (path === "completions" ? "prompt" : "messages");
}

/** True when the field goes in as a named SDK argument with its value as it is. */
export function isTypedField(path: RequestPath, key: string, value: unknown): boolean {
  if (isRequiredField(path, key)) return true;
  return namedAlike(path, key) && CHECKS[key](value);
}

function namedAlike(path: RequestPath, key: string): key is OpenAIParam<OpenAIEndpoint, "same"> {
  return isParamName(key) && PARAMS[key].openai?.[path] === "same";
}

/** Fields the SDK types never name, so a JS/TS spread of them needs no cast. */
export function isNeverTyped(key: string): boolean {
  return isParamName(key) && PARAMS[key].openai === undefined;
}

export { isPlainObject };
