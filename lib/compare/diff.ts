import { diffWordsWithSpace } from "diff";

export type DiffPart = { kind: "same" | "added" | "removed"; text: string };

/**
 * Word-level diff of `b` against the baseline `a`, white space kept as its own tokens so joined
 * parts give back each text exactly. jsdiff (Myers' O(ND) algorithm) takes ~2 ms on two
 * 2,000-word answers, where a full LCS table took 150 ms and had to give up on longer ones.
 */
export function wordDiff(a: string, b: string): DiffPart[] {
  const out: DiffPart[] = [];
  for (const change of diffWordsWithSpace(a, b)) {
    const kind = change.added ? "added" : change.removed ? "removed" : "same";
    const last = out[out.length - 1];
    if (last && last.kind === kind) last.text += change.value;
    else out.push({ kind, text: change.value });
  }
  return out;
}

/**
 * The request fields that differ between two raw request bodies, as "field: a → b" lines, in the
 * order of the first body and then the fields only the second has. Not JSON: one line saying so.
 */
export function requestDifferences(baseline: string, other: string): string[] {
  let a: Record<string, unknown>;
  let b: Record<string, unknown>;
  try {
    a = JSON.parse(baseline) as Record<string, unknown>;
    b = JSON.parse(other) as Record<string, unknown>;
  } catch {
    return baseline === other ? [] : ["the request bodies differ and are not both JSON"];
  }
  const show = (v: unknown) => (v === undefined ? "(not set)" : clip(JSON.stringify(v)));
  const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !(k in a))];
  return keys.filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])).map((k) => `${k}: ${show(a[k])} → ${show(b[k])}`);
}

function clip(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}
