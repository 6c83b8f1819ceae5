"use client";
import { memo, type ReactNode, useRef } from "react";
import { type Block, type BlockCache, type Inline, parseBlock, splitGrowing } from "@/lib/client/markdown";

/**
 * Markdown as React elements (never HTML strings). The text is cut into blocks and each block
 * is a memoized component keyed by position: while tokens arrive only the last block changes,
 * so only it is parsed and rendered again.
 */
export function Markdown({ text, growing = false }: { text: string; growing?: boolean }) {
  const blocks = useBlocks(text);
  const last = blocks.length - 1;
  return (
    <div data-answer-text className="flex flex-col gap-2 break-words text-sm leading-relaxed">
      {blocks.map((src, i) =>
        // While tokens arrive, a long growing block is shown as text: parsing it again on every
        // frame costs time in proportion to its length, and several columns stream at once.
        growing && i === last && src.length > GROWING_PLAIN_AFTER ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: blocks only grow at the end; position is their identity
          <p key={i} className="whitespace-pre-wrap">
            {src}
          </p>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above
          <MarkdownBlock key={i} src={src} />
        ),
      )}
    </div>
  );
}

/** Characters after which a block still growing is shown as plain text until it is complete. */
const GROWING_PLAIN_AFTER = 2_000;

function useBlocks(text: string): string[] {
  const cache = useRef<BlockCache | null>(null);
  const next = splitGrowing(text, cache.current);
  if (next !== cache.current) cache.current = next;
  return next.blocks.map((b) => b.src);
}

const MarkdownBlock = memo(function MarkdownBlock({ src }: { src: string }) {
  return renderBlock(parseBlock(src));
});

function renderBlock(b: Block): ReactNode {
  switch (b.t) {
    case "heading": {
      const size = ["text-xl", "text-lg", "text-base", "text-sm", "text-sm", "text-sm"][b.level - 1];
      return <p className={`font-semibold ${size}`}>{inlines(b.c)}</p>;
    }
    case "para":
      return <p>{inlines(b.c)}</p>;
    case "code":
      return (
        <pre className="overflow-x-auto rounded-md bg-zinc-100 p-2 font-mono text-xs dark:bg-zinc-900" data-lang={b.lang || undefined}>
          <code>{b.v}</code>
        </pre>
      );
    case "list": {
      const items = b.items.map((it, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static list from one parse
        <li key={i}>{inlines(it)}</li>
      ));
      return b.ordered ? (
        <ol start={b.start} className="list-decimal pl-6">
          {items}
        </ol>
      ) : (
        <ul className="list-disc pl-6">{items}</ul>
      );
    }
    case "quote":
      return <blockquote className="border-l-4 border-zinc-300 pl-3 text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">{inlines(b.c)}</blockquote>;
    case "hr":
      return <hr className="border-zinc-300 dark:border-zinc-700" />;
  }
}

function inlines(list: Inline[]): ReactNode[] {
  return list.map((n, i) => {
    switch (n.t) {
      case "text":
        return n.v;
      case "br":
        // biome-ignore lint/suspicious/noArrayIndexKey: static inline list
        return <br key={i} />;
      case "code":
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: static inline list
          <code key={i} className="rounded bg-zinc-100 px-1 font-mono text-[0.85em] dark:bg-zinc-800">
            {n.v}
          </code>
        );
      case "strong":
        // biome-ignore lint/suspicious/noArrayIndexKey: static inline list
        return <strong key={i}>{inlines(n.c)}</strong>;
      case "em":
        // biome-ignore lint/suspicious/noArrayIndexKey: static inline list
        return <em key={i}>{inlines(n.c)}</em>;
      case "del":
        // biome-ignore lint/suspicious/noArrayIndexKey: static inline list
        return <del key={i}>{inlines(n.c)}</del>;
      case "link":
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: static inline list
          <a key={i} href={n.href} target="_blank" rel="noopener noreferrer nofollow" className="text-indigo-600 underline dark:text-indigo-400">
            {inlines(n.c)}
          </a>
        );
      default:
        return null;
    }
  });
}
