export type DiffPart = { kind: "same" | "added" | "removed"; text: string };

/** Words and the white space after them, so joined parts give back the texts exactly. */
function words(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

/** Past this many word pairs the table would be too large; the diff then compares whole texts. */
const MAX_CELLS = 4_000_000;

/**
 * Word-level diff of `b` against the baseline `a` (longest common subsequence). Removed parts
 * are the baseline's words missing from `b`; added ones are `b`'s own.
 */
export function wordDiff(a: string, b: string): DiffPart[] {
  const x = words(a);
  const y = words(b);
  if (x.length * y.length > MAX_CELLS) return a === b ? [{ kind: "same", text: a }] : [{ kind: "removed", text: a }, { kind: "added", text: b }];
  const w = y.length + 1;
  const lcs = new Uint32Array((x.length + 1) * w);
  for (let i = x.length - 1; i >= 0; i--) {
    for (let j = y.length - 1; j >= 0; j--) {
      lcs[i * w + j] = x[i]?.trim() === y[j]?.trim() ? (lcs[(i + 1) * w + j + 1] ?? 0) + 1 : Math.max(lcs[(i + 1) * w + j] ?? 0, lcs[i * w + j + 1] ?? 0);
    }
  }
  const out: DiffPart[] = [];
  const push = (kind: DiffPart["kind"], text: string) => {
    const last = out[out.length - 1];
    if (last && last.kind === kind) last.text += text;
    else out.push({ kind, text });
  };
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    if (x[i]?.trim() === y[j]?.trim()) {
      push("same", y[j] ?? "");
      i++;
      j++;
    } else if ((lcs[(i + 1) * w + j] ?? 0) >= (lcs[i * w + j + 1] ?? 0)) push("removed", x[i++] ?? "");
    else push("added", y[j++] ?? "");
  }
  while (i < x.length) push("removed", x[i++] ?? "");
  while (j < y.length) push("added", y[j++] ?? "");
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
