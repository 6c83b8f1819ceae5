/**
 * JSON values as source-code literals. A JSON string literal is also a valid JavaScript and Python
 * string literal with the same value (quotes, backslashes, control characters and lone surrogates
 * come out as escapes; other non-ASCII stays as it is, which both languages read as UTF-8 source),
 * so strings go through JSON.stringify in both. What differs is keys, null and booleans.
 */
/**
 * A string literal for both languages. U+2028 and U+2029 are legal inside strings in both, but
 * editors show them as line breaks, so they are escaped too.
 */
export function stringLiteral(s: string): string {
  return JSON.stringify(s).replaceAll("\u2028", "\\u2028").replaceAll("\u2029", "\\u2029");
}

export interface Dialect {
  key(name: string): string;
  literal(value: null | boolean): string;
  /** A one-line object from its rendered `key: value` fields. */
  flatObject(fields: string[]): string;
  /** One level of indentation (PEP 8 wants four spaces, JavaScript style two). */
  step: string;
}

const JS_IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export const JS: Dialect = {
  // A plain "__proto__" key in a literal sets the prototype instead of a field; computed keeps it a field.
  key: (name) => (name === "__proto__" ? '["__proto__"]' : JS_IDENTIFIER.test(name) ? name : stringLiteral(name)),
  literal: (v) => JSON.stringify(v),
  flatObject: (fields) => (fields.length === 0 ? "{}" : `{ ${fields.join(", ")} }`),
  step: "  ",
};

export const PYTHON: Dialect = {
  key: (name) => stringLiteral(name),
  literal: (v) => (v === null ? "None" : v ? "True" : "False"),
  flatObject: (fields) => `{${fields.join(", ")}}`,
  step: "    ",
};

/** Lines longer than this are broken over several lines. */
const WIDTH = 100;

/** `value` as a literal; `indent` is the indentation of the line it starts on. */
export function renderLiteral(value: unknown, dialect: Dialect, indent = ""): string {
  const flat = renderFlat(value, dialect);
  if (flat.length + indent.length <= WIDTH || !isContainer(value)) return flat;
  const inner = `${indent}${dialect.step}`;
  if (Array.isArray(value)) {
    const items = value.map((v) => `${inner}${renderLiteral(v, dialect, inner)},`);
    return `[\n${items.join("\n")}\n${indent}]`;
  }
  const fields = Object.entries(value as Record<string, unknown>).map(
    ([k, v]) => `${inner}${dialect.key(k)}: ${renderLiteral(v, dialect, inner)},`,
  );
  return `{\n${fields.join("\n")}\n${indent}}`;
}

function renderFlat(value: unknown, dialect: Dialect): string {
  if (value === null || typeof value === "boolean") return dialect.literal(value);
  if (typeof value === "string") return stringLiteral(value);
  if (typeof value === "number") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => renderFlat(v, dialect)).join(", ")}]`;
  if (typeof value === "object") {
    return dialect.flatObject(Object.entries(value).map(([k, v]) => `${dialect.key(k)}: ${renderFlat(v, dialect)}`));
  }
  // Only JSON values reach here (snippetBody re-reads the body from its JSON text).
  return dialect.literal(null);
}

function isContainer(value: unknown): boolean {
  return typeof value === "object" && value !== null && (Array.isArray(value) ? value.length > 0 : Object.keys(value).length > 0);
}

/** A word for POSIX shells: single quotes keep `$`, backticks, `\` and `"` literal; `'` becomes '\''. */
export function shellQuote(word: string): string {
  if (/^[A-Za-z0-9_./:@%+=,-]+$/.test(word)) return word;
  return `'${word.replaceAll("'", `'\\''`)}'`;
}
