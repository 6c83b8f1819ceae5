import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * The buttons sit in the playground header, so what they import statically is in the page's first
 * load. zod (behind lib/share, lib/import and lib/exchange/share-link) must only be reached by import().
 */
const dir = fileURLToPath(new URL(".", import.meta.url));
const HEAVY = [/^@\/lib\/share$/, /^@\/lib\/import$/, /^@\/lib\/session\/schema$/, /^zod$/, /^@\/lib\/exchange\/share-link$/];

describe("first load", () => {
  const files = readdirSync(dir).filter((f) => /\.tsx?$/.test(f) && !f.includes(".test."));
  it.each(files)("%s imports zod-backed modules only as types or with import()", (file) => {
    const source = readFileSync(`${dir}${file}`, "utf8");
    const valueImports = [...source.matchAll(/^import\s+(?!type\s)([^;]*?)\s+from\s+"([^"]+)"/gm)]
      .filter(([, names]) => !/^\{\s*(type\s+\w+\s*,?\s*)+\}$/.test(names ?? ""))
      .map(([, , from]) => from ?? "");
    expect(valueImports.filter((from) => HEAVY.some((h) => h.test(from)))).toEqual([]);
  });
});
