import { corpusDocuments } from "./corpus";
import { NgramModel } from "./ngram";

/**
 * The served model, trained once per server process on the shipped corpus (a few tens of
 * milliseconds) and kept in module scope; every request reuses it.
 */
let base: NgramModel | null = null;

export function localModel(): NgramModel {
  base ??= NgramModel.train(corpusDocuments(), { maxVocab: 2048, minCount: 1 });
  return base;
}
