/**
 * JSON Schema checks with ajv, loaded on demand so it stays out of the page's first load.
 */
import type { Session } from "../session/schema";

type AjvInstance = import("ajv").default;
let ajvPromise: Promise<AjvInstance> | null = null;

function loadAjv(): Promise<AjvInstance> {
  ajvPromise ??= import("ajv").then((m) => new m.default({ allErrors: true, strict: false }));
  return ajvPromise;
}

/** null when `schema` compiles as a JSON Schema, otherwise why not. */
export async function schemaProblem(schema: unknown): Promise<string | null> {
  if (typeof schema !== "object" && typeof schema !== "boolean") return "A JSON Schema is an object (or true/false).";
  const ajv = await loadAjv();
  try {
    ajv.compile(schema as object);
    return null;
  } catch (e) {
    return `Not a valid JSON Schema: ${(e as Error).message}`;
  }
}

export interface SchemaResult {
  valid: boolean;
  message: string;
}

/** Validates an answer's text against a schema: first as JSON, then with ajv. */
export async function validateAgainstSchema(schema: unknown, text: string): Promise<SchemaResult> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { valid: false, message: `Not valid: the output is not JSON (${(e as Error).message})` };
  }
  const ajv = await loadAjv();
  let validate: ReturnType<AjvInstance["compile"]>;
  try {
    validate = ajv.compile(schema as object);
  } catch (e) {
    return { valid: false, message: `The schema does not compile: ${(e as Error).message}` };
  }
  if (validate(value)) return { valid: true, message: "Valid: the output matches the requested schema." };
  const errors = (validate.errors ?? []).map((e) => `${e.instancePath || "(root)"} ${e.message ?? ""}`.trim());
  return { valid: false, message: `Not valid against the schema: ${errors.join("; ")}` };
}

/** The schema a request asks the output to satisfy: guided_json, or response_format json_schema. */
export function requestedSchema(session: Session): unknown {
  const guided = session.params.guided_json;
  if (guided?.enabled && typeof guided.value === "object" && guided.value !== null) return guided.value;
  const format = session.params.response_format;
  if (!format?.enabled || typeof format.value !== "object" || format.value === null) return undefined;
  const { type, json_schema } = format.value as { type?: unknown; json_schema?: unknown };
  if (type !== "json_schema" || typeof json_schema !== "object" || json_schema === null) return undefined;
  return (json_schema as { schema?: unknown }).schema;
}
