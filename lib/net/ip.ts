/**
 * Strict IP address parsing into bytes, so that range checks work on numbers rather than on
 * spellings. Inputs are canonical addresses (what DNS returns, what WHATWG URL produces after it
 * has normalised `0x7f.1`, `2130706433` or `127.1`); anything else is "not an IP" and is left to
 * the resolver.
 */

/** Four bytes for a dotted-quad IPv4 address, or null. */
export function parseIPv4(text: string): number[] | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  const bytes: number[] = [];
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return null;
    const n = Number(part);
    if (n > 255) return null;
    bytes.push(n);
  }
  return bytes;
}

function parseHextets(groups: string[]): number[] | null {
  const out: number[] = [];
  for (const group of groups) {
    if (!/^[0-9a-f]{1,4}$/i.test(group)) return null;
    out.push(Number.parseInt(group, 16));
  }
  return out;
}

/** A dotted IPv4 tail (`::ffff:127.0.0.1`) becomes two hextets. */
function expandIPv4Tail(groups: string[]): string[] | null {
  const last = groups[groups.length - 1];
  if (last === undefined || !last.includes(".")) return groups;
  const v4 = parseIPv4(last);
  if (!v4) return null;
  const [a = 0, b = 0, c = 0, d = 0] = v4;
  return [...groups.slice(0, -1), ((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
}

/** Sixteen bytes for an IPv6 address (brackets and a zone id are tolerated), or null. */
export function parseIPv6(text: string): number[] | null {
  let s = text.startsWith("[") && text.endsWith("]") ? text.slice(1, -1) : text;
  const zone = s.indexOf("%");
  if (zone !== -1) s = s.slice(0, zone);
  if (!s.includes(":")) return null;
  const halves = s.split("::");
  if (halves.length > 2) return null;
  const split = (h: string | undefined) => (h ? h.split(":") : []);
  let head = split(halves[0]);
  let tail = split(halves[1]);
  if (halves.length === 1) {
    const all = expandIPv4Tail(head);
    if (all?.length !== 8) return null;
    head = all;
  } else {
    const t = expandIPv4Tail(tail);
    if (!t) return null;
    tail = t;
    if (head.length + tail.length > 7) return null;
  }
  const fill = halves.length === 2 ? 8 - head.length - tail.length : 0;
  const hextets = parseHextets([...head, ...Array<string>(fill).fill("0"), ...tail]);
  if (hextets?.length !== 8) return null;
  return hextets.flatMap((h) => [h >> 8, h & 0xff]);
}

/** True when the first `bits` bits of `bytes` equal those of `prefix`. */
export function inPrefix(bytes: readonly number[], prefix: readonly number[], bits: number): boolean {
  for (let i = 0; i < bits; i += 8) {
    const take = Math.min(8, bits - i);
    const mask = (0xff << (8 - take)) & 0xff;
    const byte = bytes[i / 8] ?? -1;
    const want = prefix[i / 8] ?? 0;
    if ((byte & mask) !== (want & mask)) return false;
  }
  return true;
}
