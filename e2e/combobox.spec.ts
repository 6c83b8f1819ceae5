import { expect, type Locator, test } from "@playwright/test";
import { type ModelsUpstream, startModelsUpstream } from "./fixtures/models-upstream";
import { PlaygroundPage } from "./pages/playground";

/** The model combobox with a provider that lists 300 models (custom provider, real upstream). */
test.describe("model combobox with a long list", () => {
  const ids = Array.from({ length: 300 }, (_, i) => `bulk/model-${String(i).padStart(3, "0")}`);
  let upstream: ModelsUpstream;
  let p: PlaygroundPage;
  let list: Locator;

  test.beforeEach(async ({ page }) => {
    upstream = await startModelsUpstream(ids);
    p = new PlaygroundPage(page);
    await p.goto();
    await p.chooseCustom(upstream.baseUrl, "");
    await expect(page.getByText("300 live models", { exact: true })).toBeVisible();
    list = page.getByRole("listbox", { name: "Model suggestions" });
  });

  test.afterEach(async () => {
    await upstream.close();
  });

  /** The highlighted option's model id, and whether it lies wholly inside the list's visible area. */
  const highlighted = () =>
    p.model.evaluate((input) => {
      const id = input.getAttribute("aria-activedescendant");
      const option = id ? document.getElementById(id) : null;
      const box = option?.parentElement;
      if (!option || !box) return null;
      const o = option.getBoundingClientRect();
      const b = box.getBoundingClientRect();
      return { id: option.firstElementChild?.textContent ?? "", inView: o.top >= b.top - 1 && o.bottom <= b.bottom + 1 };
    });

  const press = async (key: string, times = 1) => {
    await expect(p.model).toBeFocused();
    for (let i = 0; i < times; i++) await p.page.keyboard.press(key);
  };

  test("arrow keys keep the highlighted model scrolled into view, both ways and around the end", async () => {
    await p.model.focus();
    await press("ArrowDown");
    await expect(list).toBeVisible();
    expect(await highlighted()).toEqual({ id: ids[0], inView: true });
    await press("ArrowDown", 39);
    expect(await highlighted()).toEqual({ id: ids[39], inView: true });
    await press("ArrowUp", 25);
    expect(await highlighted()).toEqual({ id: ids[14], inView: true });
    await press("ArrowUp", 15);
    expect(await highlighted()).toEqual({ id: ids[299], inView: true });
    await press("ArrowDown");
    expect(await highlighted()).toEqual({ id: ids[0], inView: true });
  });

  test("Home and End go to the ends, PageDown and PageUp move a page at a time", async () => {
    await p.model.click();
    await expect(list).toBeVisible();
    await press("End");
    expect(await highlighted()).toEqual({ id: ids[299], inView: true });
    await press("Home");
    expect(await highlighted()).toEqual({ id: ids[0], inView: true });
    // A page is the number of options the list shows at once.
    const page = await list.evaluate((el) => Math.floor(el.clientHeight / (el.firstElementChild as HTMLElement).offsetHeight));
    expect(page).toBeGreaterThan(2);
    await press("PageDown");
    expect(await highlighted()).toEqual({ id: ids[page], inView: true });
    await press("PageDown", 2);
    expect(await highlighted()).toEqual({ id: ids[3 * page], inView: true });
    await press("PageUp");
    expect(await highlighted()).toEqual({ id: ids[2 * page], inView: true });
    // Past the end and back: PageDown stops at the last model, PageUp at the first (no wrap).
    const pages = Math.ceil(300 / page) + 1;
    await press("PageDown", pages);
    expect(await highlighted()).toEqual({ id: ids[299], inView: true });
    await press("PageUp", pages);
    expect(await highlighted()).toEqual({ id: ids[0], inView: true });
    await press("End");
    await press("Enter");
    await expect(p.model).toHaveValue(ids[299] ?? "");
    await expect(list).toBeHidden();
  });

  test("clicking inside the input keeps the list open; Escape closes it and the caret keys edit again", async () => {
    await p.model.click();
    await expect(list).toBeVisible();
    await p.model.click({ position: { x: 10, y: 5 } });
    await expect(list).toBeVisible();
    await p.model.click();
    await expect(list).toBeVisible();
    await press("Escape");
    await expect(list).toBeHidden();
    await p.model.fill("bulk/model-12");
    await expect(list).toBeVisible();
    await expect(list.getByRole("option")).toHaveCount(10); // model-120 … model-129
    await press("Escape");
    await press("Home");
    await p.model.press("x");
    await expect(p.model).toHaveValue("xbulk/model-12");
  });
});
