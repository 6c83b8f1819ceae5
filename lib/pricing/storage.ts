import { z } from "zod";
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
  let raw: string | null = null;
  try {
    raw = storage?.getItem(PRICES_KEY) ?? null;
  } catch {
    return { entries: [], notice: "This browser does not allow reading the price table." };
  }
  if (raw === null) return { entries: [], notice: null };
  try {
    const parsed = tableSchema.safeParse(JSON.parse(raw));
    return parsed.success ? { entries: parsed.data, notice: null } : { entries: [], notice: "The saved price table could not be used; it is left as it was." };
  } catch {
    return { entries: [], notice: "The saved price table is not valid JSON; it is left as it was." };
  }
}

export function savePrices(storage: Pick<Storage, "setItem"> | null, entries: readonly PriceEntry[]): string | null {
  try {
    storage?.setItem(PRICES_KEY, JSON.stringify(tableSchema.parse(entries)));
    return null;
  } catch (e) {
    return `Could not save the price table: ${(e as Error).message}`;
  }
}
