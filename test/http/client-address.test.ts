import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddress } from '../../src/http/client-address.ts';

const request = (peer: string, forwardedFor?: string) =>
  ({ socket: { remoteAddress: peer }, headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor } }) as unknown as IncomingMessage;

describe('clientAddress', () => {
  it('is the socket’s peer unless proxies are trusted: X-Forwarded-For is then anyone’s to write', () => {
    expect(clientAddress(request('198.51.100.9', '203.0.113.7'), 0)).toBe('198.51.100.9');
  });

  it('behind one trusted proxy, is the address it appended: the rightmost', () => {
    expect(clientAddress(request('10.0.0.2', '203.0.113.7'), 1)).toBe('203.0.113.7');
    // What the client wrote itself comes before: it is skipped.
    expect(clientAddress(request('10.0.0.2', '1.2.3.4, 5.6.7.8 ,203.0.113.7'), 1)).toBe('203.0.113.7');
  });

  it('behind two, skips the nearer proxy’s entry too', () => {
    expect(clientAddress(request('10.0.0.2', '1.2.3.4, 203.0.113.7, 10.0.0.1'), 2)).toBe('203.0.113.7');
  });

  it('with fewer entries than trusted proxies, takes the leftmost there is', () => {
    expect(clientAddress(request('10.0.0.2', '203.0.113.7'), 3)).toBe('203.0.113.7');
    expect(clientAddress(request('10.0.0.2'), 1)).toBe('10.0.0.2');
    expect(clientAddress(request('10.0.0.2', ' , '), 1)).toBe('10.0.0.2');
  });
});
