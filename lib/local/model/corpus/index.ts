import { PARAMS } from "../../../params/catalog";
import { PROFILES } from "../../../providers/profiles";
import { CONCEPTS } from "./concepts";
import { FAQ } from "./faq";
import { GUIDE } from "./guide";

/**
 * The local model's training corpus: the hand-written help and FAQ, plus one sentence per
 * parameter and per provider read from the registry, so the model's words follow the app's facts.
 * Returned as documents (paragraphs); the model learns an end-of-sequence after each.
 */
function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

function registryDocuments(): string[] {
  const docs: string[] = [];
  for (const p of Object.values(PARAMS)) {
    const range =
      p.min !== undefined && p.max !== undefined
        ? ` Its range is from ${p.min} to ${p.max}.`
        : p.min !== undefined
          ? ` Its smallest value is ${p.min}.`
          : "";
    docs.push(`${p.name}: ${p.help}${range}`);
  }
  for (const prof of Object.values(PROFILES)) {
    const models = prof.models.slice(0, 6).join(", ");
    const where = prof.baseUrl ? ` at the base URL ${prof.baseUrl}` : "";
    docs.push(
      `The provider ${prof.name} serves ${models || "models you name"}${where}. Its default model is ${prof.defaultModel || "the one you type"}.`,
    );
    const documented = Object.keys(prof.params);
    if (documented.length > 0) docs.push(`${prof.name} documents these parameters: ${documented.join(", ")}.`);
  }
  return docs;
}

let cached: readonly string[] | null = null;

export function corpusDocuments(): readonly string[] {
  cached ??= [...paragraphs(GUIDE), ...paragraphs(FAQ), ...paragraphs(CONCEPTS), ...registryDocuments()];
  return cached;
}
