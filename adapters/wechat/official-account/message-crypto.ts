import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** The block WeChat pads to: PKCS#7 with a 32-byte block, not AES's 16. */
const padBlock = 32;

export class MessageCryptoError extends Error {
  override name = 'MessageCryptoError';
}

/**
 * WeChat's safe-mode message encryption (AES-256-CBC): the key is the 43-character
 * EncodingAESKey plus `=`, base64-decoded; the IV its first 16 bytes. The plain text
 * is random(16) + length(4, big-endian) + message + the account's AppID.
 *
 * ```ts
 * const crypto = new MessageCrypto(process.env.WECHAT_OA_AES_KEY, appId);
 * const xml = crypto.decrypt(encrypt); // throws MessageCryptoError unless it is ours
 * ```
 */
export class MessageCrypto {
  readonly #key: Buffer;
  readonly #iv: Buffer;
  readonly #appId: Buffer;

  constructor(encodingAesKey: string, appId: string) {
    this.#key = Buffer.from(`${encodingAesKey}=`, 'base64');
    if (this.#key.length !== 32) throw new MessageCryptoError('the EncodingAESKey must decode to 32 bytes');
    this.#iv = this.#key.subarray(0, 16);
    this.#appId = Buffer.from(appId, 'utf8');
  }

  encrypt(message: string): string {
    const body = Buffer.from(message, 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(body.length);
    const plain = Buffer.concat([randomBytes(16), length, body, this.#appId]);
    const pad = padBlock - (plain.length % padBlock);
    const cipher = createCipheriv('aes-256-cbc', this.#key, this.#iv).setAutoPadding(false);
    return Buffer.concat([cipher.update(Buffer.concat([plain, Buffer.alloc(pad, pad)])), cipher.final()]).toString('base64');
  }

  /** The message inside `encrypted`; throws a MessageCryptoError when it is malformed or for another account. */
  decrypt(encrypted: string): string {
    const data = Buffer.from(encrypted, 'base64');
    if (data.length === 0 || data.length % padBlock !== 0) throw new MessageCryptoError('not a whole number of blocks');
    const decipher = createDecipheriv('aes-256-cbc', this.#key, this.#iv).setAutoPadding(false);
    const padded = Buffer.concat([decipher.update(data), decipher.final()]);
    const pad = padded.at(-1) ?? 0;
    if (pad < 1 || pad > padBlock || !padded.subarray(padded.length - pad).every((b) => b === pad)) throw new MessageCryptoError('bad padding');
    const plain = padded.subarray(0, padded.length - pad);
    if (plain.length < 20) throw new MessageCryptoError('too short');
    const length = plain.readUInt32BE(16);
    const end = 20 + length;
    if (end > plain.length) throw new MessageCryptoError('bad length');
    if (!plain.subarray(end).equals(this.#appId)) throw new MessageCryptoError('for another account');
    return plain.subarray(20, end).toString('utf8');
  }
}
