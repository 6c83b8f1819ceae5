// @vitest-environment happy-dom
import { act } from "react";
import { createRoot } from "react-dom/client";
import { afterEach, describe, expect, it, vi } from "vitest";

/** Counts how many times react-markdown renders, and which source each time. */
const parsed = vi.hoisted(() => [] as string[]);
vi.mock("react-markdown", async (original) => {
  const real = await original<typeof import("react-markdown")>();
  const Counting = (props: Parameters<typeof real.default>[0]) => {
    parsed.push(String(props.children));
    return real.default(props);
  };
  return { ...real, default: Counting };
});

const { default: MarkdownBlocks } = await import("./MarkdownBlocks");

describe("while an answer streams", () => {
  const container = document.createElement("div");
  const root = createRoot(container);
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  afterEach(() => {
    parsed.length = 0;
  });

  it("parses and renders again only the block that grows", async () => {
    await act(async () => root.render(<MarkdownBlocks text={"# One\n\nTwo **b**\n\nThree"} growing />));
    expect(parsed).toEqual(["# One", "Two **b**", "Three"]);
    parsed.length = 0;
    await act(async () => root.render(<MarkdownBlocks text={"# One\n\nTwo **b**\n\nThree and"} growing />));
    expect(parsed).toEqual(["Three and"]);
    parsed.length = 0;
    await act(async () => root.render(<MarkdownBlocks text={"# One\n\nTwo **b**\n\nThree and\n\n- four"} growing />));
    // "Three and" is now finished, and as it reads the same it is not rendered again either.
    expect(parsed).toEqual(["- four"]);
    expect(container.querySelector("h1")?.textContent).toBe("One");
    expect(container.querySelector("li")?.textContent).toBe("four");
  });

  it("renders the last block as written once the answer is complete", async () => {
    await act(async () => root.render(<MarkdownBlocks text={"a **b"} growing />));
    expect(container.querySelector("strong")?.textContent).toBe("b");
    await act(async () => root.render(<MarkdownBlocks text={"a **b"} />));
    expect(container.querySelector("strong")).toBeNull();
    expect(container.textContent).toBe("a **b");
  });
});
