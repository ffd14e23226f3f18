import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Clock } from '../../src/ports/clock.ts';
import { parseJson } from './http-io.ts';

const claims = z.object({ c: z.string().min(1).max(200), e: z.number().int() });

export type TokenCheck = { ok: true; conversationId: string } | { ok: false; reason: 'invalid' | 'expired' };

/**
 * Direct Line tokens: `dl1.<claims>.<HMAC-SHA256>`, base64url, each for one
 * conversation until it expires. Only a holder of the secret can make one.
 */
export class TokenSigner {
  readonly #secret: string;
  readonly #clock: Clock;
  /** Seconds a token lives; Web Chat refreshes every 15 minutes, so more than that. */
  readonly lifetimeSeconds: number;

  constructor(secret: string, clock: Clock, lifetimeSeconds = 1800) {
    this.#secret = secret;
    this.#clock = clock;
    this.lifetimeSeconds = lifetimeSeconds;
  }

  issue(conversationId: string): { token: string; expires_in: number } {
    const expires = Math.floor(this.#clock.now().getTime() / 1000) + this.lifetimeSeconds;
    const body = `dl1.${Buffer.from(JSON.stringify({ c: conversationId, e: expires })).toString('base64url')}`;
    return { token: `${body}.${this.#sign(body)}`, expires_in: this.lifetimeSeconds };
  }

  check(token: string): TokenCheck {
    const [version, payload, signature, ...rest] = token.split('.');
    if (version !== 'dl1' || payload === undefined || signature === undefined || rest.length > 0) return { ok: false, reason: 'invalid' };
    const expected = Buffer.from(this.#sign(`dl1.${payload}`));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
    const parsed = claims.safeParse(parseJson(Buffer.from(payload, 'base64url').toString()));
    if (!parsed.success) return { ok: false, reason: 'invalid' };
    if (parsed.data.e * 1000 <= this.#clock.now().getTime()) return { ok: false, reason: 'expired' };
    return { ok: true, conversationId: parsed.data.c };
  }

  /** Whether `candidate` is the secret itself (`tokens/generate` takes it, as Azure's Direct Line does). */
  isSecret(candidate: string): boolean {
    const a = createHmac('sha256', 'compare').update(candidate).digest();
    const b = createHmac('sha256', 'compare').update(this.#secret).digest();
    return timingSafeEqual(a, b);
  }

  #sign(body: string): string {
    return createHmac('sha256', this.#secret).update(body).digest('base64url');
  }
}
