import type { TestProject } from "vitest/node";
import { startEmulator } from "../../e2e/fixtures/emulator";
import { PROFILES } from "../../lib/providers/profiles";
import { freePort, startNextServer } from "./next-server";

declare module "vitest" {
  export interface ProvidedContext {
    /** The production server under test, e.g. http://127.0.0.1:41234 */
    serverUrl: string;
    /** The provider contract emulator (its control API is at /__emulator/...). */
    emulatorUrl: string;
    /** A port nothing listens on; OPENAI_BASE_URL points there (for 502s). */
    deadPort: number;
  }
}

/** Server-held keys the tests expect to see arrive (or not) at the emulator. */
export const SERVER_KEYS = {
  NEYRA_API_KEY: "sk-server-neyra",
  HORAY_API_KEY: "sk-server-horay",
  AVANGENIO_API_KEY: "sk-server-avangenio",
  NETMIND_API_KEY: "sk-server-netmind",
  TELNYX_API_KEY: "sk-server-telnyx",
} as const;

/**
 * Points each seed provider at the emulator by keeping the path of the profile's own default base
 * URL: a profile whose path the provider's page does not document lands on an emulator 404.
 * OPENAI gets no key, so the 401 naming OPENAI_API_KEY can be tested.
 */
export function providerEnv(emulatorUrl: string): Record<string, string> {
  const env: Record<string, string> = { ...SERVER_KEYS };
  for (const id of ["neyra", "horay", "avangenio", "netmind", "telnyx"] as const) {
    const path = new URL(PROFILES[id].baseUrl).pathname.replace(/\/+$/, "");
    env[`${id.toUpperCase()}_BASE_URL`] = `${emulatorUrl}/${id}${path}`;
  }
  return env;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const emulator = await startEmulator();
  const deadPort = await freePort();
  const server = await startNextServer({
    ...providerEnv(emulator.url),
    OPENAI_BASE_URL: `http://127.0.0.1:${deadPort}/v1`,
    PLAYGROUND_UPSTREAM_TIMEOUT_S: "2",
    PLAYGROUND_STREAM_IDLE_TIMEOUT_S: "2",
    LOCAL_MODEL_DELAY_MS: "0",
  }).catch(async (error: unknown) => {
    await emulator.close();
    throw error;
  });
  project.provide("serverUrl", server.url);
  project.provide("deadPort", deadPort);
  project.provide("emulatorUrl", emulator.url);
  return async () => {
    await server.stop();
    await emulator.close();
  };
}
