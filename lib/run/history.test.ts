import { describe, expect, it } from "vitest";
import { defaultSession } from "../session/state";
import { rememberRun } from "./history";
import { newRecord } from "./run";
import { viewFromRecord } from "./view";

const viewOf = (id: string, text: string) => {
  const r = newRecord();
  r.state = "done";
  r.bodyText = text;
  const request = {
    id,
    session: defaultSession(),
    url: "/api/proxy/local/chat/completions",
    requestText: "{}",
    requestHeaders: {},
    startedAt: 1,
  };
  return viewFromRecord(request, r);
};

describe("rememberRun", () => {
  it("saves the run first, and a run already listed moves up instead of appearing twice", () => {
    const written: string[] = [];
    const storage = { setItem: (_key: string, value: string) => void written.push(value) };
    const two = rememberRun(storage, rememberRun(storage, [], viewOf("a", "first")), viewOf("b", "second"));
    expect(two.map((e) => e.id)).toEqual(["b", "a"]);
    const again = rememberRun(storage, two, viewOf("a", "again"));
    expect(again.map((e) => [e.id, e.bodyText])).toEqual([
      ["a", "again"],
      ["b", "second"],
    ]);
    expect(JSON.parse(written.at(-1) ?? "[]").map((e: { id: string }) => e.id)).toEqual(["a", "b"]);
  });
});
