import type { EmulatorLog, RecordedRequest } from "../../e2e/fixtures/emulator";

/** The emulator runs in the global-setup process; tests read its log over its control API. */
export async function emulatorLog(emulatorUrl: string): Promise<EmulatorLog> {
  const res = await fetch(`${emulatorUrl}/__emulator/requests`);
  return (await res.json()) as EmulatorLog;
}

export async function requestCount(emulatorUrl: string): Promise<number> {
  return (await emulatorLog(emulatorUrl)).requests.length;
}

/** The one recorded request whose body contains `marker` (tests put a unique string in each body). */
export async function requestWith(emulatorUrl: string, marker: string): Promise<RecordedRequest> {
  const found = (await emulatorLog(emulatorUrl)).requests.filter((r) => r.body.includes(marker));
  if (found.length !== 1) throw new Error(`expected one emulator request containing ${marker}, found ${found.length}`);
  return found[0]!;
}

/** Milliseconds from `since` until the connection that carried `request` closed, polling up to `timeoutMs`. */
export async function waitForConnectionClose(emulatorUrl: string, request: RecordedRequest, timeoutMs: number): Promise<number | null> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const log = await emulatorLog(emulatorUrl);
    const closedAt = log.connections.find((c) => c.id === request.connectionId)?.closedAt;
    if (closedAt) return closedAt;
    await new Promise((r) => setTimeout(r, 25));
  }
  return null;
}

export const marker = () => `m-${Math.random().toString(36).slice(2, 12)}`;
