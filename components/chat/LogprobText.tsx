"use client";
import { memo, useId, useState } from "react";
import type { TokenLogprob } from "@/lib/stream/assemble";

const pct = (lp: number) => (Number.isFinite(lp) ? `${(Math.exp(lp) * 100).toFixed(1)}%` : "?");

/**
 * Output tokens shaded by probability (paler = less likely). Hover or focus a token to see its
 * probability and the top alternatives; arrow keys move between tokens.
 */
export const LogprobText = memo(function LogprobText({ tokens, count }: { tokens: TokenLogprob[]; count: number }) {
  const id = useId();
  const [active, setActive] = useState<number | null>(null);
  const current = active !== null && active < count ? tokens[active] : undefined;
  const pick = (el: EventTarget | null) => {
    const i = Number((el as HTMLElement | null)?.dataset?.i);
    if (Number.isInteger(i)) setActive(i);
  };
  return (
    <div className="relative">
      <p
        data-answer-text
        className="font-mono text-sm leading-7 whitespace-pre-wrap"
        onMouseOver={(e) => pick(e.target)}
        onFocus={(e) => pick(e.target)}
        onKeyDown={(e) => {
          if (e.key !== "ArrowRight" && e.key !== "ArrowLeft") return;
          const sib =
            e.key === "ArrowRight" ? (e.target as HTMLElement).nextElementSibling : (e.target as HTMLElement).previousElementSibling;
          if (sib instanceof HTMLElement) {
            e.preventDefault();
            sib.focus();
          }
        }}
      >
        {groupStarts(count).map((start) => {
          const end = Math.min(count, start + GROUP);
          const focus = active ?? 0;
          return (
            <TokenGroup
              key={start}
              tokens={tokens}
              start={start}
              end={end}
              focusIndex={focus >= start && focus < end ? focus : -1}
              tipId={active !== null && active >= start && active < end ? `${id}-tip` : ""}
            />
          );
        })}
      </p>
      <div
        id={`${id}-tip`}
        role="tooltip"
        className="mt-1 min-h-6 rounded-md border border-zinc-200 px-2 py-1 font-mono text-xs dark:border-zinc-800"
      >
        {current ? (
          <>
            <span className="font-semibold">{JSON.stringify(current.token)}</span> {pct(current.logprob)} (logprob{" "}
            {current.logprob.toFixed(3)})
            {current.top.length > 0 && (
              <ol className="mt-1 flex flex-wrap gap-x-3">
                {current.top.map((alt, j) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: alternatives may repeat tokens
                  <li key={j}>
                    {JSON.stringify(alt.token)} {pct(alt.logprob)}
                  </li>
                ))}
              </ol>
            )}
          </>
        ) : (
          <span className="text-zinc-500">Hover or focus a token to see its probability and alternatives.</span>
        )}
      </div>
    </div>
  );
});

/** Tokens are rendered in fixed groups; finished groups are memoized, so a long stream stays cheap. */
const GROUP = 256;

function groupStarts(count: number): number[] {
  const out: number[] = [];
  for (let s = 0; s < count; s += GROUP) out.push(s);
  return out;
}

interface GroupProps {
  tokens: TokenLogprob[];
  start: number;
  end: number;
  /** Index that is in the tab order (roving tabindex), or -1 when not in this group. */
  focusIndex: number;
  /** Tooltip id for the active token of this group, "" when none. */
  tipId: string;
}

const TokenGroup = memo(function TokenGroup({ tokens, start, end, focusIndex, tipId }: GroupProps) {
  const spans = [];
  for (let i = start; i < end; i++) {
    const t = tokens[i];
    if (!t) continue;
    const p = Number.isFinite(t.logprob) ? Math.exp(t.logprob) : 1;
    spans.push(
      <span
        key={i}
        data-i={i}
        tabIndex={i === focusIndex ? 0 : -1}
        aria-describedby={tipId && i === focusIndex ? tipId : undefined}
        className="rounded-sm outline-indigo-500 focus:outline-2"
        style={{ backgroundColor: `rgba(99, 102, 241, ${(0.08 + 0.5 * p).toFixed(3)})` }}
      >
        {t.token}
      </span>,
    );
  }
  return <>{spans}</>;
});
