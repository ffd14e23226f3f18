import { describe, expect, it } from 'vitest';
import type { InboundMessage } from '../../src/conversation/messages.ts';
import type { Inbox } from '../../src/ports/inbox.ts';

const message = (messageId: string, over: Partial<InboundMessage> = {}): InboundMessage => ({
  channel: 'telegram', conversationId: 'c1', senderId: 'u1', senderRole: 'traveller', messageId,
  text: '房间很脏', attachments: [{ kind: 'image', ref: 'media-1' }], receivedAt: new Date('2026-11-21T02:00:00.000Z'), ...over,
});

/** What every inbox must do. `make` may share state with earlier calls, as a restarted process would. */
export function inboxContract(name: string, make: () => Promise<Inbox>): void {
  describe(`Inbox: ${name}`, () => {
    it('tells a new message from a repeat, per channel', async () => {
      const inbox = await make();
      const id = `m-${Math.random()}`;
      expect(await inbox.accept(message(id))).toBe('new');
      expect(await inbox.accept(message(id))).toBe('unfinished');
      expect(await inbox.accept(message(id, { channel: 'wechat' }))).toBe('new');
      await inbox.done(message(id));
      expect(await inbox.accept(message(id))).toBe('done');
    });

    it('journals exactly one of many concurrent deliveries of an id as new', async () => {
      const inbox = await make();
      const id = `m-${Math.random()}`;
      const answers = await Promise.all(Array.from({ length: 20 }, () => inbox.accept(message(id))));
      expect(answers.filter((a) => a === 'new')).toHaveLength(1);
      expect(answers.filter((a) => a === 'unfinished')).toHaveLength(19);
    });

    it('keeps accepted messages until done, whole and in order', async () => {
      const inbox = await make();
      const a = message(`a-${Math.random()}`);
      const b = message(`b-${Math.random()}`, { text: 'second', receivedAt: new Date('2026-11-21T02:00:01.000Z') });
      await inbox.accept(a);
      await inbox.accept(b);
      const open = (await inbox.unfinished()).filter((m) => m.messageId === a.messageId || m.messageId === b.messageId);
      expect(open).toEqual([a, b]);
      await inbox.done(a);
      expect((await inbox.unfinished()).map((m) => m.messageId)).not.toContain(a.messageId);
      expect(await inbox.accept(a)).toBe('done'); // done is not forgotten
    });

    it('counts the failures of a message, and sets it aside whole, no longer unfinished', async () => {
      const inbox = await make();
      const poison = message(`p-${Math.random()}`, { text: 'bad\u0000' });
      const next = message(`n-${Math.random()}`);
      await inbox.accept(poison);
      await inbox.accept(next);
      expect(await inbox.failed(poison)).toBe(1);
      expect(await inbox.failed(poison)).toBe(2);
      await inbox.deadLetter(poison);
      const open = (await inbox.unfinished()).map((m) => m.messageId);
      expect(open).toContain(next.messageId);
      expect(open).not.toContain(poison.messageId);
      expect((await inbox.deadLetters()).filter((m) => m.messageId === poison.messageId)).toEqual([poison]);
      expect(await inbox.accept(poison)).toBe('done'); // a redelivery does not bring it back
      await inbox.deadLetter(next);
      await inbox.deadLetter(next); // twice is once
      expect((await inbox.deadLetters()).filter((m) => m.messageId === next.messageId)).toHaveLength(1);
    });

    it('forgets the failures of a message once it is done', async () => {
      const inbox = await make();
      const m = message(`f-${Math.random()}`);
      await inbox.accept(m);
      await inbox.failed(m);
      await inbox.done(m);
      expect(await inbox.failed(m)).toBe(1);
    });
  });
}
