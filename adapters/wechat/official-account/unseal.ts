import type { MessageCrypto } from './message-crypto.ts';
import { MessageCryptoError } from './message-crypto.ts';
import { readPush } from './push.ts';
import type { Push } from './push.ts';
import { signatureMatches, wechatSignature } from './signature.ts';
import type { SignedQuery } from './signed-query.ts';
import { XmlError, parseWechatXml } from './xml.ts';

export type Unsealed = { ok: true; push: Push } | { ok: false; why: 'unsigned' | 'malformed' };

/**
 * The push inside a POST body. In safe mode (`crypto` set) only an `Encrypt`ed body
 * whose `msg_signature` matches is accepted, never plain text; in plain mode the
 * body is read as it is.
 */
export function unseal(body: string, query: SignedQuery, token: string, crypto: MessageCrypto | null): Unsealed {
  try {
    const outer = parseWechatXml(body);
    if (!crypto) return pushOf(outer);
    const encrypted = outer.get('Encrypt');
    if (encrypted === undefined) return { ok: false, why: 'malformed' };
    if (!signatureMatches(query.msg_signature, wechatSignature(token, query.timestamp, query.nonce, encrypted))) return { ok: false, why: 'unsigned' };
    return pushOf(parseWechatXml(crypto.decrypt(encrypted)));
  } catch (e) {
    if (e instanceof XmlError || e instanceof MessageCryptoError) return { ok: false, why: 'malformed' };
    throw e;
  }
}

const pushOf = (fields: Map<string, string>): Unsealed => {
  const push = readPush(fields);
  return push ? { ok: true, push } : { ok: false, why: 'malformed' };
};
