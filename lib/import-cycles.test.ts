import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { type ImportGraph, importCycles, importGraph, importRefs, resolveSpecifier } from "@/test/support/import-graph";

/**
 * No module of the app reaches itself through its imports. A cycle makes load order decide
 * which side sees the other half-initialised, and it means two files are one concern. Imports
 * the compiler erases (`import type`, `typeof import(…)`) are left out: they load nothing, so
 * they cannot leave a module half-initialised (a schema and the helpers it re-exports share
 * types both ways, as lib/session/schema does).
 */
const root = fileURLToPath(new URL("..", import.meta.url));
const FOLDERS = ["app", "components", "lib", "server"];

const graph = (edges: Record<string, string[]>): ImportGraph => new Map(Object.entries(edges));

/**
 * The graph of lib's folders: `lib/<folder>/…` files become `lib/<folder>`, edges inside one folder
 * dropped. Tests are left out: a test may reach across folders (stores.test.ts loads every store).
 */
function folderGraph(modules: ImportGraph): ImportGraph {
  const folderOf = (file: string) =>
    file
      .split("/")
      .slice(0, 2)
      .join("/")
      .replace(/\.tsx?$/, "");
  const folders: ImportGraph = new Map();
  for (const [file, imports] of modules) {
    if (!file.startsWith("lib/") || file.includes(".test.")) continue;
    const from = folderOf(file);
    const to = imports.filter((i) => i.startsWith("lib/")).map(folderOf);
    folders.set(from, [...new Set([...(folders.get(from) ?? []), ...to.filter((t) => t !== from)])]);
  }
  return folders;
}

describe("importCycles", () => {
  it("finds a loop of two, a loop of three, and a module importing itself", () => {
    const cycles = importCycles(graph({ a: ["b"], b: ["a"], c: ["d"], d: ["e"], e: ["c", "f"], f: [], s: ["s"] }));
    expect(cycles).toEqual([["a", "b"], ["c", "d", "e"], ["s"]]);
  });

  it("finds none in a graph where paths only meet", () => {
    expect(importCycles(graph({ a: ["b", "c"], b: ["d"], c: ["d"], d: [] }))).toEqual([]);
  });
});

describe("importRefs", () => {
  const text = [
    'import { a } from "./a";',
    'import type { B } from "./b";',
    'import { type C, type D } from "./c";',
    'import { type E, e } from "./e";',
    'export { f } from "./f";',
    'export type { G } from "./g";',
    'const h = () => import("./h");',
    'type I = typeof import("./i");',
    'import "./j";',
  ].join("\n");

  it("reads every kind of import and marks the ones the compiler erases", () => {
    expect(importRefs("x.ts", text)).toEqual([
      { specifier: "./a", typeOnly: false },
      { specifier: "./b", typeOnly: true },
      { specifier: "./c", typeOnly: true },
      { specifier: "./e", typeOnly: false },
      { specifier: "./f", typeOnly: false },
      { specifier: "./g", typeOnly: true },
      { specifier: "./h", typeOnly: false },
      { specifier: "./i", typeOnly: true },
      { specifier: "./j", typeOnly: false },
    ]);
  });

  it("resolves the alias, relative paths and folder indexes to project files, and skips packages", () => {
    const known = new Set(["lib/a/index.ts", "lib/a/b.ts", "components/C.tsx"]);
    expect(resolveSpecifier(root, "lib/a/b.ts", ".", known)).toBe("lib/a/index.ts");
    expect(resolveSpecifier(root, "components/C.tsx", "@/lib/a/b", known)).toBe("lib/a/b.ts");
    expect(resolveSpecifier(root, "lib/a/b.ts", "../../components/C", known)).toBe("components/C.tsx");
    expect(resolveSpecifier(root, "lib/a/b.ts", "zod", known)).toBeUndefined();
  });
});

describe("importGraph", () => {
  it("turns files on disk into the graph that shows their cycle, leaving type-only imports out", () => {
    const dir = mkdtempSync(join(tmpdir(), "import-cycles-"));
    try {
      mkdirSync(join(dir, "lib", "x"), { recursive: true });
      writeFileSync(join(dir, "lib", "x", "index.ts"), 'export { b } from "./b";\n');
      writeFileSync(join(dir, "lib", "x", "b.ts"), 'import { c } from "@/lib/c";\nexport const b = c;\n');
      writeFileSync(join(dir, "lib", "c.ts"), 'import type { T } from "./d";\nexport const c = () => import("./x");\n');
      writeFileSync(join(dir, "lib", "d.ts"), 'import { c } from "./c";\nexport type T = typeof c;\n');
      expect(importCycles(importGraph(dir, ["lib"]))).toEqual([["lib/c.ts", "lib/x/b.ts", "lib/x/index.ts"]]);
      expect(importCycles(importGraph(dir, ["lib"], true))).toEqual([["lib/c.ts", "lib/d.ts", "lib/x/b.ts", "lib/x/index.ts"]]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("folderGraph", () => {
  it("turns a loop between two lib folders into a cycle of the folders, and leaves a folder's own imports out", () => {
    const modules = graph({
      "lib/a/x.ts": ["lib/a/y.ts", "lib/b/z.ts"],
      "lib/a/y.ts": [],
      "lib/b/z.ts": ["lib/a/y.ts"],
      "lib/c.ts": ["lib/a/x.ts"],
    });
    expect(importCycles(folderGraph(modules))).toEqual([["lib/a", "lib/b"]]);
  });
});

describe("the app's modules", () => {
  it("import one another without a cycle", () => {
    const modules = importGraph(root, FOLDERS);
    expect(modules.size).toBeGreaterThan(300);
    expect(importCycles(modules)).toEqual([]);
  });

  it("and lib's folders do not import one another in a loop either", () => {
    expect(importCycles(folderGraph(importGraph(root, ["lib"])))).toEqual([]);
  });
});
