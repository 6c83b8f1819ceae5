import { inPrefix, parseIPv4, parseIPv6 } from "./ip";

/**
 * Which resolved addresses a user-supplied upstream may connect to. Everything that is not a
 * plain public unicast address is refused: loopback, private, link-local (cloud metadata at
 * 169.254.169.254), carrier-grade NAT, benchmarking, documentation, multicast, reserved, and
 * IPv6 forms that embed an IPv4 address are judged by the address they embed.
 */

interface Range {
  prefix: number[];
  bits: number;
  label: string;
}

const V4: readonly Range[] = [
  { prefix: [0, 0, 0, 0], bits: 8, label: "unspecified (0.0.0.0/8)" },
  { prefix: [10, 0, 0, 0], bits: 8, label: "private (10.0.0.0/8)" },
  { prefix: [100, 64, 0, 0], bits: 10, label: "carrier-grade NAT (100.64.0.0/10)" },
  { prefix: [127, 0, 0, 0], bits: 8, label: "loopback (127.0.0.0/8)" },
  { prefix: [169, 254, 0, 0], bits: 16, label: "link-local / cloud metadata (169.254.0.0/16)" },
  { prefix: [172, 16, 0, 0], bits: 12, label: "private (172.16.0.0/12)" },
  { prefix: [192, 0, 0, 0], bits: 24, label: "IETF protocol assignments (192.0.0.0/24)" },
  { prefix: [192, 0, 2, 0], bits: 24, label: "documentation (192.0.2.0/24)" },
  { prefix: [192, 88, 99, 0], bits: 24, label: "6to4 relay anycast (192.88.99.0/24)" },
  { prefix: [192, 168, 0, 0], bits: 16, label: "private (192.168.0.0/16)" },
  { prefix: [198, 18, 0, 0], bits: 15, label: "benchmarking (198.18.0.0/15)" },
  { prefix: [198, 51, 100, 0], bits: 24, label: "documentation (198.51.100.0/24)" },
  { prefix: [203, 0, 113, 0], bits: 24, label: "documentation (203.0.113.0/24)" },
  { prefix: [224, 0, 0, 0], bits: 4, label: "multicast (224.0.0.0/4)" },
  { prefix: [240, 0, 0, 0], bits: 4, label: "reserved or broadcast (240.0.0.0/4)" },
];

const v6 = (text: string) => parseIPv6(text) ?? [];

const V6: readonly Range[] = [
  { prefix: v6("::"), bits: 128, label: "unspecified (::)" },
  { prefix: v6("::1"), bits: 128, label: "loopback (::1)" },
  { prefix: v6("::"), bits: 96, label: "IPv4-compatible (::/96)" },
  { prefix: v6("64:ff9b:1::"), bits: 48, label: "local-use NAT64 (64:ff9b:1::/48)" },
  { prefix: v6("100::"), bits: 64, label: "discard-only (100::/64)" },
  { prefix: v6("2001::"), bits: 32, label: "Teredo (2001::/32)" },
  { prefix: v6("2001:db8::"), bits: 32, label: "documentation (2001:db8::/32)" },
  { prefix: v6("fc00::"), bits: 7, label: "unique-local (fc00::/7)" },
  { prefix: v6("fe80::"), bits: 10, label: "link-local (fe80::/10)" },
  { prefix: v6("fec0::"), bits: 10, label: "site-local (fec0::/10)" },
  { prefix: v6("ff00::"), bits: 8, label: "multicast (ff00::/8)" },
];

/** IPv6 prefixes whose last (or, for 6to4, bits 16..48) four bytes are an IPv4 address. */
function embeddedIPv4(bytes: readonly number[]): number[] | null {
  if (inPrefix(bytes, v6("::ffff:0:0"), 96)) return bytes.slice(12, 16);
  if (inPrefix(bytes, v6("64:ff9b::"), 96)) return bytes.slice(12, 16);
  if (inPrefix(bytes, v6("2002::"), 16)) return bytes.slice(2, 6);
  return null;
}

function matchV4(bytes: readonly number[]): string | null {
  return V4.find((r) => inPrefix(bytes, r.prefix, r.bits))?.label ?? null;
}

/**
 * Why `address` (a literal IPv4 or IPv6 address) must not be contacted, or null when it is a
 * public address. A string that is no IP address at all is refused too: callers pass resolved
 * addresses, so anything else means something went wrong.
 */
export function blockedAddressReason(address: string): string | null {
  const v4 = parseIPv4(address);
  if (v4) return matchV4(v4);
  const bytes = parseIPv6(address);
  if (!bytes) return "not an IP address";
  const inner = embeddedIPv4(bytes);
  if (inner) {
    const label = matchV4(inner);
    return label ? `${label}, embedded in an IPv6 address` : null;
  }
  return V6.find((r) => inPrefix(bytes, r.prefix, r.bits))?.label ?? null;
}
