import { readFileSync } from "node:fs";

/** The providers' own pages, copied unedited into e2e/fixtures/provider-docs (see its README). */
export function seedPage(file: string): string {
  return readFileSync(new URL(`../../../e2e/fixtures/provider-docs/${file}`, import.meta.url), "utf8");
}

/** Every curl command of a page: from a line starting with `curl` to the line closing its -d quote. */
export function curlExamples(page: string): string[] {
  const lines = page.split("\n");
  const out: string[] = [];
  lines.forEach((line, i) => {
    if (!line.startsWith("curl ")) return;
    const end = lines.findIndex((l, j) => j > i && /^\}'\s*$/.test(l));
    out.push(lines.slice(i, end + 1).join("\n"));
  });
  return out;
}
