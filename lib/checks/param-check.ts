import { PARAM_NAMES, PARAMS, type ParamName } from "../params/catalog";
import type { ProviderProfile } from "../providers";
import { regexProblem } from "./regex-check";

/**
 * Checks one parameter value against what the chosen provider documents (ParamSpec) and, where
 * the provider says nothing, against the general range of the catalogue. Returns a sentence for
 * the panel or null. A warning never blocks sending: the user may send on purpose.
 */
export function checkParam(profile: ProviderProfile, name: ParamName, value: unknown): string | null {
  const def = PARAMS[name];
  const spec = profile.params[name];
  switch (def.kind) {
    case "number":
    case "integer":
      return checkNumber(profile, name, value);
    case "stringList": {
      if (!Array.isArray(value)) return typeof value === "string" ? null : `${name} should be a list of strings.`;
      const max = spec?.maxItems;
      if (max !== undefined && value.length > max) {
        return `${value.length} items: ${profile.name} documents at most ${max} for ${name}.`;
      }
      return null;
    }
    case "json":
      if (typeof value === "string") return `${name} is not valid JSON; it would be sent as a string.`;
      if (name === "tools") return checkTools(value);
      return spec?.options ? checkTypeField(profile, name, spec.options, value) : null;
    case "string":
      if (name === "guided_regex" && typeof value === "string") return regexProblem(value);
      return null;
    case "choice":
      return checkChoice(profile, name, value);
    default:
      return null;
  }
}

/** The provider's own list when its page gives one (Telnyx: tool_choice none/auto), else the general one. */
export function choiceOptions(profile: ProviderProfile, name: ParamName): readonly string[] {
  return profile.params[name]?.options ?? PARAMS[name].options ?? [];
}

function checkChoice(profile: ProviderProfile, name: ParamName, value: unknown): string | null {
  const documented = profile.params[name]?.options;
  if (documented) {
    if (typeof value === "string" && documented.includes(value)) return null;
    const shown = typeof value === "string" ? `"${value}"` : "this value";
    return `${profile.name} documents ${name} only as ${documented.join(" or ")}, not ${shown}.`;
  }
  const general = PARAMS[name].options;
  return typeof value === "string" && general && !general.includes(value) ? `${name} is usually one of ${general.join(", ")}.` : null;
}

/** An object parameter whose `type` the page restricts (Telnyx: response_format text or json_object). */
function checkTypeField(profile: ProviderProfile, name: ParamName, options: readonly string[], value: unknown): string | null {
  const type = typeof value === "object" && value !== null && !Array.isArray(value) ? (value as { type?: unknown }).type : undefined;
  if (typeof type === "string" && options.includes(type)) return null;
  return `${profile.name} documents ${name} only with type ${options.join(" or ")}${typeof type === "string" ? `, not "${type}"` : ""}.`;
}

function checkNumber(profile: ProviderProfile, name: ParamName, value: unknown): string | null {
  const def = PARAMS[name];
  const spec = profile.params[name];
  if (typeof value !== "number" || !Number.isFinite(value)) return `${name} is not a number.`;
  if (def.kind === "integer" && !Number.isInteger(value)) return `${name} must be a whole number.`;
  // A bound the provider states replaces the general one on that side (Neyra's top_p includes 0).
  if (spec?.max !== undefined) {
    if (value > spec.max) return `${value} is above ${spec.max}, the most ${profile.name} documents for ${name}.`;
  } else if (def.max !== undefined && value > def.max) {
    return `${value} is above the usual maximum ${def.max} for ${name}.`;
  }
  if (spec?.min !== undefined) {
    if (spec.exclusiveMin ? value <= spec.min : value < spec.min) {
      return `${value} is ${spec.exclusiveMin ? "not above" : "below"} ${spec.min}, the least ${profile.name} documents for ${name}${spec.exclusiveMin ? " (excluded)" : ""}.`;
    }
  } else if (def.min !== undefined && (def.exclusiveMin ? value <= def.min : value < def.min)) {
    return `${value} is ${def.exclusiveMin ? "not above" : "below"} the usual minimum ${def.min} for ${name}.`;
  }
  return null;
}

