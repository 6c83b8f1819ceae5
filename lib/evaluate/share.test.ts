import { describe, expect, it } from "vitest";
import { newAssertion } from "./assertion-kinds";
import { MAX_SHARED_CASES_TEXT } from "./limits";
import type { Evaluation } from "./schema";
import { initialEvaluation } from "./state";
import { decodeShare, describePayload, encodeShare } from "../share";
import { emptySession } from "../session/empty";
import { evaluationFromPayload, evaluationPayload } from "./share";

const session = {
  ...emptySession("local", "local-ngram"),
  messages: [{ id: "m", role: "user" as const, content: "About {{topic}}" }],
  extraBody: '{"openai_api_key": "sk-live-abcdefghijklmnop"}',
};
const ev: Evaluation = {
  ...initialEvaluation(session),
  repeats: 3,
  casesText: "topic\ntides\nmoons\n",
  assertions: [newAssertion("json-valid")],
};

describe("evaluation share links", () => {
  it("carry the definition through a link, keys left out", async () => {
    const fragment = await encodeShare(evaluationPayload(ev).payload);
    const back = await decodeShare(fragment);
    if (!back.ok) throw new Error(back.error);
    expect(back.value.kind).toBe("evaluate");
    const opened = evaluationFromPayload(back.value, initialEvaluation(emptySession()));
    expect(opened.casesText).toBe(ev.casesText);
    expect(opened.assertions).toEqual(ev.assertions);
    expect(opened.targets).toEqual(ev.targets);
    expect(opened.repeats).toBe(3);
    expect(opened.session.extraBody).not.toContain("sk-live");
    expect(describePayload(back.value)[0]).toBe("Evaluation on 1 target × 3 repeats, 1 assertion, cases text of 3 lines:");
  });

  it("leave out cases longer than a link should carry", () => {
    const big = { ...ev, casesText: `topic\n${"x".repeat(MAX_SHARED_CASES_TEXT)}` };
    const { payload, casesLeftOut } = evaluationPayload(big);
    expect(casesLeftOut).toBe(true);
    expect(payload.kind === "evaluate" && payload.casesText).toBe("");
  });

  it("a compare link gives the template and targets, keeping cases and assertions", () => {
    const columns = [ev.targets[0]!, { ...ev.targets[0]!, id: "t-2", model: "other" }];
    const opened = evaluationFromPayload({ kind: "compare", session: emptySession(), columns }, ev);
    expect(opened.targets.map((t) => t.model)).toEqual(["local-ngram", "other"]);
    expect(opened.casesText).toBe(ev.casesText);
  });
});
