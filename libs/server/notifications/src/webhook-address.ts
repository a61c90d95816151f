import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/** Why a webhook URL is refused, phrased for the `url` field of a 422. */
export class WebhookAddressError extends Error {}

// Loopback, private, link-local and other ranges that are never a public receiver.
const BLOCKED = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  BLOCKED.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  BLOCKED.addSubnet(net, prefix, 'ipv6');

export function isBlockedAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return BLOCKED.check(address, 'ipv4');
  if (family !== 6) return true;
  // BlockList also matches IPv4-mapped IPv6 addresses (::ffff:127.0.0.1) against the IPv4 ranges.
  return BLOCKED.check(address, 'ipv6');
}

export interface ResolvedTarget {
  url: URL;
  /** Every address the host resolved to, each checked; requests connect only to these. */
  addresses: { address: string; family: 4 | 6 }[];
}

/**
 * Parses and resolves a webhook URL, refusing other schemes and, unless allowed, any host
 * that resolves to a non-public address. All resolved addresses must pass, since a client
 * may connect to any of them.
 */
export async function resolveWebhookTarget(raw: string, allowPrivate: boolean): Promise<ResolvedTarget> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new WebhookAddressError('must be an absolute http or https URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new WebhookAddressError('must use https or http');
  if (url.username || url.password) throw new WebhookAddressError('must not carry credentials; use the secret');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: { address: string; family: 4 | 6 }[];
  if (isIP(host)) {
    addresses = [{ address: host, family: isIP(host) as 4 | 6 }];
  } else {
    try {
      addresses = (await lookup(host, { all: true, verbatim: true })).map((a) => ({
        address: a.address,
        family: a.family as 4 | 6,
      }));
    } catch {
      throw new WebhookAddressError(`host ${host} does not resolve`);
    }
    if (addresses.length === 0) throw new WebhookAddressError(`host ${host} does not resolve`);
  }
  if (!allowPrivate) {
    const blocked = addresses.find((a) => isBlockedAddress(a.address));
    if (blocked)
      throw new WebhookAddressError(
        `resolves to ${blocked.address}, a loopback, private or link-local address, which is not allowed`,
      );
  }
  return { url, addresses };
}
