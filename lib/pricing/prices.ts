import type { ProviderId } from "../providers/profiles";

/**
 * The user's own price table: dollars per million input and output tokens for a provider and
 * model, kept in this browser only. Providers publish prices on pages that change, so none are
 * built in; a cost shows only where the user entered a price. No zod here: pages read it at
 * first render (./storage validates what comes from localStorage).
 */
export interface Price {
  input: number;
  output: number;
}

export interface PriceEntry extends Price {
  providerId: ProviderId;
  /** "" = every model of the provider without a price of its own. */
  model: string;
}

export const PRICES_KEY = "playground.prices.v1";
/** Fired on window when this tab changes the table (the storage event covers other tabs). */
export const PRICES_EVENT = "playground-prices";

/** The price of a model: its own entry, else the provider's catch-all entry, else null. */
export function findPrice(entries: readonly PriceEntry[], providerId: string, model: string): Price | null {
  const own = entries.find((e) => e.providerId === providerId && e.model !== "" && e.model === model);
  const any = entries.find((e) => e.providerId === providerId && e.model === "");
  const hit = own ?? any;
  return hit ? { input: hit.input, output: hit.output } : null;
}

/** Dollars for a run's tokens; null counts as 0 (the caller says when counts were missing). */
export function costOf(promptTokens: number | null, completionTokens: number | null, price: Price): number {
  return ((promptTokens ?? 0) * price.input + (completionTokens ?? 0) * price.output) / 1_000_000;
}

/** "$0.000123" for small sums, "$1.2345" otherwise. */
export function formatCost(dollars: number): string {
  return `$${dollars.toFixed(dollars < 0.01 ? 6 : 4)}`;
}
