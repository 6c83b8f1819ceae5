/**
 * Stop strings, applied to text as it is produced. Text that could be the start of a stop string
 * is held back until it either completes one (the output then ends just before it) or can no
 * longer do so; so a stop string spanning several tokens never leaks into the output, streamed or not.
 */
export interface StopPush {
  /** Text safe to emit now. */
  emit: string;
  /** A stop string was found; nothing after `emit` is ever emitted. */
  stopped: boolean;
}

export class StopBuffer {
  private pending = "";
  private readonly stops: readonly string[];

  constructor(stops: readonly string[]) {
    this.stops = stops;
  }

  get held(): string {
    return this.pending;
  }

  push(piece: string): StopPush {
    if (this.stops.length === 0) return { emit: piece, stopped: false };
    const text = this.pending + piece;
    let cut = -1;
    for (const s of this.stops) {
      const at = text.indexOf(s);
      if (at >= 0 && (cut < 0 || at < cut)) cut = at;
    }
    if (cut >= 0) {
      this.pending = "";
      return { emit: text.slice(0, cut), stopped: true };
    }
    const keep = this.partialSuffix(text);
    this.pending = text.slice(text.length - keep);
    return { emit: text.slice(0, text.length - keep), stopped: false };
  }

  /** Length of the longest suffix of `text` that is a proper prefix of some stop string. */
  private partialSuffix(text: string): number {
    let best = 0;
    for (const s of this.stops) {
      for (let len = Math.min(s.length - 1, text.length); len > best; len--) {
        if (text.endsWith(s.slice(0, len))) {
          best = len;
          break;
        }
      }
    }
    return best;
  }

  /** The end of the output without a stop: whatever was held back is emitted. */
  flush(): string {
    const t = this.pending;
    this.pending = "";
    return t;
  }

  clone(): StopBuffer {
    const c = new StopBuffer(this.stops);
    c.pending = this.pending;
    return c;
  }
}
