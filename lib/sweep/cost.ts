import { costOf, type Price } from "../pricing/prices";
import type { GridCell } from "./grid";
import type { SweepResults } from "./schema";

export interface SweepCost {
  /** Dollars over the finished cells whose provider/model has a price. */
  dollars: number;
  priced: number;
  /** Finished cells without a price for their provider/model. */
  unpriced: number;
}

/** What the sweep's finished cells cost at the user's prices; null when none of them has a price. */
export function sweepCost(
  cells: readonly GridCell[],
  results: SweepResults,
  priceOf: (providerId: string, model: string) => Price | null,
): SweepCost | null {
  const out: SweepCost = { dollars: 0, priced: 0, unpriced: 0 };
  for (const cell of cells) {
    const r = results[cell.key];
    if (r?.status !== "done") continue;
    const price = priceOf(cell.session.providerId, cell.session.model);
    if (!price) {
      out.unpriced++;
      continue;
    }
    out.priced++;
    out.dollars += costOf(r.promptTokens ?? null, r.completionTokens, price);
  }
  return out.priced === 0 ? null : out;
}
