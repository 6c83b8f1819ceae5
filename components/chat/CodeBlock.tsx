"use client";
import { toJsxRuntime } from "hast-util-to-jsx-runtime";
import { memo, useEffect, useMemo, useState } from "react";
import { Fragment, jsx, jsxs } from "react/jsx-runtime";
import { CopyButton } from "@/components/ui/CopyButton";

type Highlighter = typeof import("@/lib/markdown/highlight");

/**
 * The highlighter module once loaded; it is fetched on the first code block shown, then shared.
 * If it cannot be fetched, code stays plain (and the next code block shown tries again).
 */
let loaded: Highlighter | null = null;
let loading: Promise<Highlighter> | null = null;

export function loadHighlighter(): Promise<Highlighter> {
  loading ??= import("@/lib/markdown/highlight").then(
    (m) => {
      loaded = m;
      return m;
    },
    (e: unknown) => {
      loading = null;
      throw e;
    },
  );
  return loading;
}

function useHighlighter(): Highlighter | null {
  const [mod, setMod] = useState(loaded);
  useEffect(() => {
    if (mod) return;
    let live = true;
    loadHighlighter().then(
      (m) => live && setMod(m),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [mod]);
  return mod;
}

/** A fenced code block: highlighted once the highlighter has loaded (plain until then), with a copy button. */
export const CodeBlock = memo(function CodeBlock({ code, lang }: { code: string; lang: string }) {
  const hl = useHighlighter();
  // Elements, not the syntax tree, are kept: the tree is garbage once turned into them.
  const highlighted = useMemo(() => {
    const tree = hl?.highlight(code, lang);
    return tree ? toJsxRuntime(tree, { Fragment, jsx, jsxs }) : null;
  }, [hl, code, lang]);
  return (
    <div className="group relative">
      <div className="flex items-center justify-between rounded-t-md bg-zinc-200 px-2 py-0.5 text-xs text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400">
        <span className="font-mono">{lang || "text"}</span>
        <CopyButton text={code} label="Copy code" />
      </div>
      <pre className="overflow-x-auto rounded-b-md bg-zinc-100 p-2 font-mono text-xs dark:bg-zinc-900" data-lang={lang || undefined}>
        <code className={highlighted ? `hljs language-${lang}` : undefined} data-highlighted={highlighted ? "" : undefined}>
          {highlighted ?? code}
        </code>
      </pre>
    </div>
  );
});
