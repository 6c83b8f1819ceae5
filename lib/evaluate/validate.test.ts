import { describe, expect, it } from "vitest";
import { emptySession } from "../session/empty";
import { newAssertion } from "./assertion-kinds";
import type { Assertion } from "./assertion-schema";
import type { Evaluation } from "./schema";
import { expressionProblem, validateEvaluation } from "./validate";

const column = (id: string, patch: Partial<Evaluation["targets"][number]> = {}) => ({
  id,
  providerId: "local" as const,
  model: "local-ngram",
  baseUrl: "",
  params: {},
  ...patch,
});

function evaluation(patch: Partial<Evaluation> = {}): Evaluation {
  return {
    version: 1,
    session: {
      ...emptySession("local", "local-ngram"),
      systemPrompt: "Answer about {{topic}}.",
      messages: [{ id: "m1", role: "user", content: "Tell me about {{topic}} in {{lang}}." }],
    },
    targets: [column("t1"), column("t2")],
    repeats: 3,
    casesText: "topic,lang\ntides,English\nmoons,French\n",
    assertions: [newAssertion("json-valid")],
    ...patch,
  };
}

const hasKey = () => true;
const check = (ev: Evaluation, keys: (id: string) => boolean = hasKey) => validateEvaluation(ev, { hasKey: keys });
const withAssertion = (patch: Partial<Assertion>) => ({ ...newAssertion(patch.kind ?? "regex"), ...patch }) as Assertion;

describe("validation before sending", () => {
  it("a sound evaluation has no errors and counts its requests", async () => {
    const r = await check(evaluation());
    expect(r.errors).toEqual([]);
    expect(r.cases).toHaveLength(2);
    expect(r.requests).toBe(12);
  });

  it("names an unknown variable and a case missing one", async () => {
    expect((await check(evaluation({ casesText: "topic\ntides" }))).errors).toEqual([
      "The template uses {{lang}}, but no case has a 'lang' column.",
    ]);
    const jsonl = '{"topic":"a","lang":"en"}\n{"topic":"b"}\n{"topic":"c"}';
    expect((await check(evaluation({ casesText: jsonl }))).errors).toEqual(["The cases on lines 2, 3 have no value for {{lang}}."]);
  });

  it("asks for cases when the template has variables, runs once without", async () => {
    expect((await check(evaluation({ casesText: "" }))).errors[0]).toBe(
      "No cases: paste or load rows with a column for each variable ({{topic}}, {{lang}}).",
    );
    const plain = evaluation({
      casesText: "",
      session: { ...evaluation().session, systemPrompt: "", messages: [{ id: "m", role: "user", content: "Hi" }] },
    });
    const r = await check(plain);
    expect(r.errors).toEqual([]);
    expect(r.requests).toBe(6);
  });

  it("reports bad rows as warnings (they are left out) and unused columns", async () => {
    const r = await check(evaluation({ casesText: "topic,lang,extra\ntides,en,1\nbroken\n" }));
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([
      "Line 3: 1 field; the header has 3. That row was left out.",
      "The template does not use the column 'extra'.",
    ]);
  });

  it("names an invalid regex, schema or expression", async () => {
    const assertions = [
      withAssertion({ kind: "regex", pattern: "(", flags: "" }),
      withAssertion({ kind: "regex", pattern: "a", flags: "q" }),
      withAssertion({ kind: "json-schema", schema: "{nope" }),
      withAssertion({ kind: "json-schema", schema: '{"type": "banana"}' }),
      withAssertion({ kind: "tool-call", functionName: "f", schema: '{"minimum": "x"}' }),
      withAssertion({ kind: "expression", code: "import('http://x')" }),
      withAssertion({ kind: "length", min: 5, max: 2 }),
    ];
    const { errors } = await check(evaluation({ assertions }));
    expect(errors).toHaveLength(7);
    expect(errors[0]).toMatch(/^Assertion 1 \(Matches \/\(\/\): invalid regex: /);
    expect(errors[1]).toMatch(/^Assertion 2 .*invalid regex/);
    expect(errors[2]).toMatch(/^Assertion 3 \(JSON Schema holds\): the schema is not valid JSON/);
    expect(errors[3]).toMatch(/^Assertion 4 \(JSON Schema holds\): not a valid JSON Schema/);
    expect(errors[4]).toMatch(/^Assertion 5 \(Calls tool f with valid arguments\): not a valid JSON Schema/);
    expect(errors[5]).toBe("Assertion 6 (Expression “import('http://x')”): the expression may not use import.");
    expect(errors[6]).toBe("Assertion 7 (Length 5–2 characters): the minimum (5) is above the maximum (2).");
  });

  it("equals expected needs an expected value in every case", async () => {
    const assertions = [newAssertion("equals-expected")];
    expect((await check(evaluation({ assertions }))).errors).toEqual([
      "'Equals expected' needs an expected column; the cases on lines 2, 3 have none.",
    ]);
    expect((await check(evaluation({ assertions, casesText: "topic,lang,expected\na,b,c" }))).errors).toEqual([]);
  });

  it("names a target that cannot be sent and a provider without a key", async () => {
    const targets = [
      column("t1"),
      column("t2", { providerId: "custom", model: "", baseUrl: "" }),
      column("t3", { providerId: "openai", model: "gpt-4o-mini" }),
    ];
    const { errors } = await check(evaluation({ targets }), (id) => id !== "openai");
    expect(errors).toContain("Target 2 (Custom (OpenAI-compatible)) has no model.");
    expect(errors).toContain("Target 2 (Custom (OpenAI-compatible)) needs a base URL.");
    expect(errors.some((e) => e.startsWith("No API key for OpenAI"))).toBe(true);
  });

  it("an empty template is refused", async () => {
    const r = await check(evaluation({ session: emptySession("local", "local-ngram"), casesText: "" }));
    expect(r.errors).toContain("The template has no messages: add a user message (it may use {{variables}}).");
  });

  it("expressionProblem refuses import as a word only", () => {
    expect(expressionProblem("important > 1")).toBeNull();
    expect(expressionProblem("  ")).toBe("the expression is empty.");
  });
});
