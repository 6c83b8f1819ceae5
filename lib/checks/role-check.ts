import type { ProviderProfile } from "../providers";

/**
 * A warning (never a refusal) for a message role the provider's page does not document: Neyra,
 * Avangenio and Netmind name system, user and assistant; Telnyx adds tool.
 */
export function roleWarning(profile: ProviderProfile, role: string): string | null {
  if (profile.roles.includes(role)) return null;
  return `${profile.name} documents the roles ${profile.roles.join(", ")}; “${role}” may be rejected. You can still send it.`;
}
