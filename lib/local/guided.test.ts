import Ajv2020 from "ajv/dist/2020";
import { beforeAll, describe, expect, it } from "vitest";
import { PERSON_SCHEMA as person } from "./decode/constraints/test-helpers";
import { handleLocalRequest } from "./index";

/**
 * Guided decoding end to end, with the real engines of ./decode/constraints: for many seeds (and
 * temperatures), every output satisfies its constraint, or is cut by max_tokens with
 * finish_reason "length".
 */
const ajv = new Ajv2020({ strict: false });

interface Answer {
  choices: { message: { content: string }; finish_reason: string; index: number }[];
}

async function ask(extra: Record<string, unknown>, n = 8, seed = 1): Promise<Answer> {
  const res = await handleLocalRequest(
    "chat/completions",
    new Request("http://x/v1/chat/completions", {
      method: "POST",
      body: JSON.stringify({
        model: "local-ngram",
        messages: [{ role: "user", content: "Give me a person as JSON." }],
        n,
        seed,
        max_tokens: 200,
        ...extra,
      }),
    }),
  );
  const json = await res.json();
  expect(res.status, JSON.stringify(json)).toBe(200);
  return json as Answer;
}

/** Every choice complete and valid, or cut by max_tokens. */
function check(a: Answer, valid: (text: string) => boolean) {
  for (const c of a.choices) {
    if (c.finish_reason === "length") continue;
    expect(valid(c.message.content), JSON.stringify(c.message.content)).toBe(true);
  }
  expect(a.choices.filter((c) => c.finish_reason === "stop").length).toBeGreaterThan(a.choices.length / 2);
}

beforeAll(() => {
  process.env.LOCAL_MODEL_DELAY_MS = "0";
});

describe("guided decoding (with ./constraints)", () => {
  it("guided_choice: always one of the choices, sampling still random among them", async () => {
    const choices = ["positive", "negative", "neutral"];
    const seen = new Set<string>();
    for (let seed = 0; seed < 10; seed++) {
      const a = await ask({ guided_choice: choices, temperature: 1.5 }, 4, seed);
      check(a, (t) => choices.includes(t));
      for (const c of a.choices) seen.add(c.message.content);
    }
    expect(seen.size).toBeGreaterThan(1);
  });

  it("guided_regex: the whole output matches", async () => {
    for (const pattern of ["[0-9]{4}-[0-9]{2}-[0-9]{2}", "(yes|no)", "[a-z]+@[a-z]+\\.com", "The (model|answer) is [a-z ]{1,30}\\."]) {
      const re = new RegExp(`^(?:${pattern})$`);
      for (let seed = 0; seed < 5; seed++) check(await ask({ guided_regex: pattern, temperature: 1 }, 4, seed), (t) => re.test(t));
    }
  });

  it("guided_json and response_format json_schema: valid against the schema", async () => {
    const validate = ajv.compile(person);
    const ok = (t: string) => {
      try {
        return validate(JSON.parse(t));
      } catch {
        return false;
      }
    };
    for (let seed = 0; seed < 6; seed++) {
      check(await ask({ guided_json: person, temperature: 0.9, top_p: 0.95 }, 4, seed), ok);
      check(await ask({ response_format: { type: "json_schema", json_schema: { name: "person", schema: person } } }, 4, seed), ok);
    }
  });

  it("response_format json_object: a JSON object", async () => {
    const isObject = (t: string) => {
      try {
        const v = JSON.parse(t);
        return typeof v === "object" && v !== null && !Array.isArray(v);
      } catch {
        return false;
      }
    };
    for (let seed = 0; seed < 6; seed++) check(await ask({ response_format: { type: "json_object" }, max_tokens: 300 }, 4, seed), isObject);
  });

  it("a constrained output cut by max_tokens ends with length", async () => {
    const a = await ask({ guided_json: person, max_tokens: 3 }, 2);
    for (const c of a.choices) expect(c.finish_reason).toBe("length");
  });

  it("same seed, same guided output, and beam search under a constraint", async () => {
    const a = await ask({ guided_json: person }, 2, 77);
    const b = await ask({ guided_json: person }, 2, 77);
    expect(b).toMatchObject({ choices: a.choices });
    const beams = await ask({ guided_choice: ["alpha", "beta", "gamma"], use_beam_search: true, best_of: 3 }, 3);
    for (const c of beams.choices) expect(["alpha", "beta", "gamma"]).toContain(c.message.content);
  });

  it("invalid regex or schema is a 400 naming the parameter", async () => {
    for (const [body, param] of [
      [{ guided_regex: "(unclosed" }, "guided_regex"],
      [{ guided_json: { type: "nonsense" } }, "guided_json"],
    ] as const) {
      const res = await handleLocalRequest(
        "chat/completions",
        new Request("http://x/v1/chat/completions", {
          method: "POST",
          body: JSON.stringify({ model: "local-ngram", messages: [{ role: "user", content: "x" }], ...body }),
        }),
      );
      expect(res.status).toBe(400);
      const json = await res.json();
      expect(json.error.param).toContain(param);
    }
  });
});

describe("guided decoding: more than one kind at once", () => {
  it("is a 400", async () => {
    const res = await handleLocalRequest(
      "chat/completions",
      new Request("http://x/v1/chat/completions", {
        method: "POST",
        body: JSON.stringify({ model: "local-ngram", messages: [{ role: "user", content: "x" }], guided_regex: "a", guided_choice: ["a"] }),
      }),
    );
    expect(res.status).toBe(400);
  });
});

describe("guided decoding, decoder side (a test-only choice engine)", () => {
  it("masks every step, streamed and not, and finishes with stop", async () => {
    const { setConstraintCompiler } = await import("./decode/constraint");
    const { fakeChoiceConstraint } = await import("./test-support");
    const choices = ["The model", "The answer", "What", "A token"];
    setConstraintCompiler((req, vocab) => (req.guided_choice ? fakeChoiceConstraint(vocab, req.guided_choice) : null));
    try {
      const body = {
        model: "local-ngram",
        messages: [{ role: "user", content: "x" }],
        guided_choice: choices,
        n: 6,
        seed: 3,
        temperature: 1.2,
      };
      const res = await handleLocalRequest(
        "chat/completions",
        new Request("http://x/v1/chat/completions", { method: "POST", body: JSON.stringify(body) }),
      );
      const full = (await res.json()) as Answer;
      for (const c of full.choices) {
        expect(choices).toContain(c.message.content);
        expect(c.finish_reason).toBe("stop");
      }
      const streamed = await handleLocalRequest(
        "chat/completions",
        new Request("http://x/v1/chat/completions", { method: "POST", body: JSON.stringify({ ...body, stream: true }) }),
      );
      const texts = new Array(6).fill("");
      for (const event of (await streamed.text()).split("\n\n")) {
        const data = event.replace(/^data: /, "");
        if (!data || data === "[DONE]") continue;
        for (const ch of JSON.parse(data).choices) texts[ch.index] += ch.delta.content ?? "";
      }
      expect(texts).toEqual(full.choices.map((c) => c.message.content));
    } finally {
      setConstraintCompiler(null);
    }
  });
});
