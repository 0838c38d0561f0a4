import { describe, expect, it } from 'vitest';
import { forwardedClient, isAddressOrRange, trustedProxyList } from '../../src/serve/middleware/client-address.js';

describe('client address from X-Forwarded-For', () => {
  it('is the rightmost entry by default: the address the trusted proxy saw, not what the client wrote', () => {
    expect(forwardedClient('6.6.6.6, 203.0.113.9')).toBe('203.0.113.9');
    expect(forwardedClient('203.0.113.9')).toBe('203.0.113.9');
    expect(forwardedClient(' 1.1.1.1 ,2.2.2.2 , 203.0.113.9 ')).toBe('203.0.113.9');
    expect(forwardedClient('')).toBeUndefined();
  });

  it('skips listed proxies (addresses and CIDR ranges, IPv4 and IPv6) from the right', () => {
    const trusted = trustedProxyList(['10.0.0.0/8', '192.168.1.1', 'fd00::/8']);
    expect(forwardedClient('6.6.6.6, 203.0.113.9, 10.1.2.3, 192.168.1.1', trusted)).toBe('203.0.113.9');
    expect(forwardedClient('203.0.113.9, fd00::1', trusted)).toBe('203.0.113.9');
    expect(forwardedClient('2001:db8::5, 10.9.9.9', trusted)).toBe('2001:db8::5');
    // Only proxies in the chain: the leftmost is the nearest thing to a client address there is.
    expect(forwardedClient('10.0.0.1, 10.0.0.2', trusted)).toBe('10.0.0.1');
    // A junk entry is not a trusted proxy, so it is the client (its own bucket, shared by all who send it).
    expect(forwardedClient('6.6.6.6, not-an-ip, 10.0.0.2', trusted)).toBe('not-an-ip');
  });

  it('validates TRUSTED_PROXIES entries', () => {
    expect(['10.0.0.0/8', '192.168.1.1', '::1', 'fd00::/8'].map(isAddressOrRange)).toEqual([true, true, true, true]);
    expect(['10.0.0.0/33', 'proxy.local', '10.0.0.0/8/1', '1.2.3', 'fd00::/200', '10.0.0.0/x'].map(isAddressOrRange)).toEqual([false, false, false, false, false, false]);
  });
});
