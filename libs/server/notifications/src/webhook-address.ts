import ipaddr from 'ipaddr.js';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

/** Why a webhook URL is refused, phrased for the `url` field of a 422. */
export class WebhookAddressError extends Error {}

type IPv4 = ipaddr.IPv4;
type IPv6 = ipaddr.IPv6;

const v4FromBits = (high: number, low: number): IPv4 => new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);

const inRange = (address: IPv6, cidr: string): boolean => address.match(ipaddr.IPv6.parseCIDR(cidr));

/**
 * The IPv4 addresses an IPv6 address carries and would reach: mapped and compatible forms,
 * NAT64, 6to4 and both ends of a Teredo address. Null when it embeds none.
 */
export function embeddedIPv4(address: IPv6): IPv4[] | null {
  const p = address.parts;
  // ::a.b.c.d (compatible) and ::ffff:a.b.c.d (mapped); :: and ::1 are IPv6's own.
  if (p.slice(0, 5).every((x) => x === 0) && (p[5] === 0xffff || (p[5] === 0 && (p[6] !== 0 || p[7] > 1))))
    return [v4FromBits(p[6], p[7])];
  // ::ffff:0:a.b.c.d (RFC 6145 translated) and 64:ff9b::a.b.c.d (RFC 6052 well-known NAT64 prefix).
  if (inRange(address, '::ffff:0:0:0/96') || inRange(address, '64:ff9b::/96')) return [v4FromBits(p[6], p[7])];
  if (inRange(address, '2002::/16')) return [v4FromBits(p[1], p[2])];
  // Teredo: the server in bits 32–63, the client's address inverted in the last 32 bits.
  if (inRange(address, '2001::/32')) return [v4FromBits(p[2], p[3]), v4FromBits(p[6] ^ 0xffff, p[7] ^ 0xffff)];
  return null;
}

/**
 * Only globally routable unicast addresses pass: not loopback, private, link-local,
 * carrier-grade NAT, multicast, documentation, benchmarking, discard or reserved ranges,
 * and not an IPv6 form that reaches such an IPv4 address.
 */
export function isBlockedAddress(address: string): boolean {
  if (!isIP(address)) return true;
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv4') return parsed.range() !== 'unicast';
  const v6 = parsed as IPv6;
  // Local-use NAT64 (RFC 8215) embeds IPv4 at a position each network chooses; it is never a public receiver.
  if (inRange(v6, '64:ff9b:1::/48')) return true;
  const embedded = embeddedIPv4(v6);
  if (embedded) return embedded.some((v4) => v4.range() !== 'unicast');
  return v6.range() !== 'unicast';
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
        `resolves to ${blocked.address}, a loopback, private, link-local or reserved address, which is not allowed`,
      );
  }
  return { url, addresses };
}
