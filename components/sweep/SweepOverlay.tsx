"use client";
import { useState } from "react";
import type { CellResult, SweepDefinition, SweepResults } from "@/lib/sweep";
import { expandGrid } from "@/lib/sweep";
import { firstDivergence } from "@/lib/sweep/divergence";
import { IndexSelect } from "../ui/IndexSelect";

type Tokens = NonNullable<CellResult["logprobs"]>;

function TokenRow({ tokens, from }: { tokens: Tokens; from: number | null }) {
  return (
    <p className="font-mono text-xs leading-6 whitespace-pre-wrap">
      {tokens.map((t, i) => (
        <span
          // biome-ignore lint/suspicious/noArrayIndexKey: a token's position is its identity
          key={i}
          title={`${(Math.exp(t.logprob) * 100).toFixed(1)}%`}
          className={from !== null && i >= from ? "bg-amber-200 dark:bg-amber-800" : undefined}
          style={{ opacity: 0.35 + 0.65 * Math.exp(t.logprob) }}
        >
          {t.token}
        </span>
      ))}
    </p>
  );
}

/** Two cells' tokens one above the other, from the first token where they part. */
export function SweepOverlay({ definition, results }: { definition: SweepDefinition; results: SweepResults }) {
  const cells = expandGrid(definition).cells.filter((c) => (results[c.key]?.logprobs?.length ?? 0) > 0);
  const [a, setA] = useState(0);
  const [b, setB] = useState(1);
  if (cells.length < 2) return null;
  const first = cells[Math.min(a, cells.length - 1)];
  const second = cells[Math.min(b, cells.length - 1)];
  const ta = (first && results[first.key]?.logprobs) || [];
  const tb = (second && results[second.key]?.logprobs) || [];
  const at = firstDivergence(ta, tb);
  return (
    <section aria-label="Overlay" className="flex flex-col gap-2 rounded-lg border border-zinc-200 p-2 dark:border-zinc-800">
      <h2 className="text-sm font-semibold">Overlay two cells</h2>
      <div className="flex flex-wrap gap-3">
        <IndexSelect label="First cell" className="w-56" options={cells} value={a} onChange={setA} />
        <IndexSelect label="Second cell" className="w-56" options={cells} value={b} onChange={setB} />
      </div>
      <p aria-live="polite" data-testid="divergence" className="text-sm">
        {at === null
          ? "The two answers are the same, token for token."
          : `They diverge first at token ${at + 1}: ${JSON.stringify(ta[at]?.token ?? "(end)")} against ${JSON.stringify(tb[at]?.token ?? "(end)")}.`}
      </p>
      <TokenRow tokens={ta} from={at} />
      <TokenRow tokens={tb} from={at} />
    </section>
  );
}
