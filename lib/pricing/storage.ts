import { z } from "zod";
import { loadStoredValue, saveStoredValue } from "../storage/stored-value";
import { PROVIDER_IDS } from "../providers/profiles";
import { PRICES_KEY, type PriceEntry } from "./prices";

const MAX_PRICE = 1_000_000;
export const MAX_PRICE_ENTRIES = 200;

export const priceEntrySchema = z.object({
  providerId: z.enum(PROVIDER_IDS),
  model: z.string().max(500),
  input: z.number().min(0).max(MAX_PRICE),
  output: z.number().min(0).max(MAX_PRICE),
});
const tableSchema = z.array(priceEntrySchema).max(MAX_PRICE_ENTRIES);

/** The stored table; damaged data gives an empty table and a notice, and is left in storage. */
export function loadPrices(storage: Pick<Storage, "getItem"> | null): { entries: PriceEntry[]; notice: string | null } {
  const { value, notice } = loadStoredValue(storage, PRICES_KEY, tableSchema, "price table", {
    instead: "it is left as it was",
    detail: false,
  });
  return { entries: value ?? [], notice };
}

/** Writes the table once it is valid (a negative price is refused with zod's reason). */
export function savePrices(storage: Pick<Storage, "setItem"> | null, entries: readonly PriceEntry[]): string | null {
  const parsed = tableSchema.safeParse(entries);
  if (!parsed.success) return `Could not save the price table: ${parsed.error.message}`;
  return saveStoredValue(storage, PRICES_KEY, parsed.data, "price table");
}
