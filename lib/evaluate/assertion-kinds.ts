import type { Assertion, AssertionKind } from "./assertion-schema";

/** Every kind with its label in the picker and a new assertion of that kind (no zod, for the page). */
export const ASSERTION_KINDS: { kind: AssertionKind; label: string }[] = [
  { kind: "contains", label: "Contains" },
  { kind: "not-contains", label: "Does not contain" },
  { kind: "equals-expected", label: "Equals expected" },
  { kind: "regex", label: "Matches regex" },
  { kind: "json-valid", label: "JSON valid" },
  { kind: "json-schema", label: "JSON Schema holds" },
  { kind: "tool-call", label: "Calls a tool" },
  { kind: "finish-reason", label: "finish_reason is" },
  { kind: "length", label: "Answer length within" },
  { kind: "latency", label: "Latency below" },
  { kind: "tokens", label: "Tokens below" },
  { kind: "expression", label: "JavaScript expression" },
];

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
      return `Contains ${quote(a.value)}${a.ignoreCase ? " (any case)" : ""}`;
    case "not-contains":
      return `Does not contain ${quote(a.value)}${a.ignoreCase ? " (any case)" : ""}`;
    case "equals-expected":
      return "Equals expected";
    case "regex":
      return `Matches /${a.pattern}/${a.flags}`;
    case "json-valid":
      return "JSON valid";
    case "json-schema":
      return "JSON Schema holds";
    case "tool-call":
      return `Calls tool ${a.functionName || "(any)"}${a.schema.trim() ? " with valid arguments" : ""}`;
    case "finish-reason":
      return `finish_reason is ${a.value}`;
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
