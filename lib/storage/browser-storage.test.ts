import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { memoryStorage, refusingWindow } from "../../test/support/memory-storage";
import {
  browserStorage,
  isQuotaError,
  readStored,
  readText,
  removeStored,
  StorageRefused,
  writeNewest,
  writeStored,
  writeText,
} from "./browser-storage";

afterEach(() => {
  vi.unstubAllGlobals();
});

const schema = z.object({ n: z.number() });

describe("browserStorage", () => {
  it("is null on the server, localStorage in a browser", () => {
    expect(browserStorage()).toBeNull();
    const local = memoryStorage();
    vi.stubGlobal("window", { localStorage: local });
    expect(browserStorage()).toBe(local);
  });

  it("is a storage that refuses every call where the getter throws, so nothing else throws", () => {
    refusingWindow();
    const s = browserStorage();
    expect(s).not.toBeNull();
    expect(() => s?.getItem("k")).toThrow(StorageRefused);
    expect(readStored(s, "k", schema)).toEqual({ kind: "refused" });
    expect(writeStored(s, "k", { n: 1 })).toBeInstanceOf(StorageRefused);
    expect(readText(s, "k")).toBeNull();
    expect(writeText(s, "k", "v")).toBeInstanceOf(StorageRefused);
    expect(removeStored(s, "k")).toBeInstanceOf(StorageRefused);
    expect(writeNewest(s, "k", [1, 2])).toEqual({ kept: 0, error: expect.any(StorageRefused) });
  });
});

describe("readStored", () => {
  it("tells nothing stored, not JSON and invalid apart, and never changes the stored text", () => {
    const s = memoryStorage();
    s.setItem("other", "kept");
    expect(readStored(s, "k", schema)).toEqual({ kind: "none" });
    s.setItem("k", "{oops");
    expect(readStored(s, "k", schema)).toEqual({ kind: "not-json" });
    s.setItem("k", JSON.stringify({ n: "1" }));
    expect(readStored(s, "k", schema)).toEqual({ kind: "invalid", issue: expect.stringMatching(/^n: /) });
    s.setItem("k", JSON.stringify(["x"]));
    expect(readStored(s, "k", z.array(z.number()))).toEqual({ kind: "invalid", issue: expect.stringMatching(/^0: /) });
    expect(s.getItem("k")).toBe('["x"]');
    s.setItem("k", JSON.stringify({ n: 1 }));
    expect(readStored(s, "k", schema)).toEqual({ kind: "ok", value: { n: 1 } });
    expect(readStored(null, "k", schema)).toEqual({ kind: "none" });
    expect(s.getItem("other")).toBe("kept");
  });

  it("names the root when the whole value is wrong", () => {
    const s = memoryStorage();
    s.setItem("k", "3");
    expect(readStored(s, "k", schema)).toEqual({ kind: "invalid", issue: expect.stringMatching(/^root: /) });
  });
});

describe("writeStored", () => {
  it("returns the quota error and leaves what was stored", () => {
    const s = memoryStorage(10);
    expect(writeStored(s, "k", 1)).toBeNull();
    const e = writeStored(s, "k", "a long text");
    expect(e && isQuotaError(e)).toBe(true);
    expect(s.getItem("k")).toBe("1");
    expect(isQuotaError(new Error("QuotaExceededError"))).toBe(true);
    expect(isQuotaError(new StorageRefused())).toBe(false);
    expect(writeStored(null, "k", 1)).toBeNull();
  });
});

describe("writeNewest", () => {
  const list = Array.from({ length: 50 }, (_, i) => ({ id: `e${i}`, text: "x".repeat(90) }));
  const size = (n: number) => JSON.stringify(list.slice(0, n)).length;

  it("writes the whole list when it fits", () => {
    const s = memoryStorage();
    expect(writeNewest(s, "h", list)).toEqual({ kept: 50, error: null });
    expect(JSON.parse(s.getItem("h") ?? "")).toHaveLength(50);
  });

  it("keeps the most newest entries that fit, as dropping them one by one would", () => {
    for (const room of [1, 7, 23, 49]) {
      const s = memoryStorage(size(room) + 5);
      const { kept, error } = writeNewest(s, "h", list);
      expect(kept).toBe(room);
      expect(error && isQuotaError(error)).toBe(true);
      expect((JSON.parse(s.getItem("h") ?? "") as { id: string }[]).map((e) => e.id)).toEqual(list.slice(0, room).map((e) => e.id));
    }
  });

  it("keeps 0 and the old value when not even one entry fits, and other keys are untouched", () => {
    const s = memoryStorage(40);
    s.setItem("h", "[]");
    s.setItem("other", "x");
    expect(writeNewest(s, "h", list)).toEqual({ kept: 0, error: expect.any(DOMException) });
    expect(s.getItem("h")).toBe("[]");
    expect(s.getItem("other")).toBe("x");
  });

  it("writes an empty list (a cleared history stays cleared)", () => {
    const s = memoryStorage();
    s.setItem("h", JSON.stringify(list));
    expect(writeNewest(s, "h", [])).toEqual({ kept: 0, error: null });
    expect(s.getItem("h")).toBe("[]");
  });
});

describe("text values", () => {
  it("reads, writes and removes text as is", () => {
    const s = memoryStorage(5);
    expect(writeText(s, "t", "dark")).toBeNull();
    expect(readText(s, "t")).toBe("dark");
    expect(writeText(s, "t", "too long")).toBeInstanceOf(DOMException);
    expect(readText(s, "t")).toBe("dark");
    expect(removeStored(s, "t")).toBeNull();
    expect(readText(s, "t")).toBeNull();
    expect(readText(null, "t")).toBeNull();
  });
});
