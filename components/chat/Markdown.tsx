"use client";
import { lazy, Suspense } from "react";

/**
 * The renderer (react-markdown with GFM, see ./MarkdownBlocks.tsx) is fetched on the first answer
 * shown as Markdown, so the first load of a page does not carry it; until it has arrived the text
 * is shown as it is, and so it stays if the renderer cannot be fetched (offline, a newer deploy).
 */
const MarkdownBlocks = lazy(() => import("./MarkdownBlocks").catch(() => ({ default: PlainAnswer })));

/** An answer as Markdown; `growing` while tokens still arrive (only the last block re-renders). */
export function Markdown({ text, growing = false }: { text: string; growing?: boolean }) {
  return (
    <Suspense fallback={<PlainAnswer text={text} />}>
      <MarkdownBlocks text={text} growing={growing} />
    </Suspense>
  );
}

function PlainAnswer({ text }: { text: string }) {
  return (
    <p data-answer-text className="whitespace-pre-wrap break-words text-sm leading-relaxed">
      {text}
    </p>
  );
}
