"use client";
import type { PriceEntry } from "@/lib/pricing/prices";
import { PROVIDER_IDS } from "@/lib/providers/profiles";
import { getProfile } from "@/lib/providers";
import { Button } from "../ui/Button";
import { Disclosure } from "../ui/Disclosure";
import { inputClass } from "../ui/fields";
import { usePrices } from "./usePrices";

/** A number input that keeps only non-negative finite values. */
function Dollars({ label, value, onChange }: { label: string; value: number; onChange: (v: number) => void }) {
  return (
    <input
      aria-label={label}
      type="number"
      min={0}
      step="any"
      className={`${inputClass} w-28`}
      value={value}
      onChange={(e) => {
        const v = Number(e.target.value);
        if (Number.isFinite(v) && v >= 0) onChange(v);
      }}
    />
  );
}

/**
 * The user's prices per provider and model (dollars per million input and output tokens), kept
 * in this browser. A model left empty prices every model of that provider without its own row.
 */
export function PriceTable({ suggest }: { suggest?: { providerId: PriceEntry["providerId"]; model: string } }) {
  const { entries, notice, save } = usePrices();
  const set = (i: number, patch: Partial<PriceEntry>) => void save(entries.map((e, j) => (j === i ? { ...e, ...patch } : e)));
  return (
    <Disclosure summary={`Prices (${entries.length})`}>
      <div className="mt-1 flex flex-col gap-1 text-sm">
        <p className="text-xs text-zinc-500">
          Dollars per million tokens, as your provider bills them; kept in this browser only. Costs appear where a price is known.
        </p>
        {notice && <p className="text-xs text-amber-800 dark:text-amber-300">{notice}</p>}
        {entries.map((e, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; their position is their identity
          <div key={i} className="flex flex-wrap items-center gap-1">
            <select
              aria-label={`Provider of price ${i + 1}`}
              className={`${inputClass} w-44`}
              value={e.providerId}
              onChange={(ev) => set(i, { providerId: ev.target.value as PriceEntry["providerId"] })}
            >
              {PROVIDER_IDS.map((id) => (
                <option key={id} value={id}>
                  {getProfile(id)?.name ?? id}
                </option>
              ))}
            </select>
            <input
              aria-label={`Model of price ${i + 1}`}
              className={`${inputClass} w-48`}
              placeholder="(every model)"
              value={e.model}
              onChange={(ev) => set(i, { model: ev.target.value })}
            />
            <Dollars label={`Input $ per million tokens of price ${i + 1}`} value={e.input} onChange={(input) => set(i, { input })} />
            <Dollars label={`Output $ per million tokens of price ${i + 1}`} value={e.output} onChange={(output) => set(i, { output })} />
            <Button size="sm" variant="ghost" onClick={() => void save(entries.filter((_, j) => j !== i))}>
              Remove price {i + 1}
            </Button>
          </div>
        ))}
        <div>
          <Button
            size="sm"
            onClick={() =>
              void save([...entries, { providerId: suggest?.providerId ?? "openai", model: suggest?.model ?? "", input: 0, output: 0 }])
            }
          >
            Add price
          </Button>
        </div>
      </div>
    </Disclosure>
  );
}
