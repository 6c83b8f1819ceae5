import { badRequest } from "../../../errors";
import { type CharSet, intersects } from "./charset";
import type { RegexNode } from "./regex-parse";

/**
 * Thompson NFA: each state has ε-edges and at most one character-set edge. Small and simple; the
 * lazily built DFA on top of it (regex-dfa.ts) makes it fast.
 */
export interface Nfa {
  readonly eps: readonly (readonly number[])[];
  readonly set: readonly (CharSet | null)[];
  readonly to: readonly number[];
  readonly start: number;
  readonly accept: number;
}

const MAX_STATES = 50_000;

class Builder {
  readonly eps: number[][] = [];
  readonly set: (CharSet | null)[] = [];
  readonly to: number[] = [];

  state(): number {
    if (this.eps.length >= MAX_STATES)
      throw badRequest("Invalid guided_regex: the pattern is too large (expand fewer repetitions).", "guided_regex");
    this.eps.push([]);
    this.set.push(null);
    this.to.push(-1);
    return this.eps.length - 1;
  }

  /** Builds `node` between two fresh states and returns them. */
  build(node: RegexNode): [number, number] {
    switch (node.t) {
      case "set": {
        const [a, b] = [this.state(), this.state()];
        this.set[a] = node.set;
        this.to[a] = b;
        return [a, b];
      }
      case "cat": {
        const a = this.state();
        let end = a;
        for (const item of node.items) {
          const [s, e] = this.build(item);
          this.eps[end]!.push(s);
          end = e;
        }
        return [a, end];
      }
      case "alt": {
        const [a, b] = [this.state(), this.state()];
        for (const item of node.items) {
          const [s, e] = this.build(item);
          this.eps[a]!.push(s);
          this.eps[e]!.push(b);
        }
        return [a, b];
      }
      case "rep":
        return this.repeat(node.item, node.min, node.max);
    }
  }

  private repeat(item: RegexNode, min: number, max: number): [number, number] {
    const a = this.state();
    let end = a;
    for (let i = 0; i < min; i++) {
      const [s, e] = this.build(item);
      this.eps[end]!.push(s);
      end = e;
    }
    if (max === Number.POSITIVE_INFINITY) {
      const [s, e] = this.build(item);
      const b = this.state();
      this.eps[end]!.push(s, b);
      this.eps[e]!.push(s, b);
      return [a, b];
    }
    const b = this.state();
    for (let i = min; i < max; i++) {
      const [s, e] = this.build(item);
      this.eps[end]!.push(s, b);
      end = e;
    }
    this.eps[end]!.push(b);
    return [a, b];
  }
}

export function buildNfa(node: RegexNode): Nfa {
  const b = new Builder();
  const [start, accept] = b.build(node);
  return { eps: b.eps, set: b.set, to: b.to, start, accept };
}

/**
 * Least number of characters from each state to acceptance, using only edges some one-character
 * token can take: then a decoder in closing mode always has a single-character way forward.
 * 0-1 BFS over the reversed graph.
 */
export function distancesToAccept(nfa: Nfa, spellable: CharSet): Float64Array {
  const n = nfa.eps.length;
  const rev: [number, number][][] = Array.from({ length: n }, () => []);
  for (let s = 0; s < n; s++) {
    for (const t of nfa.eps[s]!) rev[t]!.push([s, 0]);
    const set = nfa.set[s];
    if (set && intersects(set, spellable)) rev[nfa.to[s]!]!.push([s, 1]);
  }
  const dist = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  dist[nfa.accept] = 0;
  const deque: number[] = [nfa.accept];
  let head = 0;
  // A simple two-queue 0-1 BFS: zero-cost edges are pushed to the front via `front`.
  const front: number[] = [];
  while (front.length > 0 || head < deque.length) {
    const s = front.length > 0 ? front.pop()! : deque[head++]!;
    for (const [p, w] of rev[s]!) {
      const d = dist[s]! + w;
      if (d < dist[p]!) {
        dist[p] = d;
        if (w === 0) front.push(p);
        else deque.push(p);
      }
    }
  }
  return dist;
}
