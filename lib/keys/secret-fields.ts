import type { ProviderProfile, SecretField } from "../providers";
import { keyStore, maskKey } from "./store";

/** Where a secret body field's value lives in the key store: memory only, never "remembered". */
export const secretFieldStoreId = (providerId: string, name: string) => `${providerId}.body.${name}`;

export interface SecretValue {
  field: SecretField;
  value: string;
}

/** The provider's secret body fields the user has filled in, in the profile's order. */
export function secretFieldValues(
  profile: ProviderProfile | undefined,
  read: (id: string) => string = (id) => keyStore.get(id).key,
): SecretValue[] {
  return (profile?.secretFields ?? [])
    .map((field) => ({ field, value: read(secretFieldStoreId(profile?.id ?? "", field.name)) }))
    .filter((s) => s.value !== "");
}

/**
 * The body sent (secret fields appended with their values) and the body shown and kept in history
 * (the same fields masked). A field the extra body already sets is left as the user wrote it.
 */
export function withSecretFields(
  body: Record<string, unknown>,
  text: string,
  secrets: readonly SecretValue[],
): { sent: string; shown: string } {
  const added = secrets.filter((s) => !Object.hasOwn(body, s.field.name));
  if (added.length === 0) return { sent: text, shown: text };
  const sent: Record<string, unknown> = { ...body };
  const shown: Record<string, unknown> = { ...body };
  for (const s of added) {
    sent[s.field.name] = s.value;
    shown[s.field.name] = maskKey(s.value);
  }
  return { sent: JSON.stringify(sent), shown: JSON.stringify(shown) };
}
