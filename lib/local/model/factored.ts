/**
 * Bookkeeping that lets temperature skip a `pow` per vocabulary entry. The model's distribution is
 * `uniScale · unigram[i]` for every token except the few its sparse n-gram lists (and later the
 * bias, the penalties) touched; for the untouched ones `(uniScale · u / max)^(1/T)` equals
 * `(uniScale / max)^(1/T) · u^(1/T)`, and `u^(1/T)` is computed once per request.
 */
export class Factored {
  uniScale = 1;
  unigram: Float64Array = new Float64Array(0);
  ids = new Int32Array(256);
  count = 0;
  /** False once something broke the factored form (then temperature takes the slow path). */
  exact = true;
  /** `stamp[id] === epoch` marks the ids touched this step, without clearing an array per step. */
  private stamp = new Int32Array(0);
  private epoch = 0;

  reset(unigram: Float64Array, uniScale: number): void {
    this.unigram = unigram;
    this.uniScale = uniScale;
    this.count = 0;
    this.exact = true;
    if (this.stamp.length !== unigram.length) this.stamp = new Int32Array(unigram.length);
    this.epoch++;
  }

  isTouched(id: number): boolean {
    return this.stamp[id] === this.epoch;
  }

  touch(id: number): void {
    this.stamp[id] = this.epoch;
    if (this.count === this.ids.length) {
      const bigger = new Int32Array(this.ids.length * 2);
      bigger.set(this.ids);
      this.ids = bigger;
    }
    this.ids[this.count++] = id;
  }

  touchAll(ids: Int32Array): void {
    for (let j = 0; j < ids.length; j++) this.touch(ids[j]!);
  }
}
