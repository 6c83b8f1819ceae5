import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { defaultSession } from "@/lib/session/state";
import { PROFILES } from "@/lib/providers";
import { newRecord } from "@/lib/run/run";
import { viewFromRecord } from "@/lib/run/view";
import { AnswerView } from "../chat/AnswerView";
import { MetricsPanel } from "./MetricsPanel";
import { ColumnProviders, type ColumnRunValue, type SessionContextValue } from "./context";

const session = defaultSession();
const sessionValue: SessionContextValue = { session, dispatch: () => {}, profile: PROFILES.local, info: undefined };

function columnRun(): ColumnRunValue {
  const r = newRecord();
  r.state = "done";
  r.choices = ["first", "second"].map((text, index) => ({ index, text, toolCalls: [], logprobs: [], finishReason: "stop" }));
  const view = viewFromRecord(
    { id: "r1", startedAt: 0, session, url: "/api/proxy/local/chat/completions", requestText: "{}", requestHeaders: {} },
    r,
  );
  return { view, choiceIndex: 1, selectChoice: () => {} };
}

describe("a column's run", () => {
  it("is all the answer and metrics views need: they render in a column without the playground", () => {
    const html = renderToStaticMarkup(
      <ColumnProviders session={sessionValue} run={columnRun()}>
        <AnswerView />
        <MetricsPanel />
      </ColumnProviders>,
    );
    expect(html).toContain('aria-selected="true"');
    expect(html).toMatch(/aria-selected="true"[^>]*>Choice 2/);
    expect(html).toContain('aria-label="Metrics"');
  });

  it("is asked for with a clear error outside a column that runs", () => {
    expect(() =>
      renderToStaticMarkup(
        <ColumnProviders session={sessionValue}>
          <AnswerView />
        </ColumnProviders>,
      ),
    ).toThrow(/useColumnRun\(\) is used outside a column with a run/);
  });
});
