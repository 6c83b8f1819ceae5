import { type VocabTrie, isPlain } from "./vocab-trie";
import type { ConstraintMatcher } from "./types";

/**
 * The shape every engine reduces to: a character-level automaton with immutable states and an
 * exact distance-to-completion. Masking, closing mode and caching are written once, here.
 */
export interface CharAutomaton<S> {
  readonly start: S;
  /** The state after one more code point, or null when no valid output continues this way. */
  step(state: S, cp: number): S | null;
  /**
   * Exact least cost still needed to complete (0 = complete, Infinity = not completable). For
   * characters it counts single-character tokens; any measure works as long as, from every
   * completable state, some token lowers it: closing mode relies on that to always terminate.
   */
  distance(state: S): number;
  /** States with equal keys behave identically from here on (keys the mask cache). */
  key(state: S): string | number;
  /** True when one character never lowers the distance by more than one (lets closing walks prune). */
  readonly unitSteps?: boolean;
  /**
   * Optional shortcut: a length R such that every run of at most R plain characters (isPlain)
   * from `state` ends in a state the mask accepts in this mode. Plain subtrees of the trie no
   * deeper than R are then taken whole, without stepping (string contents, free keys).
   */
  plainBudget?(state: S, closing: boolean): number;
}

export interface AllowedSet {
  readonly ids: readonly number[];
  readonly eos: boolean;
}

/** Cached masks are bounded by their total size in ids (≈ 8 bytes each), not by count. */
const MAX_CACHED_IDS = 500_000;

/** Token masks for one automaton over one vocabulary, cached per state key and mode. */
export class MaskEngine<S> {
  private readonly open = new Map<string | number, AllowedSet>();
  private readonly closing = new Map<string | number, AllowedSet>();
  private cachedIds = 0;

  constructor(
    readonly automaton: CharAutomaton<S>,
    readonly trie: VocabTrie,
  ) {}

  allowed(state: S, closing: boolean): AllowedSet {
    const cache = closing ? this.closing : this.open;
    const key = this.automaton.key(state);
    let hit = cache.get(key);
    if (!hit) {
      hit = this.compute(state, closing);
      if (this.cachedIds + hit.ids.length > MAX_CACHED_IDS) {
        this.open.clear();
        this.closing.clear();
        this.cachedIds = 0;
      }
      this.cachedIds += hit.ids.length;
      cache.set(key, hit);
    }
    return hit;
  }

  /** The state after a whole token; throws when the token cannot continue a valid output. */
  advance(state: S, id: number): S {
    const cps = this.trie.pieceCps[id];
    if (!cps || cps.length === 0) throw new Error(`Token ${id} is not allowed by the constraint.`);
    let s: S | null = state;
    for (const cp of cps) {
      s = this.automaton.step(s, cp);
      if (s === null) break;
    }
    if (s === null || this.automaton.distance(s) === Number.POSITIVE_INFINITY) {
      throw new Error(
        `Token ${id} (${JSON.stringify(cps.map((c) => String.fromCodePoint(c)).join(""))}) is not allowed by the constraint.`,
      );
    }
    return s;
  }

  private compute(state: S, closing: boolean): AllowedSet {
    const d0 = this.automaton.distance(state);
    const ids: number[] = [];
    if (!(closing && d0 === 0)) this.walk(0, state, closing ? d0 : Number.POSITIVE_INFINITY, closing, ids);
    return { ids, eos: d0 === 0 };
  }

  /** Depth-first over the trie in lockstep with the automaton; dead states prune whole subtrees. */
  private walk(node: number, state: S, limit: number, closing: boolean, out: number[]): void {
    const { edgeStart, edgeCp, edgeTo, idStart, ids, depthBelow, subtreeEnd, plainBelow } = this.trie;
    const auto = this.automaton;
    const budget = auto.plainBudget ? auto.plainBudget(state, closing) : 0;
    for (let e = edgeStart[node]!; e < edgeStart[node + 1]!; e++) {
      const child = edgeTo[e]!;
      if (budget > depthBelow[child]! && plainBelow[child] && isPlain(edgeCp[e]!)) {
        for (let k = idStart[child]!; k < idStart[subtreeEnd[child]!]!; k++) out.push(ids[k]!);
        continue;
      }
      const next = auto.step(state, edgeCp[e]!);
      if (next === null) continue;
      const d = auto.distance(next);
      if (d < limit) for (let k = idStart[child]!; k < idStart[child + 1]!; k++) out.push(ids[k]!);
      // Distance falls by at most one per character, so a deep enough subtree is needed to get under the limit.
      if (closing && auto.unitSteps && d - depthBelow[child]! >= limit) continue;
      if (edgeStart[child + 1]! > edgeStart[child]!) this.walk(child, next, limit, closing, out);
    }
  }
}

/** A matcher is an engine plus one immutable state, so clone() is a pointer copy. */
export class AutomatonMatcher<S> implements ConstraintMatcher {
  constructor(
    private readonly engine: MaskEngine<S>,
    private state: S,
  ) {}

  allowed(options?: { closing?: boolean }): AllowedSet {
    return this.engine.allowed(this.state, options?.closing === true);
  }

  advance(tokenId: number): void {
    this.state = this.engine.advance(this.state, tokenId);
  }

  isComplete(): boolean {
    return this.engine.automaton.distance(this.state) === 0;
  }

  mustEnd(): boolean {
    return this.isComplete() && this.engine.allowed(this.state, false).ids.length === 0;
  }

  clone(): AutomatonMatcher<S> {
    return new AutomatonMatcher(this.engine, this.state);
  }
}
