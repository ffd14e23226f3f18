import type { InboundMessage } from '../conversation/messages.ts';

/** C0/C1 controls except tab and newline, and the bidi overrides that disguise text. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const unsafe = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Makes channel text safe to handle: NFC, no control or bidi characters,
 * trimmed, and cut to `maxLength`. Reports whether it was cut.
 */
export function sanitize(message: InboundMessage, maxLength: number): { message: InboundMessage; truncated: boolean } {
  const clean = message.text.normalize('NFC').replace(unsafe, '').trim();
  const chars = [...clean];
  const truncated = chars.length > maxLength;
  const text = truncated ? chars.slice(0, maxLength).join('') : clean;
  return { message: { ...message, text }, truncated };
}
