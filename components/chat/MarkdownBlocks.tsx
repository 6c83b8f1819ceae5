"use client";
import type { Element } from "hast";
import { memo, useRef } from "react";
import ReactMarkdown, { type Components, defaultUrlTransform } from "react-markdown";
import remend from "remend";
import remarkGfm from "remark-gfm";
import { type BlockCache, splitGrowing } from "@/lib/markdown/blocks";
import { CodeBlock } from "./CodeBlock";

/**
 * The Markdown view proper, loaded on first use by ./Markdown.tsx: react-markdown with GFM
 * (tables, task lists, strikethrough, autolinks). Raw HTML in the text is shown as text, never
 * rendered; links other than http(s), mailto and relative ones lose their href. The text is cut
 * into blocks (lib/markdown/blocks.ts), each a memoized component: while tokens arrive
 * only the last block is parsed and rendered again, after remend closes what is still open in it
 * (`**bold`, `` `code ``, a half link) so it does not flash raw markers.
 */
export default function MarkdownBlocks({ text, growing = false }: { text: string; growing?: boolean }) {
  const blocks = useBlocks(text);
  const last = blocks.length - 1;
  return (
    <div data-answer-text className="flex min-w-0 flex-col gap-2 break-words text-sm leading-relaxed">
      {blocks.map((src, i) => {
        const open = growing && i === last;
        // While tokens arrive, a long growing block is shown as text: parsing it again on every
        // frame costs time in proportion to its length, and several columns stream at once.
        if (open && src.length > GROWING_PLAIN_AFTER) {
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: blocks only grow at the end; position is their identity
            <p key={i} className="whitespace-pre-wrap">
              {src}
            </p>
          );
        }
        // biome-ignore lint/suspicious/noArrayIndexKey: as above
        return <MarkdownBlock key={i} src={open ? heal(src) : src} />;
      })}
    </div>
  );
}

/** Characters after which a block still growing is shown as plain text until it is complete. */
const GROWING_PLAIN_AFTER = 2_000;

/** A half-typed link shows its text only, never a placeholder URL. */
const REMEND = { linkMode: "text-only" } as const;
/** remend takes an `_` in a bare URL still arriving for the start of italics, and would close it. */
const REMEND_IN_URL = { ...REMEND, italic: false } as const;
const ENDS_IN_URL = /(?:https?:\/\/|www\.)\S*$/;

function heal(src: string): string {
  return remend(src, ENDS_IN_URL.test(src) ? REMEND_IN_URL : REMEND);
}

function useBlocks(text: string): string[] {
  const cache = useRef<BlockCache | null>(null);
  const next = splitGrowing(text, cache.current);
  cache.current = next;
  return next.blocks.map((b) => b.src);
}

const PLUGINS = [remarkGfm];

const MarkdownBlock = memo(function MarkdownBlock({ src }: { src: string }) {
  return (
    <ReactMarkdown remarkPlugins={PLUGINS} components={COMPONENTS} urlTransform={safeUrl}>
      {src}
    </ReactMarkdown>
  );
});

/** react-markdown's own rule (http, https, mailto, irc, xmpp and relative URLs); anything else is dropped. */
function safeUrl(url: string): string | null {
  return defaultUrlTransform(url) || null;
}

/** The text and language of a fenced block from its hast `pre > code` element. */
function codeOf(pre: Element | undefined): { code: string; lang: string } {
  const code = pre?.children.find((c): c is Element => c.type === "element" && c.tagName === "code");
  const cls = code?.properties.className;
  const first = Array.isArray(cls) ? cls.find((c) => String(c).startsWith("language-")) : undefined;
  const text = (code?.children ?? []).map((c) => (c.type === "text" ? c.value : "")).join("");
  return { code: text.replace(/\n$/, ""), lang: first ? String(first).slice("language-".length) : "" };
}

const HEADING = "font-semibold leading-snug";

const COMPONENTS: Components = {
  h1: ({ node: _, ...p }) => <h1 className={`${HEADING} text-xl`} {...p} />,
  h2: ({ node: _, ...p }) => <h2 className={`${HEADING} text-lg`} {...p} />,
  h3: ({ node: _, ...p }) => <h3 className={`${HEADING} text-base`} {...p} />,
  h4: ({ node: _, ...p }) => <h4 className={`${HEADING} text-sm`} {...p} />,
  h5: ({ node: _, ...p }) => <h5 className={`${HEADING} text-sm`} {...p} />,
  h6: ({ node: _, ...p }) => <h6 className={`${HEADING} text-sm text-zinc-600 dark:text-zinc-400`} {...p} />,
  p: ({ node: _, ...p }) => <p className="my-1" {...p} />,
  ul: ({ node: _, className, ...p }) => <ul className={className === "contains-task-list" ? "pl-1" : "list-disc pl-6"} {...p} />,
  ol: ({ node: _, ...p }) => <ol className="list-decimal pl-6" {...p} />,
  li: ({ node: _, className, ...p }) => <li className={className === "task-list-item" ? "list-none" : undefined} {...p} />,
  blockquote: ({ node: _, ...p }) => (
    <blockquote className="border-l-4 border-zinc-300 pl-3 text-zinc-600 dark:border-zinc-700 dark:text-zinc-400" {...p} />
  ),
  hr: () => <hr className="border-zinc-300 dark:border-zinc-700" />,
  table: ({ node: _, ...p }) => (
    <div className="overflow-x-auto">
      <table className="border-collapse text-left text-xs" {...p} />
    </div>
  ),
  th: ({ node: _, ...p }) => (
    <th className="border border-zinc-300 bg-zinc-100 px-2 py-1 font-semibold dark:border-zinc-700 dark:bg-zinc-800" {...p} />
  ),
  td: ({ node: _, ...p }) => <td className="border border-zinc-300 px-2 py-1 dark:border-zinc-700" {...p} />,
  a: ({ node: _, href, children }) =>
    href ? (
      <a href={href} target="_blank" rel="noopener noreferrer nofollow" className="text-indigo-600 underline dark:text-indigo-400">
        {children}
      </a>
    ) : (
      <span>{children}</span>
    ),
  // An image is not fetched from wherever the answer points (that would tell a third party the
  // answer was read): it shows as a link to its address.
  img: ({ src, alt }) =>
    typeof src === "string" && src ? (
      <a href={src} target="_blank" rel="noopener noreferrer nofollow" className="text-indigo-600 underline dark:text-indigo-400">
        {`image: ${alt || src}`}
      </a>
    ) : (
      <span>{alt}</span>
    ),
  code: ({ node: _, ...p }) => <code className="rounded bg-zinc-100 px-1 font-mono text-[0.85em] dark:bg-zinc-800" {...p} />,
  pre: ({ node }) => <CodeBlock {...codeOf(node)} />,
};
