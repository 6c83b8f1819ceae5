import { describe, expect, it } from "vitest";
import { emptySession } from "../session/schema";
import { decodeShare, encodeShare } from "./codec";
import { type SharePayload, sharePayloadSchema } from "./schema";
import { describePayload } from "./summary";

const sweep: SharePayload = {
  kind: "sweep",
  session: { ...emptySession("local", "local-ngram"), messages: [{ id: "m1", role: "user", content: "Hi" }] },
  axes: [
    { kind: "param", param: "temperature", values: [0, 1.5] },
    { kind: "target", targets: [{ providerId: "custom", model: "llama3", baseUrl: "http://127.0.0.1:11434/v1" }] },
  ],
};

describe("sweep share payload", () => {
  it("round-trips through a link and is described before it is opened", async () => {
    const decoded = await decodeShare(await encodeShare(sweep));
    expect(decoded).toEqual({ ok: true, value: sweep });
    expect(describePayload(sweep)[0]).toBe("Sweep over temperature (2) × provider/model (1), based on:");
  });

  it("refuses a sweep with no axes or more than three", () => {
    const axis = sweep.kind === "sweep" ? sweep.axes[0] : undefined;
    for (const axes of [[], [axis, axis, axis, axis]]) expect(sharePayloadSchema.safeParse({ ...sweep, axes }).success).toBe(false);
  });
});
