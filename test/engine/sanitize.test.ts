import { describe, expect, it } from 'vitest';
import type { InboundMessage } from '../../src/conversation/messages.ts';
import { sanitize } from '../../src/engine/sanitize.ts';

const message = (patch: Partial<InboundMessage>): InboundMessage => ({
  channel: 'telegram', conversationId: 'c1', senderId: 'u1', senderRole: 'traveller', messageId: 'm1',
  text: 'hello', attachments: [], receivedAt: new Date(0), ...patch,
});

// Storage refuses these (PostgreSQL rejects NUL in text; a lone surrogate is not UTF-8).
const storable = (s: string) => s.isWellFormed() && !s.includes('\u0000');

describe('sanitize, at the engine boundary of every channel', () => {
  it('keeps NUL, controls and lone surrogates out of the text, the ids and the choice', () => {
    const { message: clean } = sanitize(message({
      text: 'room\u0000 dirty \uD800 again\u202E', messageId: 'cb\u0000\uDC00-1', conversationId: 'c\u00001', senderId: '\uD83Du1', choice: 'offer:\u0000accept',
    }), 4000);
    expect(clean).toMatchObject({ text: 'room dirty  again', messageId: 'cb-1', conversationId: 'c1', senderId: 'u1', choice: 'offer:accept' });
    for (const value of [clean.text, clean.messageId, clean.conversationId, clean.senderId, clean.choice ?? '']) expect(storable(value)).toBe(true);
  });

  it('leaves ordinary input as it was, emoji and Chinese included', () => {
    const input = message({ text: '房间很脏 😡', messageId: '42', choice: 'confirm' });
    expect(sanitize(input, 4000)).toEqual({ message: input, truncated: false });
  });

  it('cuts text at the limit by characters, never inside a surrogate pair', () => {
    const { message: cut, truncated } = sanitize(message({ text: '😡'.repeat(10) }), 3);
    expect(truncated).toBe(true);
    expect(cut.text).toBe('😡😡😡');
  });
});
