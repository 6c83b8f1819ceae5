import { PARAM_NAMES, PARAMS, type ParamName } from "../params/catalog";
import type { ProviderProfile } from "../providers";

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
      return typeof value === "string" ? `${name} is not valid JSON; it would be sent as a string.` : null;
    case "string":
      if (name === "guided_regex" && typeof value === "string") return checkRegex(value);
      return null;
    case "choice":
      return typeof value === "string" && def.options && !def.options.includes(value)
        ? `${name} is usually one of ${def.options.join(", ")}.`
        : null;
    default:
      return null;
  }
}

function checkNumber(profile: ProviderProfile, name: ParamName, value: unknown): string | null {
  const def = PARAMS[name];
  const spec = profile.params[name];
  if (typeof value !== "number" || !Number.isFinite(value)) return `${name} is not a number.`;
  if (def.kind === "integer" && !Number.isInteger(value)) return `${name} must be a whole number.`;
  if (spec?.max !== undefined && value > spec.max) return `${value} is above ${spec.max}, the most ${profile.name} documents for ${name}.`;
  if (spec?.min !== undefined && value < spec.min) return `${value} is below ${spec.min}, the least ${profile.name} documents for ${name}.`;
  if (def.max !== undefined && value > def.max) return `${value} is above the usual maximum ${def.max} for ${name}.`;
  if (def.min !== undefined) {
    if (def.exclusiveMin ? value <= def.min : value < def.min) {
      return `${value} is ${def.exclusiveMin ? "not above" : "below"} the usual minimum ${def.min} for ${name}.`;
    }
  }
  return null;
}

function checkRegex(source: string): string | null {
  try {
    new RegExp(source, "u");
    return null;
  } catch (e) {
    return `Not a valid regular expression here: ${(e as Error).message}`;
  }
}

/** The range line shown under a parameter: the provider's documented range, else the general one. */
export function rangeText(profile: ProviderProfile, name: ParamName): string {
  const def = PARAMS[name];
  const spec = profile.params[name];
  const parts: string[] = [];
  const min = spec?.min ?? def.min;
  const max = spec?.max ?? def.max;
  if (def.kind === "number" || def.kind === "integer") {
    const lo = min === undefined ? "−∞" : `${min}`;
    const hi = max === undefined ? "∞" : `${max}`;
    const open = def.exclusiveMin && spec?.min === undefined ? "(" : "[";
    parts.push(`${def.kind === "integer" ? "integer" : "number"} ${open}${lo}, ${hi}]`);
  } else if (def.kind === "stringList") {
    parts.push(spec?.maxItems !== undefined ? `up to ${spec.maxItems} strings` : "list of strings");
  } else if (def.kind === "choice" && def.options) {
    parts.push(def.options.join(" | "));
  } else {
    parts.push(def.kind === "json" ? "JSON" : def.kind);
  }
  if (spec && "default" in spec) parts.push(`default ${JSON.stringify(spec.default)}`);
  return parts.join(", ");
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
