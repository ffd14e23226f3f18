import { beforeEach, describe, expect, it } from 'vitest';
import { newConversation } from '../../src/conversation/state.ts';
import { StaleStateError } from '../../src/ports/conversation-store.ts';
import type { ConversationStore, TurnLock } from '../../src/ports/conversation-store.ts';

const message = (conversationId: string) => ({
  channel: 'telegram' as const, conversationId, senderId: 'u', senderRole: 'traveller' as const,
  messageId: 'm', text: 'hi', attachments: [], receivedAt: new Date(0),
});

/** What every conversation store must do, whatever it stores in. */
export function conversationStoreContract(name: string, make: () => Promise<ConversationStore>): void {
  describe(`ConversationStore: ${name}`, () => {
    let store: ConversationStore;
    beforeEach(async () => {
      store = await make();
    });

    it('reads back what was written, and nothing after delete', async () => {
      const key = `k-${Math.random()}`;
      const state = { ...newConversation(message('a')), turn: 3, locale: 'zh-TW' as const };
      expect(await store.read(key)).toBeUndefined();
      const written = await store.write(key, state);
      expect(written).toEqual({ ...state, revision: 1 });
      expect(await store.read(key)).toEqual(written);
      await store.delete(key);
      expect(await store.read(key)).toBeUndefined();
    });

    it('hands out copies, never the stored object', async () => {
      const key = `k-${Math.random()}`;
      await store.write(key, newConversation(message('b')));
      const read = await store.read(key);
      read?.complaint.facts.telling.push('changed');
      expect((await store.read(key))?.complaint.facts.telling).toEqual([]);
    });

    it('refuses a write over a state written since it was read: a turn that outlived its lock changes nothing', async () => {
      const key = `k-${Math.random()}`;
      await store.write(key, newConversation(message('c')));
      const early = (await store.read(key))!;
      const late = (await store.read(key))!;
      await store.write(key, { ...early, turn: 1 });
      await expect(store.write(key, { ...late, turn: 2 })).rejects.toThrow(StaleStateError);
      await expect(store.write(key, newConversation(message('c')))).rejects.toThrow(StaleStateError);
      expect(await store.read(key)).toMatchObject({ turn: 1, revision: 2 });
    });

    it('refuses a write over a deleted state, and writes on from the one returned', async () => {
      const key = `k-${Math.random()}`;
      const first = await store.write(key, newConversation(message('d')));
      const second = await store.write(key, { ...first, turn: 1 });
      expect(second.revision).toBe(2);
      await store.delete(key);
      await expect(store.write(key, { ...second, turn: 2 })).rejects.toThrow(StaleStateError);
    });

  });
}

/** What every turn lock must do: one turn per key at a time, in arrival order. */
export function turnLockContract(name: string, make: () => Promise<TurnLock>): void {
  describe(`TurnLock: ${name}`, () => {
    it('runs turns of one key one at a time, in order', async () => {
      const lock = await make();
      const key = `k-${Math.random()}`;
      const log: string[] = [];
      let running = 0;
      await Promise.all([0, 1, 2, 3, 4].map((i) => lock.withLock(key, async () => {
        running++;
        expect(running).toBe(1);
        await new Promise((r) => setTimeout(r, 5 - i));
        log.push(`turn ${i}`);
        running--;
      })));
      expect(log).toEqual(['turn 0', 'turn 1', 'turn 2', 'turn 3', 'turn 4']);
    });

    it('runs different keys side by side', async () => {
      const lock = await make();
      let concurrent = 0;
      let most = 0;
      await Promise.all(['a', 'b', 'c'].map((k) => lock.withLock(`${k}-${Math.random()}`, async () => {
        most = Math.max(most, ++concurrent);
        await new Promise((r) => setTimeout(r, 10));
        concurrent--;
      })));
      expect(most).toBe(3);
    });

    it('frees the key when a turn throws', async () => {
      const lock = await make();
      const key = `k-${Math.random()}`;
      await expect(lock.withLock(key, async () => { throw new Error('boom'); })).rejects.toThrow('boom');
      expect(await lock.withLock(key, async () => 'next')).toBe('next');
    });
  });
}
