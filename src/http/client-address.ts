import type { IncomingMessage } from 'node:http';

/**
 * The address a request came from, as limits key it. With `trustedHops` reverse proxies in
 * front (TRUST_PROXY), it is the one the farthest of them heard from: each proxy appends its
 * peer to X-Forwarded-For, so counting that many from the right skips every proxy and never
 * reaches what the client wrote itself. With none, the socket's peer.
 */
export function clientAddress(req: IncomingMessage, trustedHops: number): string {
  const peer = req.socket.remoteAddress ?? 'unknown';
  if (trustedHops === 0) return peer;
  const forwarded = String(req.headers['x-forwarded-for'] ?? '').split(',').map((hop) => hop.trim()).filter((hop) => hop !== '');
  const hops = [...forwarded, peer];
  // Fewer hops than trusted proxies: the leftmost is the best there is.
  return hops[Math.max(0, hops.length - 1 - trustedHops)] ?? peer;
}