/** OpenAI's shape: `[{type: "function", function: {name, description?, parameters?}}]`. */
function checkTools(value: unknown): string | null {
  if (!Array.isArray(value)) return "tools should be a list of function definitions.";
  for (const [i, t] of value.entries()) {
    const fn = typeof t === "object" && t !== null ? (t as { type?: unknown; function?: { name?: unknown; parameters?: unknown } }) : null;
    if (fn?.type !== "function" || typeof fn.function?.name !== "string" || fn.function.name === "") {
      return `tools[${i}] is not a function definition ({"type": "function", "function": {"name": …}}).`;
    }
    const params = fn.function.parameters;
    if (params !== undefined && (typeof params !== "object" || params === null || Array.isArray(params))) {
      return `tools[${i}].function.parameters should be a JSON Schema object.`;
    }
  }
  return null;
}

/**
 * The range line shown under a parameter. A range the provider's page states is shown as its own;
 * where the page states none, the general range is shown as such ("usual"), never as the provider's.
 */
export function rangeText(profile: ProviderProfile, name: ParamName): string {
  const def = PARAMS[name];
  const spec = profile.params[name];
  const parts: string[] = [];
  if (def.kind === "number" || def.kind === "integer") {
    parts.push(numberRange(profile, name));
  } else if (def.kind === "stringList") {
    parts.push(spec?.maxItems !== undefined ? `up to ${spec.maxItems} strings` : "list of strings");
  } else if (def.kind === "choice") {
    parts.push(choiceOptions(profile, name).join(" | "));
  } else if (spec?.options) {
    parts.push(`JSON, type ${spec.options.join(" | ")}`);
  } else {
    parts.push(def.kind === "json" ? "JSON" : def.kind);
  }
  if (spec && "default" in spec) parts.push(`default ${JSON.stringify(spec.default)}`);
  return parts.join(", ");
}

function numberRange(profile: ProviderProfile, name: ParamName): string {
  const def = PARAMS[name];
  const spec = profile.params[name];
  const kind = def.kind === "integer" ? "integer" : "number";
  const interval = (min: number | undefined, max: number | undefined, open: boolean) => `${open ? "(" : "["}${min ?? "−∞"}, ${max ?? "∞"}]`;
  if (spec?.min !== undefined || spec?.max !== undefined) return `${kind} ${interval(spec.min, spec.max, spec.exclusiveMin === true)}`;
  if (def.min === undefined && def.max === undefined) return kind;
  const general = `usual ${interval(def.min, def.max, def.exclusiveMin === true)}`;
  return spec ? `${kind}, ${general} (${profile.name} states no range)` : `${kind}, ${general}`;
}

/** Parameters the provider documents, in catalogue order, and the rest. */
export function splitDocumented(profile: ProviderProfile): { documented: ParamName[]; undocumented: ParamName[] } {
  const documented: ParamName[] = [];
  const undocumented: ParamName[] = [];
  for (const n of PARAM_NAMES) (profile.params[n] ? documented : undocumented).push(n);
  return { documented, undocumented };
}

/** List text (one string per line, `\n` `\t` `\\` escapes) ↔ string list. */
export function parseList(text: string): string[] {
  return text
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => line.replace(/\\(n|t|\\)/g, (_, c: string) => (c === "n" ? "\n" : c === "t" ? "\t" : "\\")));
}

export function formatList(list: unknown): string {
  if (!Array.isArray(list)) return typeof list === "string" ? list : "";
  return list.map((s) => String(s).replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/\t/g, "\\t")).join("\n");
}

/** JSON editor text → value: parsed JSON when valid, otherwise the text itself (flagged by checkParam). */
export function parseJsonParam(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
