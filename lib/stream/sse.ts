/**
 * A server-sent events parser fed with raw bytes. It decodes with one TextDecoder in
 * `{ stream: true }` mode, so a multi-byte character split across chunks survives, and keeps the
 * unfinished line between chunks, so an event split across chunks comes out whole.
 * Events are reported exactly as received: `data` is the joined data lines, not parsed.
 */
export interface SseEvent {
  /** The `event:` field, when the server sent one. */
  event?: string;
  /** The data lines joined with "\n". */
  data: string;
  /** The `id:` field, when present. */
  id?: string;
}

export class SseParser {
  private readonly decoder = new TextDecoder("utf-8");
  private buffer = "";
  private dataLines: string[] = [];
  private eventName: string | undefined;
  private eventId: string | undefined;
  private hasData = false;

  /** Feeds bytes (or already-decoded text) and returns the events completed by them. */
  push(chunk: Uint8Array | string): SseEvent[] {
    this.buffer += typeof chunk === "string" ? chunk : this.decoder.decode(chunk, { stream: true });
    return this.drainLines();
  }

  /** Flushes the decoder and dispatches a last event that had no blank line after it. */
  end(): SseEvent[] {
    this.buffer += this.decoder.decode();
    const out = this.drainLines();
    const rest = this.buffer.endsWith("\r") ? this.buffer.slice(0, -1) : this.buffer;
    if (rest !== "") this.processLine(rest, out);
    this.buffer = "";
    this.dispatch(out);
    return out;
  }

  /** Splits the buffer at CRLF, LF or CR in one linear pass; the unfinished line stays buffered. */
  private drainLines(): SseEvent[] {
    const out: SseEvent[] = [];
    const eol = /\r\n|\r|\n/g;
    let start = 0;
    for (;;) {
      eol.lastIndex = start;
      const m = eol.exec(this.buffer);
      if (!m) break;
      // A "\r" at the very end may be the first half of "\r\n": wait for more.
      if (m[0] === "\r" && m.index === this.buffer.length - 1) break;
      this.processLine(this.buffer.slice(start, m.index), out);
      start = m.index + m[0].length;
    }
    this.buffer = start === 0 ? this.buffer : this.buffer.slice(start);
    return out;
  }

  private processLine(line: string, out: SseEvent[]): void {
    if (line === "") {
      this.dispatch(out);
      return;
    }
    if (line.startsWith(":")) return;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "data") {
      this.dataLines.push(value);
      this.hasData = true;
    } else if (field === "event") {
      this.eventName = value;
    } else if (field === "id") {
      this.eventId = value;
    }
  }

  private dispatch(out: SseEvent[]): void {
    if (this.hasData) {
      const ev: SseEvent = { data: this.dataLines.join("\n") };
      if (this.eventName !== undefined) ev.event = this.eventName;
      if (this.eventId !== undefined) ev.id = this.eventId;
      out.push(ev);
    }
    this.dataLines = [];
    this.hasData = false;
    this.eventName = undefined;
    this.eventId = undefined;
  }
}
