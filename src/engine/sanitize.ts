import type { InboundMessage } from '../conversation/messages.ts';
import { withoutLoneSurrogates } from '../well-formed.ts';

/** C0/C1 controls except tab and newline, and the bidi overrides that disguise text. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const unsafe = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** Text as storage can keep it: no NUL or other control, no lone surrogate. */
const storable = (value: string): string => withoutLoneSurrogates(value).replace(unsafe, '');

/**
 * Makes channel input safe to handle and to store, whatever the channel let through: text in NFC
 * with no control or bidi characters and no lone surrogates (PostgreSQL refuses NUL, and a
 * broken surrogate is not text), trimmed and cut to `maxLength`; ids and the choice pressed
 * cleaned the same way. Reports whether the text was cut.
 */
export function sanitize(message: InboundMessage, maxLength: number): { message: InboundMessage; truncated: boolean } {
  const clean = storable(message.text).normalize('NFC').trim();
  const chars = [...clean];
  const truncated = chars.length > maxLength;
  const text = truncated ? chars.slice(0, maxLength).join('') : clean;
  const ids = {
    conversationId: storable(message.conversationId),
    senderId: storable(message.senderId),
    messageId: storable(message.messageId),
    ...(message.choice === undefined ? {} : { choice: storable(message.choice) }),
  };
  return { message: { ...message, ...ids, text }, truncated };
}
