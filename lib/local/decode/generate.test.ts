import { describe, expect, it } from "vitest";
import { ChoiceGenerator, type GenerationSpec, type Source } from "./generate";
import { localModel } from "../model/model";
import { DEFAULT_SAMPLING, type SamplingParams } from "./sampler";
import { StopBuffer } from "./stop";
import { fakeChoiceConstraint } from "../test-support";
import { EOS_ID } from "../model/tokenizer";

const model = localModel();
const tok = model.tokenizer;

function spec(
  over: Omit<Partial<GenerationSpec>, "sampling"> & { sampling?: Partial<SamplingParams> } = {},
  prompt = "How does the temperature change the answer?",
): GenerationSpec {
  const tokens = tok.encode(prompt);
  return {
    model,
    context: model.contextTable([tokens]),
    start: [EOS_ID, EOS_ID],
    promptSeen: new Set(tokens),
    promptLength: tokens.length,
    maxTokens: 64,
    stop: [],
    constraint: null,
    topLogprobs: null,
    ...over,
    sampling: { ...DEFAULT_SAMPLING, ...over.sampling },
  };
}

function run(src: Source) {
  let text = "";
  let finish = null;
  const events = [];
  while (!src.done) {
    const ev = src.step();
    events.push(ev);
    text += ev.text;
    finish = ev.finish ?? finish;
  }
  return { text, finish, events, generated: src.generated };
}

describe("model", () => {
  it("gives a proper distribution that favours the prompt's words", () => {
    const p = new Float64Array(model.size);
    const prompt = tok.encode("Tell me about yellow and yellow.");
    model.distribution(EOS_ID, EOS_ID, p, model.contextTable([prompt]));
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    const without = new Float64Array(model.size);
    model.distribution(EOS_ID, EOS_ID, without);
    const id = tok.idOf(" yellow")!;
    expect(p[id]!).toBeGreaterThan(without[id]! * 5);
  });
});

describe("generation", () => {
  it("same seed, same output; another seed, another output", () => {
    const a = run(new ChoiceGenerator(spec(), 7)).text;
    expect(run(new ChoiceGenerator(spec(), 7)).text).toBe(a);
    const others = new Set([1, 2, 3, 4, 5].map((s) => run(new ChoiceGenerator(spec(), s)).text));
    expect(others.size).toBeGreaterThan(1);
  });

  it("max_tokens ends with finish_reason length after exactly that many tokens", () => {
    const r = run(new ChoiceGenerator(spec({ maxTokens: 5, sampling: { logitBias: new Map([[EOS_ID, -100]]) } }), 1));
    expect(r.finish).toBe("length");
    expect(r.generated).toBe(5);
  });

  it("joined tokens give exactly the text", () => {
    const r = run(new ChoiceGenerator(spec({ topLogprobs: 2 }), 3));
    const pieces = r.events.flatMap((e) => e.tokens.map((t) => t.piece)).join("");
    expect(pieces).toBe(r.text);
    for (const t of r.events.flatMap((e) => e.tokens)) {
      expect(t.logprob!.top.length).toBe(2);
      expect(t.logprob!.top[0]!.logprob).toBeGreaterThanOrEqual(t.logprob!.top[1]!.logprob);
    }
  });

  it("stops before a stop string that spans tokens, never leaking part of it", () => {
    // Greedy output, then a stop string made of the end of one token and the start of the next.
    const free = run(new ChoiceGenerator(spec({ sampling: { temperature: 0, logitBias: new Map([[EOS_ID, -100]]) } }), 1));
    const toks = free.events.flatMap((e) => e.tokens);
    const at = toks[3]!.offset + toks[3]!.piece.length - 2;
    const stop = free.text.slice(at, at + 4);
    const r = run(
      new ChoiceGenerator(spec({ stop: ["zzzz", stop], sampling: { temperature: 0, logitBias: new Map([[EOS_ID, -100]]) } }), 1),
    );
    expect(r.finish).toBe("stop");
    expect(r.text).toBe(free.text.slice(0, free.text.indexOf(stop)));
    for (const e of r.events) expect(e.text.includes(stop)).toBe(false);
  });

  it("the stop buffer holds back a possible stop prefix and flushes it when it is not one", () => {
    const b = new StopBuffer(["END"]);
    expect(b.push("abc E")).toEqual({ emit: "abc ", stopped: false });
    expect(b.push("N")).toEqual({ emit: "", stopped: false });
    expect(b.push("x")).toEqual({ emit: "ENx", stopped: false });
    expect(b.push("yE")).toEqual({ emit: "y", stopped: false });
    expect(b.push("ND more")).toEqual({ emit: "", stopped: true });
    const c = new StopBuffer(["\n\n"]);
    c.push("a\n");
    expect(c.flush()).toBe("\n");
  });

  it("n choices with derived seeds are independent", () => {
    const texts = [11, 12, 13, 14].map((s) => run(new ChoiceGenerator(spec({ maxTokens: 20 }), s)).text);
    expect(new Set(texts).size).toBeGreaterThan(2);
  });

  it("a constraint is satisfied for every seed, and sampling still applies inside it", () => {
    const choices = ["The model", "The answer", "What", "A token"];
    const seen = new Set<string>();
    for (let seed = 0; seed < 60; seed++) {
      const r = run(new ChoiceGenerator(spec({ constraint: fakeChoiceConstraint(tok, choices) }), seed));
      expect(choices).toContain(r.text);
      expect(r.finish).toBe("stop");
      seen.add(r.text);
    }
    expect(seen.size).toBeGreaterThan(1);
    // Greedy follows the model's argmax inside the mask: the same choice for every seed.
    const greedy = [1, 2, 3].map(
      (seed) => run(new ChoiceGenerator(spec({ constraint: fakeChoiceConstraint(tok, choices), sampling: { temperature: 0 } }), seed)).text,
    );
    expect(new Set(greedy).size).toBe(1);
    expect(choices).toContain(greedy[0]);
  });

  it("a constrained output cut by max_tokens ends with length", () => {
    const r = run(new ChoiceGenerator(spec({ maxTokens: 2, constraint: fakeChoiceConstraint(tok, ["a b c d e f g h"]) }), 1));
    expect(r.finish).toBe("length");
    expect("a b c d e f g h".startsWith(r.text)).toBe(true);
  });
});
