import type { z } from "zod";

/**
 * One value kept in localStorage (a page's last state). Nothing stored gives null; a browser that
 * refuses storage, text that is not JSON or data the schema rejects give null and a notice naming
 * `what`, and the stored text is left as it was.
 */
export function loadStoredValue<T>(storage: Pick<Storage, "getItem"> | null, key: string, schema: z.ZodType<T>, what: string): { value: T | null; notice: string | null } {
  let raw: string | null = null;
  try {
    raw = storage?.getItem(key) ?? null;
  } catch {
    return { value: null, notice: `This browser does not allow reading the saved ${what}.` };
  }
  if (raw === null) return { value: null, notice: null };
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    if (parsed.success) return { value: parsed.data, notice: null };
    const issue = parsed.error.issues[0];
    return { value: null, notice: `The saved ${what} could not be used (${issue?.path.join(".") || "root"}: ${issue?.message}); starting afresh.` };
  } catch {
    return { value: null, notice: `The saved ${what} is not valid JSON; starting afresh.` };
  }
}
