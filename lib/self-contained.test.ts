import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/**
 * A clone with nothing beside it must pass its own tests: the folder of shared reading material
 * that sits next to the project on development machines is never a path the project reads. The
 * pages and schemas tests need are copied into the repository (e2e/fixtures/provider-docs,
 * test/fixtures/openai). This scans every file git knows of (tracked, or new and not ignored).
 */
const root = new URL("..", import.meta.url);
const SELF = "lib/self-contained.test.ts";

/** Ways a path to the sibling folder gets written: relative, as path segments, or absolute. */
const OUTSIDE = [/\.\.[\\/]shared\b/, /["'`]\.\.["'`]\s*,\s*["'`]shared["'`]/, /\/work\/shared\b/];

/** The 1-based numbers of the lines that point at the sibling folder. */
function outsideReads(text: string): number[] {
  return text.split("\n").flatMap((line, i) => (OUTSIDE.some((re) => re.test(line)) ? [i + 1] : []));
}

function projectFiles(): string[] {
  const out = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: root, encoding: "utf8" });
  return out.split("\0").filter((f) => f !== "" && f !== SELF);
}

describe("the repository is self-contained", () => {
  it("recognises the ways the sibling folder was read before", () => {
    const up = "..";
    const folder = "shared";
    expect(outsideReads(`readFileSync(new URL(\`${up}/${up}/${up}/${up}/${folder}/seeds/\${file}\`, import.meta.url))`)).toEqual([1]);
    expect(outsideReads(`x\nnew URL("${up}/${up}/${up}/${folder}/openai-spec/chat-schemas.json", import.meta.url)`)).toEqual([2]);
    expect(outsideReads(`path.join(root, "${up}", "${folder}", "seeds")`)).toEqual([1]);
    expect(outsideReads(`cat /work/${folder}/providers.md`)).toEqual([1]);
    expect(outsideReads('const sharedDispatch = useCallback(...); // "shared session"')).toEqual([]);
  });

  it("no file in the project reads the folder beside it", () => {
    const files = projectFiles();
    expect(files.length).toBeGreaterThan(100);
    const hits: string[] = [];
    for (const file of files) {
      let text: string;
      try {
        text = readFileSync(new URL(file, root), "utf8");
      } catch {
        continue; // deleted in the work tree but still in the index
      }
      if (text.includes("\0")) continue; // binary
      for (const line of outsideReads(text)) hits.push(`${file}:${line}`);
    }
    expect(hits).toEqual([]);
  });
});
