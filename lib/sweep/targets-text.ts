import { isProviderId } from "../providers";
import type { SweepTarget } from "./schema";

/**
 * A provider/model axis as text: one target a line, `provider:model`, optionally followed by
 * ` @ base URL` (for custom, or a documented alternative). Empty lines are skipped.
 */
export function parseTargets(text: string): { ok: true; targets: SweepTarget[] } | { ok: false; error: string } {
  const targets: SweepTarget[] = [];
  const lines = text.split("\n").map((l) => l.trim());
  for (const [i, line] of lines.entries()) {
    if (line === "") continue;
    const [target = "", baseUrl = ""] = line.split(/\s+@\s+/, 2);
    const colon = target.indexOf(":");
    const providerId = colon < 0 ? target : target.slice(0, colon);
    if (!isProviderId(providerId))
      return { ok: false, error: `Line ${i + 1}: "${providerId}" is not a provider; write provider:model, e.g. local:local-ngram.` };
    targets.push({ providerId, model: colon < 0 ? "" : target.slice(colon + 1).trim(), baseUrl: baseUrl.trim() });
  }
  if (targets.length === 0) return { ok: false, error: "The provider/model axis has no targets; write one provider:model a line." };
  return { ok: true, targets };
}

export function formatTargets(targets: readonly SweepTarget[]): string {
  return targets.map((t) => `${t.providerId}:${t.model}${t.baseUrl ? ` @ ${t.baseUrl}` : ""}`).join("\n");
}
