export {
  LOCAL_MODEL_ID,
  PROFILES,
  PROVIDER_IDS,
  type BaseUrlOption,
  type Endpoint,
  type ParamSpec,
  type ProviderId,
  type ProviderProfile,
  type SecretField,
} from "./profiles";
import { PROFILES, PROVIDER_IDS, type Endpoint, type ProviderId, type ProviderProfile } from "./profiles";

export function isProviderId(id: string): id is ProviderId {
  return (PROVIDER_IDS as readonly string[]).includes(id);
}

export function getProfile(id: string): ProviderProfile | undefined {
  return isProviderId(id) ? PROFILES[id] : undefined;
}

/** Whether the proxy forwards `path` for this provider: documented endpoints and the undocumented ones it tries. */
export function offersEndpoint(profile: ProviderProfile, path: string): path is Endpoint {
  return (profile.endpoints as readonly string[]).includes(path) || (profile.undocumentedEndpoints ?? []).some((e) => e === path);
}

/** Env var names the server reads for seed providers and OpenAI (`.env.example` lists them). */
export const SERVER_ENV_PROVIDERS = PROVIDER_IDS.filter((id) => PROFILES[id].keyEnv !== null);
