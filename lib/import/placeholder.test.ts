import { describe, expect, it } from "vitest";
import { importText } from "./import-text";

// Horay's curl example (e2e/fixtures/provider-docs/001_09a2e7a3845b603c.txt) carries `"stop": ["<string>"]`,
// the page's stand-in for a value: importing must not send it silently.
describe("documentation placeholders in an imported body", () => {
  it('imports Horay\'s stop ["<string>"] unticked, with a notice', () => {
    const r = importText(
      `curl https://api.horay.ai/v1/chat/completions -d '{"model":"gpt-4o-mini","messages":[],"stop":["<string>"],"n":1}'`,
    );
    if (!r.ok) throw new Error(r.error);
    expect(r.session.params.stop).toEqual({ enabled: false, value: ["<string>"] });
    expect(r.session.params.n).toEqual({ enabled: true, value: 1 });
    expect(r.notices.join(" ")).toMatch(/stop held \["<string>"\], a placeholder .* not sent until you set it/);
  });

  it("keeps real stop sequences that merely contain angle brackets", () => {
    const r = importText(`curl https://api.horay.ai/v1/chat/completions -d '{"model":"m","messages":[],"stop":["</s>","<|eot_id|>"]}'`);
    if (!r.ok) throw new Error(r.error);
    expect(r.session.params.stop).toEqual({ enabled: true, value: ["</s>", "<|eot_id|>"] });
  });
});
