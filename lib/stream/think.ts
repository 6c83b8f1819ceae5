/**
 * Splits `<think>…</think>` at the start of content (Qwen3, DeepSeek-R1 served raw by llama.cpp
 * or Ollama without a reasoning parser) from the answer, fed piece by piece as deltas arrive:
 * a tag may be cut anywhere between chunks. Text is held back only while it may still be the
 * start of a tag; everything else is reported at once so the view keeps streaming.
 */
const OPEN = "<think>";
const CLOSE = "</think>";

export interface ThinkOutput {
  reasoning: string;
  answer: string;
}

export class ThinkSplitter {
  private state: "start" | "opened" | "think" | "after" | "answer" = "start";
  private held = "";
  /** Whether a `<think>` opened the content. */
  sawThink = false;

  push(text: string): ThinkOutput {
    const out: ThinkOutput = { reasoning: "", answer: "" };
    this.feed(text, out);
    return out;
  }

  /** The content ended: what was held back is reasoning (an unclosed think) or answer. */
  end(): ThinkOutput {
    const out: ThinkOutput = { reasoning: "", answer: "" };
    if (this.state === "think") out.reasoning = this.held;
    else if (this.state === "start") out.answer = this.held;
    this.held = "";
    return out;
  }

  private feed(text: string, out: ThinkOutput): void {
    if (this.state === "answer") {
      out.answer += text;
      return;
    }
    const buf = this.held + text;
    this.held = "";
    if (this.state === "start") {
      const t = buf.trimStart();
      if (t.length < OPEN.length && OPEN.startsWith(t)) {
        this.held = buf;
        return;
      }
      if (!t.startsWith(OPEN)) {
        this.state = "answer";
        out.answer += buf;
        return;
      }
      this.state = "opened";
      this.sawThink = true;
      this.feed(t.slice(OPEN.length), out);
      return;
    }
    if (this.state === "opened") {
      // The line break after <think> is not reasoning.
      const t = buf.trimStart();
      if (t !== "") {
        this.state = "think";
        this.feed(t, out);
      }
      return;
    }
    if (this.state === "think") {
      const at = buf.indexOf(CLOSE);
      if (at !== -1) {
        out.reasoning += buf.slice(0, at).replace(/\s+$/, "");
        this.state = "after";
        this.feed(buf.slice(at + CLOSE.length), out);
        return;
      }
      const keep = heldSuffix(buf);
      out.reasoning += buf.slice(0, buf.length - keep);
      this.held = buf.slice(buf.length - keep);
      return;
    }
    // Just after </think>: the blank lines that separate it from the answer are not the answer.
    const t = buf.trimStart();
    if (t !== "") {
      this.state = "answer";
      out.answer += t;
    }
  }
}

/** Length of the longest end of `buf` that could begin `</think>` (or trailing whitespace before it). */
function heldSuffix(buf: string): number {
  for (let n = Math.min(CLOSE.length - 1, buf.length); n > 0; n--) {
    if (CLOSE.startsWith(buf.slice(buf.length - n))) return n + trailingSpace(buf.slice(0, buf.length - n));
  }
  return trailingSpace(buf);
}

function trailingSpace(s: string): number {
  return s.length - s.replace(/\s+$/, "").length;
}

/** Splits a whole (non-streamed) content at once. */
export function splitThink(content: string): ThinkOutput & { sawThink: boolean } {
  const s = new ThinkSplitter();
  const a = s.push(content);
  const b = s.end();
  return { reasoning: a.reasoning + b.reasoning, answer: a.answer + b.answer, sawThink: s.sawThink };
}
