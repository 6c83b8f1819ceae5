import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../e2e/fixtures/emulator";

// The five seed pages (e2e/fixtures/provider-docs/) document POST .../chat/completions (Netmind also
// .../completions) and nothing else: no page names a GET /models.
let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ chunkDelayMs: 1 });
});
afterAll(() => emulator.close());

describe("the emulator answers only what the pages document", () => {
  it.each([
    ["neyra", "/api/v1"],
    ["neyra", "/v1"],
    ["horay", "/v1"],
    ["avangenio", ""],
    ["netmind", "/inference-api/openai/v1"],
    ["telnyx", "/v2/ai"],
  ])("%s%s: GET /models is a 404", async (id, base) => {
    const res = await fetch(`${emulator.baseUrl(id, base)}/models`, { headers: { authorization: "Bearer k" } });
    expect(res.status).toBe(404);
  });

  it("still answers the documented chat endpoint", async () => {
    const res = await fetch(`${emulator.baseUrl("horay")}/chat/completions`, {
      method: "POST",
      headers: { authorization: "Bearer k", "content-type": "application/json" },
      body: JSON.stringify({ model: "gpt-4o-mini", messages: [{ role: "user", content: "hi" }] }),
    });
    expect(res.status).toBe(200);
  });
});
