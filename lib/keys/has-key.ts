import { getProfile, isProviderId } from "../providers";
import { keyStore } from "./store";

/**
 * Whether a request to the provider can carry a key: the browser's own, or one the server holds
 * (from /api/providers), or none needed. Custom counts as yes: keyless local servers are common.
 */
export function hasKeyFor(id: string, providers: readonly { id: string; hasServerKey: boolean }[] | undefined): boolean {
  if (id === "custom" || getProfile(id)?.auth === "none") return true;
  if (isProviderId(id) && keyStore.get(id).key !== "") return true;
  return providers?.find((p) => p.id === id)?.hasServerKey ?? false;
}
