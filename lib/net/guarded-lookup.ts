import dns from "node:dns";
import type { LookupFunction } from "node:net";
import { blockedAddressReason } from "./address-policy";
import { BlockedAddressError } from "./errors";

/** Resolves a hostname to every address it has (injectable so tests need no real DNS). */
export type Resolver = (hostname: string, options: dns.LookupAllOptions) => Promise<dns.LookupAddress[]>;

const systemResolver: Resolver = (hostname, options) => dns.promises.lookup(hostname, options);

/**
 * A `lookup` for `http.request` that refuses non-public addresses. Node calls it while
 * connecting, so the address checked is the address connected to: a DNS answer that changes
 * between a check and the connect (rebinding) cannot slip past, because there is no separate
 * check. Any refused address among the answers refuses the whole host, since Node may pick any.
 */
export function createGuardedLookup(resolve: Resolver = systemResolver): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { family: options.family, hints: options.hints, all: true })
      .then((addresses) => {
        if (addresses.length === 0) {
          throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
        }
        for (const { address } of addresses) {
          const reason = blockedAddressReason(address);
          if (reason) throw new BlockedAddressError(hostname, address, reason);
        }
        const first = addresses[0]!;
        if (options.all) callback(null, addresses);
        else callback(null, first.address, first.family);
      })
      .catch((error: NodeJS.ErrnoException) => callback(error, "", 0));
  };
}
