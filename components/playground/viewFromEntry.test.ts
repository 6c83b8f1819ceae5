import { describe, expect, it } from "vitest";
import { makeEntry } from "@/lib/client/history";
import { newRecord } from "@/lib/client/run";
import { defaultSession } from "@/lib/session/state";
import { viewFromEntry } from "./usePlaygroundController";

describe("viewFromEntry", () => {
  it("reopens a stored streamed run with its choices, events, usage and error", () => {
    const r = newRecord();
    r.state = "error";
    r.status = 200;
    r.streamed = true;
    r.events = [{ t: 3, data: '{"choices":[]}', ok: true }, { t: 5, data: "oops", ok: false }];
    r.final = { object: "chat.completion", choices: [{ index: 0, message: { role: "assistant", content: "Half" }, finish_reason: null }], usage: { completion_tokens: 2 } };
    r.error = { kind: "bad-line", status: 200, message: "not JSON: oops" };
    r.firstTokenMs = 3;
    r.totalMs = 9;
    const entry = makeEntry({ id: "r1", at: 1, session: defaultSession(), url: "/api/proxy/local/chat/completions", requestText: "{}", requestHeaders: {}, record: r });
    const view = viewFromEntry(JSON.parse(JSON.stringify(entry)));
    expect(view.choices[0]).toMatchObject({ text: "Half", logprobCount: 0 });
    expect(view.eventCount).toBe(2);
    expect(view.usage).toEqual({ completion_tokens: 2 });
    expect(view.error?.message).toBe("not JSON: oops");
    expect(view.totalMs).toBe(9);
    expect(view.fromHistory).toBe(true);
  });
});
