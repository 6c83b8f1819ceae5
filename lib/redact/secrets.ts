/**
 * Fields of a request body that hold a key rather than a request setting (Telnyx's documented
 * `openai_api_key`, and the names other gateways use). Sessions never hold a key of their own, but
 * the free-form extra body could, so share links, exported snippets and imports look for these.
 */
const SECRET_FIELD = /(^|[_-])(api[_-]?key|secret|password|access[_-]?token|authorization)$/i;

export function isSecretField(name: string): boolean {
  return SECRET_FIELD.test(name);
}

/** Top-level secret field names of a JSON object, in order. */
export function secretFieldsOf(body: Record<string, unknown>): string[] {
  return Object.keys(body).filter(isSecretField);
}

/** A copy without secret fields (key order kept), and the names left out. */
export function withoutSecrets(body: Record<string, unknown>): { body: Record<string, unknown>; removed: string[] } {
  const removed = secretFieldsOf(body);
  // fromEntries defines own properties, so even a "__proto__" key stays a plain field.
  const kept = Object.fromEntries(Object.entries(body).filter(([k]) => !isSecretField(k)));
  return { body: kept, removed };
}
