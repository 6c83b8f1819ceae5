/**
 * The streaming-render comparison page, bundled by the benchmark only (never by the app):
 * `?mode=naive` sets state on every token and parses the whole Markdown again each render;
 * `?mode=batched` does what the playground does, one update a frame into the app's Markdown
 * component, which parses only the block that grows.
 */
import { useRef, useState } from "react";
import { createRoot } from "react-dom/client";
import { Markdown } from "@/components/chat/Markdown";
import { type Block, type Inline, parseBlock, splitBlocks } from "@/lib/client/markdown";

const naive = new URLSearchParams(location.search).get("mode") === "naive";

const plain = (xs: Inline[]): string => xs.map((x) => ("v" in x ? x.v : "c" in x ? plain(x.c) : "\n")).join("");

function blockText(b: Block): string {
  if (b.t === "code") return b.v;
  if (b.t === "list") return b.items.map(plain).join("\n");
  return "c" in b ? plain(b.c) : "";
}

function NaiveMarkdown({ text }: { text: string }) {
  const blocks = splitBlocks(text).map(parseBlock);
  return (
    <div>
      {blocks.map((b, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rebuilt as a whole on every token, on purpose
        <p key={i}>{blockText(b)}</p>
      ))}
    </div>
  );
}

async function stream(onDelta: (d: string) => void) {
  const res = await fetch("/v1/chat/completions", { method: "POST", body: "{}" });
  const reader = res.body?.pipeThrough(new TextDecoderStream()).getReader();
  let rest = "";
  for (;;) {
    const next = await reader?.read();
    if (!next || next.done) return;
    rest += next.value;
    const events = rest.split("\n\n");
    rest = events.pop() ?? "";
    for (const e of events) {
      const data = e.slice(6);
      if (data !== "[DONE]") onDelta(JSON.parse(data).choices[0].delta.content ?? "");
    }
  }
}

function App() {
  const [text, setText] = useState("");
  const buffer = useRef("");
  const frame = useRef(0);
  const send = () => {
    void stream((d) => {
      if (naive) return setText((t) => t + d);
      buffer.current += d;
      frame.current ||= requestAnimationFrame(() => {
        frame.current = 0;
        setText(buffer.current);
      });
    });
  };
  return (
    <section aria-label="Conversation">
      <button type="button" onClick={send}>
        Send
      </button>
      <article aria-label="assistant">{naive ? <NaiveMarkdown text={text} /> : <Markdown text={text} growing />}</article>
    </section>
  );
}

const root = document.getElementById("root");
if (root) createRoot(root).render(<App />);
