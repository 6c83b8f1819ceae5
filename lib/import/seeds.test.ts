import { describe, expect, it } from "vitest";
import { PLACEHOLDER_DROPPED } from "./headers";
import { importText } from "./import-text";
import { curlExamples, seedPage as seed } from "./testing/seeds";

function load(text: string) {
  const r = importText(text);
  if (!r.ok) throw new Error(r.error);
  return r;
}

describe("importing the seed pages' curl examples", () => {
  it("Horay: provider, model, every parameter, and the '\\'' inside the message", () => {
    const [example] = curlExamples(seed("001_09a2e7a3845b603c.txt"));
    const r = load(example!);
    expect(r.session).toMatchObject({ providerId: "horay", baseUrl: "", model: "meta-llama/Meta-Llama-3.1-8B-Instruct", mode: "chat" });
    expect(r.session.messages[0]?.content).toContain("Horay.ai's Blazing Fast");
    expect(r.session.params).toEqual({
      stream: { enabled: true, value: false },
      max_tokens: { enabled: true, value: 512 },
      // The page's `"stop": ["<string>"]` is a placeholder: imported unticked, with a notice.
      stop: { enabled: false, value: ["<string>"] },
      temperature: { enabled: true, value: 0.7 },
      top_p: { enabled: true, value: 0.7 },
      top_k: { enabled: true, value: 50 },
      frequency_penalty: { enabled: true, value: 0.5 },
      n: { enabled: true, value: 1 },
    });
    expect(r.notices).toEqual([PLACEHOLDER_DROPPED, expect.stringContaining('stop held ["<string>"], a placeholder')]);
  });

  it("Avangenio: provider at its default base URL, system prompt and user message", () => {
    const [example] = curlExamples(seed("002_523610732093837d.txt"));
    const r = load(example!);
    expect(r.session).toMatchObject({
      providerId: "avangenio",
      baseUrl: "",
      model: "radiance",
      systemPrompt: "You are a helpful assistant.",
      messages: [{ id: "m1", role: "user", content: "How many days are in a year?" }],
      params: {},
      extraBody: "",
    });
    expect(r.notices).toEqual([PLACEHOLDER_DROPPED]);
  });

  // biome-ignore lint/suspicious/noTemplateCurlyInString: names the seed's ${API_KEY} form
  it("Netmind: both examples, with $'…' quoting and ${API_KEY}", () => {
    const page = seed("003_51d6b7c4e3b507cf.txt");
    const [chat, completions] = curlExamples(page);
    const c = load(chat!);
    expect(c.session).toMatchObject({
      providerId: "netmind",
      model: "meta-llama/Meta-Llama-3.1-8B-Instruct",
      mode: "chat",
      systemPrompt: "Act like you are a helpful assistant.",
      messages: [{ id: "m1", role: "user", content: "Hi there!" }],
      params: { max_tokens: { enabled: true, value: 512 } },
    });
    expect(c.notices).toEqual([PLACEHOLDER_DROPPED]);
    const p = load(completions!);
    expect(p.session).toMatchObject({ providerId: "netmind", mode: "completions", params: { max_tokens: { enabled: true, value: 512 } } });
    // $'…' turns \\n into \n, which JSON then reads as a newline.
    expect(p.session.prompt).toContain("assistant.\n You are a cooking assistant.\n Be edgy");
  });

  it("Neyra: its page has no curl, so one is built from its endpoint line and Python example", () => {
    const page = seed("000_cd4a72737f7da4a1.txt");
    const endpoint = /POST (https:\S+)/.exec(page)![1]!;
    const baseUrl = /base_url="([^"]+)"/.exec(page)![1]!;
    const model = /model="([^"]+)"/.exec(page)![1]!;
    const body = `{"model": "${model}", "stream": true, "messages": [{"role": "user", "content": "Hi"}]}`;
    const fromEndpoint = load(`curl ${endpoint} -H "Authorization: Bearer $NEYRA_API_KEY" -d '${body}'`);
    expect(fromEndpoint.session).toMatchObject({
      providerId: "neyra",
      baseUrl: "https://api.neyratech.com/v1",
      model: "neyra/1D",
      messages: [{ id: "m1", role: "user", content: "Hi" }],
      params: { stream: { enabled: true, value: true } },
    });
    expect(fromEndpoint.notices).toEqual([
      expect.stringContaining("other documented base URL https://api.neyratech.com/v1 was chosen"),
      PLACEHOLDER_DROPPED,
    ]);
    expect(load(`curl ${baseUrl}/chat/completions -d '${body}'`).session).toMatchObject({ providerId: "neyra", baseUrl: "" });
  });

  it("Telnyx: its page names only the path; the documented host and fields import, openai_api_key is dropped", () => {
    const page = seed("004_00ce6cf8c44140ab.txt");
    expect(page).toContain("/ai/chat/completions");
    const body = {
      model: "mistralai/Mistral-7B-Instruct-v0.1",
      messages: [{ role: "user", content: "Pick one" }],
      guided_choice: ["a", "b"],
      min_p: 0.1,
      use_beam_search: true,
      best_of: 2,
      openai_api_key: "<key>",
    };
    const r = load(
      `curl https://api.telnyx.com/v2/ai/chat/completions -H 'Authorization: Bearer <token>' --data '${JSON.stringify(body)}'`,
    );
    expect(r.session).toMatchObject({ providerId: "telnyx", model: "mistralai/Mistral-7B-Instruct-v0.1", extraBody: "" });
    expect(Object.keys(r.session.params).sort()).toEqual(["best_of", "guided_choice", "min_p", "use_beam_search"]);
    expect(r.notices.join(" ")).toContain(
      "The openai_api_key field was dropped; keys are never stored. Type it into the openai_api_key field",
    );
  });
});
