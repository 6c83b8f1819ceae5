// @vitest-environment happy-dom
import { act } from "react";
import { createRoot } from "react-dom/client";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ComposerActions, MessageBox } from "./Composer";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
const container = document.createElement("div");
const root = createRoot(container);
const buttons = () => Array.from(container.querySelectorAll("button")).map((b) => `${b.textContent}${b.disabled ? " (disabled)" : ""}`);

afterEach(() => act(() => root.render(null)));

describe("MessageBox", () => {
  it("sends on Ctrl+Enter and on ⌘+Enter, not on a plain Enter", async () => {
    const onSubmit = vi.fn();
    await act(async () => root.render(<MessageBox id="m" label="Message" rows={2} value="hi" onChange={() => {}} onSubmit={onSubmit} />));
    const box = container.querySelector("textarea");
    if (!box) throw new Error("no textarea");
    for (const init of [{ key: "Enter" }, { key: "Enter", ctrlKey: true }, { key: "Enter", metaKey: true }]) {
      await act(async () => box.dispatchEvent(new KeyboardEvent("keydown", { ...init, bubbles: true })));
    }
    expect(onSubmit).toHaveBeenCalledTimes(2);
    expect(container.querySelector("label")?.htmlFor).toBe("m");
  });
});

describe("ComposerActions", () => {
  const render = (running: boolean, alwaysShowStop: boolean) =>
    act(async () =>
      root.render(
        <ComposerActions running={running} onSend={() => {}} onStop={() => {}} alwaysShowStop={alwaysShowStop} busyText="busy…">
          <button type="button">Extra</button>
        </ComposerActions>,
      ),
    );

  it("shows Stop only while running, unless it is always shown (then disabled when idle)", async () => {
    await render(false, false);
    expect(buttons()).toEqual(["Send", "Extra"]);
    await render(true, false);
    expect(buttons()).toEqual(["Send (disabled)", "Stop", "Extra"]);
    expect(container.textContent).toContain("busy…");
    await render(false, true);
    expect(buttons()).toEqual(["Send", "Stop (disabled)", "Extra"]);
    expect(container.textContent).not.toContain("busy…");
  });
});
