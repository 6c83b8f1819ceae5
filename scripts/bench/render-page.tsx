/**
 * The streaming-render comparison page, bundled by the benchmark only (never by the app), with
 * `?columns=N` answers streaming at once:
 * `?mode=naive` sets state on every token and has react-markdown parse the whole text again on
 * each render; `?mode=batched` does what the playground does, one update a frame into the app's
 * Markdown component, which parses only the block that grows.
 */
import { useEffect, useRef, useState } from "react";
import { createRoot } from "react-dom/client";
import ReactMarkdown from "react-markdown";
import remarkGfm from "remark-gfm";
import { Markdown } from "@/components/chat/Markdown";

const params = new URLSearchParams(location.search);
const naive = params.get("mode") === "naive";
const columns = Math.max(1, Number(params.get("columns") ?? 1));
const PLUGINS = [remarkGfm];

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

function Column({ go }: { go: number }) {
  const [text, setText] = useState("");
  const buffer = useRef("");
  const frame = useRef(0);
  useEffect(() => {
    if (!go) return;
    void stream((d) => {
      if (naive) return setText((t) => t + d);
      buffer.current += d;
      frame.current ||= requestAnimationFrame(() => {
        frame.current = 0;
        setText(buffer.current);
      });
    });
  }, [go]);
  return (
    <article aria-label="assistant" className="min-w-0">
      {naive ? (
        <div data-answer-text>
          <ReactMarkdown remarkPlugins={PLUGINS}>{text}</ReactMarkdown>
        </div>
      ) : (
        <Markdown text={text} growing />
      )}
    </article>
  );
}

function App() {
  const [go, setGo] = useState(0);
  return (
    <section aria-label="Conversation">
      <button type="button" onClick={() => setGo((n) => n + 1)}>
        Send
      </button>
      <div style={{ display: "grid", gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`, gap: 8 }}>
        {Array.from({ length: columns }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed set of columns
          <Column key={i} go={go} />
        ))}
      </div>
    </section>
  );
}

const root = document.getElementById("root");
if (root) createRoot(root).render(<App />);
