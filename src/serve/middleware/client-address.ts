import { BlockList, isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/** Addresses and CIDR ranges (TRUSTED_PROXIES) of proxies in front of the one the server talks to. */
export function trustedProxyList(entries: string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address, bits] = entry.split('/');
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(bits), family);
  }
  return list;
}

/** True when `entry` is an IP address or CIDR range net.BlockList accepts (config validation). */
export function isAddressOrRange(entry: string): boolean {
  const [address, bits, extra] = entry.split('/');
  const family = isIP(address);
  if (!family || extra !== undefined) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d{1,3}$/.test(bits) && n >= 0 && n <= (family === 6 ? 128 : 32);
}

function isTrusted(address: string, trusted: BlockList | undefined): boolean {
  if (!trusted) return false;
  const family = isIP(address);
  return family !== 0 && trusted.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

/**
 * The client's address from X-Forwarded-For. Proxies append (nginx $proxy_add_x_forwarded_for),
 * so only the right end is written by proxies we trust: the leftmost entries are whatever the
 * client sent. Walking from the right, the first entry that is not a trusted proxy is the client;
 * with no TRUSTED_PROXIES that is the rightmost entry, the address our proxy saw.
 */
export function forwardedClient(header: string, trusted?: BlockList): string | undefined {
  const hops = header.split(',').map((hop) => hop.trim()).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    if (!isTrusted(hops[i], trusted)) return hops[i];
  }
  // Every hop is a trusted proxy: the first one is the closest we know to the client.
  return hops[0];
}

/**
 * The client's IP address. X-Forwarded-For is believed only when the operator says a proxy sets
 * it (TRUST_PROXY), since any client can send the header to dodge its rate limit.
 */
export function clientAddress(c: Context, trustProxy: boolean, trusted?: BlockList): string {
  if (trustProxy) {
    const forwarded = forwardedClient(c.req.header('x-forwarded-for') ?? '', trusted);
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // app.request() in tests and other in-process callers have no socket.
    return 'unknown';
  }
}
