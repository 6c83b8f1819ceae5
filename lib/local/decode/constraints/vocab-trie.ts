import type { CharSet } from "./charset";
import { fromCodePoints } from "./charset";
import type { Vocab } from "./types";

/**
 * A character trie over the vocabulary's pieces, flattened into typed arrays so that a mask walk
 * touches each shared prefix once instead of re-reading every piece. Built once per vocabulary
 * object (the tokenizer is long-lived) and shared by every constraint compiled against it.
 */
export interface VocabTrie {
  /** Edges of node n are `edgeStart[n] .. edgeStart[n + 1]`. */
  readonly edgeStart: Int32Array;
  readonly edgeCp: Int32Array;
  readonly edgeTo: Int32Array;
  /** Token ids whose piece ends at node n are `ids[idStart[n] .. idStart[n + 1]]`. */
  readonly idStart: Int32Array;
  readonly ids: Int32Array;
  /** Longest path below node n, in characters (prunes closing-mode walks). */
  readonly depthBelow: Int32Array;
  /**
   * Nodes are numbered depth-first, so node n's subtree is `n .. subtreeEnd[n]` and its token ids
   * are the contiguous slice `ids[idStart[n] .. idStart[subtreeEnd[n]]]`.
   */
  readonly subtreeEnd: Int32Array;
  /** 1 when every character below node n is plain JSON string content (see isPlain). */
  readonly plainBelow: Uint8Array;
  /** Code points present as a one-character token: what a decoder can always spell. */
  readonly singles: CharSet;
  /** Code points of each token's piece (empty for EOS and empty pieces). */
  readonly pieceCps: readonly (readonly number[])[];
}

interface BuildNode {
  children: Map<number, BuildNode>;
  ids: number[];
}

const cache = new WeakMap<Vocab, VocabTrie>();

export function vocabTrie(vocab: Vocab): VocabTrie {
  let trie = cache.get(vocab);
  if (!trie) {
    trie = buildTrie(vocab);
    cache.set(vocab, trie);
  }
  return trie;
}

function codePoints(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) out.push(ch.codePointAt(0)!);
  return out;
}

function buildTrie(vocab: Vocab): VocabTrie {
  const root: BuildNode = { children: new Map(), ids: [] };
  const pieceCps: number[][] = [];
  const singles: number[] = [];
  vocab.pieces.forEach((piece, id) => {
    const cps = id === vocab.eosId ? [] : codePoints(piece);
    pieceCps.push(cps);
    if (cps.length === 0) return;
    if (cps.length === 1) singles.push(cps[0]!);
    let node = root;
    for (const cp of cps) {
      let child = node.children.get(cp);
      if (!child) {
        child = { children: new Map(), ids: [] };
        node.children.set(cp, child);
      }
      node = child;
    }
    node.ids.push(id);
  });
  return { ...flatten(root), singles: fromCodePoints(singles), pieceCps };
}

/** Characters a JSON string (or a free key) takes as they are: not control, `"` or `\`. */
export function isPlain(cp: number): boolean {
  return cp >= 0x20 && cp !== 0x22 && cp !== 0x5c;
}

/** Depth-first numbering: subtrees are contiguous ranges of nodes (and so of token ids). */
function flatten(root: BuildNode): Omit<VocabTrie, "singles" | "pieceCps"> {
  const order: BuildNode[] = [];
  const index = new Map<BuildNode, number>();
  const stack: BuildNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    index.set(node, order.length);
    order.push(node);
    stack.push(...[...node.children.values()].reverse());
  }
  const n = order.length;
  const edgeStart = new Int32Array(n + 1);
  const edgeCp = new Int32Array(n - 1);
  const edgeTo = new Int32Array(n - 1);
  const idStart = new Int32Array(n + 1);
  const allIds: number[] = [];
  let e = 0;
  order.forEach((node, i) => {
    edgeStart[i] = e;
    idStart[i] = allIds.length;
    allIds.push(...node.ids);
    for (const [cp, child] of node.children) {
      edgeCp[e] = cp;
      edgeTo[e++] = index.get(child)!;
    }
  });
  edgeStart[n] = e;
  idStart[n] = allIds.length;
  const depthBelow = new Int32Array(n);
  const subtreeEnd = new Int32Array(n);
  const plainBelow = new Uint8Array(n);
  // Children have larger numbers than their parent, so a reverse sweep sees them first.
  for (let i = n - 1; i >= 0; i--) {
    subtreeEnd[i] = i + 1;
    plainBelow[i] = 1;
    for (let k = edgeStart[i]!; k < edgeStart[i + 1]!; k++) {
      const c = edgeTo[k]!;
      depthBelow[i] = Math.max(depthBelow[i]!, depthBelow[c]! + 1);
      subtreeEnd[i] = Math.max(subtreeEnd[i]!, subtreeEnd[c]!);
      if (!plainBelow[c] || !isPlain(edgeCp[k]!)) plainBelow[i] = 0;
    }
  }
  return { edgeStart, edgeCp, edgeTo, idStart, ids: Int32Array.from(allIds), depthBelow, subtreeEnd, plainBelow };
}
