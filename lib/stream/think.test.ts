import { describe, expect, it } from "vitest";
import { splitThink, ThinkSplitter } from "./think";

const REASONING = "The user asks for 2 + 2. Adding gives four.";
const CONTENT = `<think>\n${REASONING}\n</think>\n\n2 + 2 = **4**.`;

/** Feeds `text` cut at every given position and joins what came out, checking nothing leaks early. */
function feed(text: string, cuts: number[], checkLeaks = true) {
  const s = new ThinkSplitter();
  let reasoning = "";
  let answer = "";
  let from = 0;
  for (const at of [...cuts, text.length]) {
    const out = s.push(text.slice(from, at));
    reasoning += out.reasoning;
    answer += out.answer;
    if (checkLeaks) {
      expect(answer).not.toContain("<");
      expect(reasoning).not.toContain("</");
    }
    from = at;
  }
  const out = s.end();
  return { reasoning: reasoning + out.reasoning, answer: answer + out.answer };
}

describe("ThinkSplitter", () => {
  it("splits <think> at the start of content, however the tags are cut across chunks", () => {
    for (let a = 0; a <= CONTENT.length; a++) {
      for (const b of [a + 1, a + 3, a + 8]) {
        expect(feed(CONTENT, [a, Math.min(b, CONTENT.length)])).toEqual({ reasoning: REASONING, answer: "2 + 2 = **4**." });
      }
    }
  });

  it("splits when every character is its own chunk", () => {
    expect(
      feed(
        CONTENT,
        Array.from({ length: CONTENT.length }, (_, i) => i),
      ),
    ).toEqual({ reasoning: REASONING, answer: "2 + 2 = **4**." });
  });

  it("streams reasoning before the closing tag arrives, holding back only what may start it", () => {
    const s = new ThinkSplitter();
    expect(s.push("<thi")).toEqual({ reasoning: "", answer: "" });
    expect(s.push("nk>Let me see</th")).toEqual({ reasoning: "Let me see", answer: "" });
    expect(s.push("ink>Yes")).toEqual({ reasoning: "", answer: "Yes" });
  });

  it("leaves content without a leading <think> as it is, even with a tag later on", () => {
    expect(splitThink("Hello <think>x</think>")).toEqual({ reasoning: "", answer: "Hello <think>x</think>", sawThink: false });
    expect(feed("<b>bold</b>", [1, 2], false)).toEqual({ reasoning: "", answer: "<b>bold</b>" });
    expect(splitThink("<thi")).toEqual({ reasoning: "", answer: "<thi", sawThink: false });
  });

  it("keeps an unclosed think (cut by max_tokens) as reasoning, with no answer", () => {
    expect(splitThink("<think>still thinking")).toEqual({ reasoning: "still thinking", answer: "", sawThink: true });
  });
});
