import type { Assertion, AssertionKind } from "./assertion-schema";

/** Each kind's label in the picker; a Record, so a kind added to the schema without a label does not compile. */
const LABELS: Record<AssertionKind, string> = {
  contains: "Contains",
  "not-contains": "Does not contain",
  "equals-expected": "Equals expected",
  regex: "Matches regex",
  "json-valid": "JSON valid",
  "json-schema": "JSON Schema holds",
  "tool-call": "Calls a tool",
  "finish-reason": "finish_reason is",
  length: "Answer length within",
  latency: "Latency below",
  tokens: "Tokens below",
  expression: "JavaScript expression",
};

/** Every kind with its label, in the picker's order (no zod, for the page). */
export const ASSERTION_KINDS = (Object.keys(LABELS) as AssertionKind[]).map((kind) => ({ kind, label: LABELS[kind] }));

let counter = 0;
export function newAssertion(kind: AssertionKind): Assertion {
  counter++;
  const id = `a-${Date.now().toString(36)}-${counter}`;
  const b = { id, name: "" };
  switch (kind) {
    case "contains":
    case "not-contains":
      return { ...b, kind, value: "", ignoreCase: false };
    case "equals-expected":
      return { ...b, kind, trim: true };
    case "regex":
      return { ...b, kind, pattern: "", flags: "" };
    case "json-valid":
      return { ...b, kind };
    case "json-schema":
      return { ...b, kind, schema: '{"type": "object"}' };
    case "tool-call":
      return { ...b, kind, functionName: "", schema: "" };
    case "finish-reason":
      return { ...b, kind, value: "stop" };
    case "length":
      return { ...b, kind, min: null, max: 1000 };
    case "latency":
      return { ...b, kind, measure: "total", maxMs: 2000 };
    case "tokens":
      return { ...b, kind, maxTokens: 500 };
    case "expression":
      return { ...b, kind, code: "output.length > 0" };
  }
}

const quote = (s: string) => `“${s.length > 40 ? `${s.slice(0, 40)}…` : s}”`;

/** The assertion's name: the user's, else one read from its settings ("Latency (total) < 2000 ms"). */
export function assertionName(a: Assertion): string {
  if (a.name.trim() !== "") return a.name.trim();
  switch (a.kind) {
    case "contains":
    case "not-contains":
      return `${LABELS[a.kind]} ${quote(a.value)}${a.ignoreCase ? " (any case)" : ""}`;
    case "equals-expected":
    case "json-valid":
    case "json-schema":
      return LABELS[a.kind];
    case "regex":
      return `Matches /${a.pattern}/${a.flags}`;
    case "tool-call":
      return `Calls tool ${a.functionName || "(any)"}${a.schema.trim() ? " with valid arguments" : ""}`;
    case "finish-reason":
      return `${LABELS[a.kind]} ${a.value}`;
    case "length":
      return `Length ${a.min ?? 0}–${a.max ?? "∞"} characters`;
    case "latency":
      return `Latency (${a.measure === "ttft" ? "TTFT" : "total"}) < ${a.maxMs} ms`;
    case "tokens":
      return `Completion tokens < ${a.maxTokens}`;
    case "expression":
      return `Expression ${quote(a.code)}`;
  }
}
