import { z } from 'zod';
import { signatureMatches, wechatSignature } from './signature.ts';

const hex40 = z.string().regex(/^[0-9a-fA-F]{40}$/);
const schema = z.object({
  signature: hex40,
  timestamp: z.string().regex(/^\d{1,12}$/),
  nonce: z.string().regex(/^[\w-]{1,64}$/),
  /** Safe mode: signs the Encrypt payload too. */
  msg_signature: hex40.optional(),
  /** URL verification (GET): echoed back once the signature is good. */
  echostr: z.string().regex(/^[\w-]{1,128}$/).optional(),
});

export type SignedQuery = z.infer<typeof schema>;

/** How fresh a request's timestamp must be, either way (clocks drift). */
export const freshnessMs = 5 * 60_000;

export type QueryCheck = { ok: true; query: SignedQuery } | { ok: false; why: 'unsigned' | 'stale' };

/**
 * The query of a request WeChat signed: its `signature` (SHA-1 of token, timestamp
 * and nonce) checked in constant time, and its timestamp within `freshnessMs` of now.
 */
export function checkSignedQuery(search: URLSearchParams, token: string, now: Date): QueryCheck {
  const parsed = schema.safeParse(Object.fromEntries(search));
  if (!parsed.success) return { ok: false, why: 'unsigned' };
  const query = parsed.data;
  if (!signatureMatches(query.signature, wechatSignature(token, query.timestamp, query.nonce))) return { ok: false, why: 'unsigned' };
  if (Math.abs(now.getTime() - Number(query.timestamp) * 1000) > freshnessMs) return { ok: false, why: 'stale' };
  return { ok: true, query };
}
