"use client";
import { useMemo } from "react";
import { formatCost } from "@/lib/pricing/prices";
import { expandGrid, type SweepDefinition, type SweepResults } from "@/lib/sweep";
import { sweepCost } from "@/lib/sweep/cost";
import { PriceTable } from "../pricing/PriceTable";
import { usePrices } from "../pricing/usePrices";

/** What the sweep cost at the user's prices (shown once a finished cell has a price), and the price table. */
export function SweepCostLine({ definition, results }: { definition: SweepDefinition; results: SweepResults }) {
  const prices = usePrices();
  const cells = useMemo(() => expandGrid(definition).cells, [definition]);
  const cost = sweepCost(cells, results, prices.priceOf);
  return (
    <div className="flex flex-col gap-1">
      {cost && (
        <p data-testid="sweep-cost" className="text-sm">
          Cost at your prices: {formatCost(cost.dollars)} over {cost.priced} cell{cost.priced === 1 ? "" : "s"}
          {cost.unpriced > 0 && ` (${cost.unpriced} without a price not counted)`}
        </p>
      )}
      <PriceTable suggest={definition.session} />
    </div>
  );
}
