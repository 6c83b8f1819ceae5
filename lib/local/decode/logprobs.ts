/**
 * Log-probabilities as the API reports them. They are read from the shaped distribution: after
 * logit_bias, penalties, the constraint mask and temperature (temperature 0 reported as 1), and
 * before top_k / top_p / min_p truncation — so the alternatives a user sees are the ones the
 * sampler weighed, not only the ones that survived the cut. -Infinity becomes -9999, OpenAI's
 * value for "very unlikely", because JSON has no infinities.
 */
export interface TokenLogprob {
  id: number;
  logprob: number;
  /** Most likely alternatives at this position, most likely first. */
  top: { id: number; logprob: number }[];
}

const FLOOR = -9999;

function safeLog(x: number): number {
  const l = Math.log(x);
  return Number.isFinite(l) ? Math.max(l, FLOOR) : FLOOR;
}

export function tokenLogprob(p: Float64Array, chosen: number, topN: number): TokenLogprob {
  let total = 0;
  for (let i = 0; i < p.length; i++) total += p[i]!;
  const top: { id: number; logprob: number }[] = [];
  if (topN > 0) {
    // One pass keeping a small sorted list: topN is at most 20.
    const ids: number[] = [];
    for (let i = 0; i < p.length; i++) {
      const v = p[i]!;
      if (v <= 0) continue;
      if (ids.length === topN && v <= p[ids[topN - 1]!]!) continue;
      let j = ids.length < topN ? ids.length : topN - 1;
      while (j > 0 && p[ids[j - 1]!]! < v) {
        ids[j] = ids[j - 1]!;
        j--;
      }
      ids[j] = i;
    }
    for (const id of ids) top.push({ id, logprob: safeLog(p[id]! / total) });
  }
  return { id: chosen, logprob: safeLog((p[chosen] ?? 0) / total), top };
}
