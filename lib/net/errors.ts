/** Thrown from the connect-time DNS lookup when a user-supplied host resolves to a refused address. */
export class BlockedAddressError extends Error {
  readonly host: string;
  readonly address: string;
  readonly reason: string;

  constructor(host: string, address: string, reason: string) {
    super(
      host === address
        ? `Refused to contact ${host}: it is a ${reason} address.`
        : `Refused to contact ${host}: it resolves to ${address}, a ${reason} address.`,
    );
    this.name = "BlockedAddressError";
    this.host = host;
    this.address = address;
    this.reason = reason;
  }
}

/** What to add to a refusal so the operator knows the switch exists. */
export const PRIVATE_UPSTREAMS_HINT =
  "This server does not let the custom provider reach loopback, private, link-local or otherwise non-public addresses (an operator can set PLAYGROUND_ALLOW_PRIVATE_UPSTREAMS=1 to allow it).";
