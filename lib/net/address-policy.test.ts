import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { blockedAddressReason } from "./address-policy";

describe("blockedAddressReason", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.255.255.254", "loopback"],
    ["0.0.0.0", "unspecified"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["169.254.169.254", "link-local"],
    ["100.64.0.1", "carrier-grade NAT"],
    ["192.0.0.170", "IETF"],
    ["198.18.0.1", "benchmarking"],
    ["224.0.0.1", "multicast"],
    ["255.255.255.255", "reserved"],
    ["::", "unspecified"],
    ["::1", "loopback"],
    ["fc00::1", "unique-local"],
    ["fd12:3456:789a::1", "unique-local"],
    ["fe80::1%eth0", "link-local"],
    ["ff02::1", "multicast"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["::ffff:a9fe:a9fe", "link-local"],
    ["64:ff9b::7f00:1", "loopback"],
    ["2002:7f00:1::1", "loopback"],
    ["::127.0.0.1", "IPv4-compatible"],
    ["2001:db8::1", "documentation"],
    ["[::1]", "loopback"],
  ])("refuses %s (%s)", (address, label) => {
    expect(blockedAddressReason(address)).toContain(label);
  });

  it.each(["8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "2606:4700:4700::1111", "::ffff:8.8.8.8", "64:ff9b::808:808"])(
    "allows public %s",
    (address) => {
      expect(blockedAddressReason(address)).toBeNull();
    },
  );

  it("refuses what is not an IP address at all", () => {
    expect(blockedAddressReason("localhost")).toBe("not an IP address");
    expect(blockedAddressReason("1.2.3")).toBe("not an IP address");
    expect(blockedAddressReason("1:2:3:4:5:6:7:8:9")).toBe("not an IP address");
  });

  it("refuses every address in 127/8, 10/8 and 192.168/16, in dotted and IPv4-mapped form", () => {
    const octet = fc.integer({ min: 0, max: 255 });
    const first = fc.constantFrom([127], [10], [192, 168]);
    fc.assert(
      fc.property(first, octet, octet, octet, (head, b, c, d) => {
        const bytes = [...head, b, c, d].slice(0, 4);
        const dotted = bytes.join(".");
        const hex = (x: number, y: number) => ((x << 8) | y).toString(16);
        const mapped = `::ffff:${hex(bytes[0]!, bytes[1]!)}:${hex(bytes[2]!, bytes[3]!)}`;
        return blockedAddressReason(dotted) !== null && blockedAddressReason(mapped) !== null;
      }),
    );
  });
});
