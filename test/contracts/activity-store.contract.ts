import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ActivityStore, NewActivity } from '../../adapters/webchat/activity-store.ts';
import { UnknownConversationError } from '../../adapters/webchat/activity-store.ts';

const said = (conversationId: string, text: string): NewActivity => ({
  type: 'message', timestamp: '2026-11-21T02:00:00.000Z', channelId: 'directline', conversation: { id: conversationId },
  from: { id: 'tripcare', role: 'bot' }, text, textFormat: 'plain',
  suggestedActions: { actions: [{ type: 'imBack', title: 'Yes', value: 'Yes' }] },
});

const newId = () => `conv${Math.random().toString(36).slice(2)}xxxxxxxxxxxxxxxx`;

export interface ActivityStoreMaker {
  /** A store; `maxActivities` for the cap test. Stores made by one suite share their backing (two processes on one Redis). */
  make(limits?: { maxActivities?: number }): Promise<ActivityStore>;
}

/** What every web-chat activity store must do, whatever it keeps activities in. */
export function activityStoreContract(name: string, maker: ActivityStoreMaker): void {
  describe(`ActivityStore: ${name}`, () => {
    let store: ActivityStore;
    const made: ActivityStore[] = [];
    const make = async (limits?: { maxActivities?: number }) => {
      const s = await maker.make(limits);
      made.push(s);
      return s;
    };
    beforeEach(async () => {
      store = await make();
    });
    afterEach(async () => {
      await Promise.all(made.splice(0).map((s) => s.close()));
    });

    it('knows a conversation once opened, with where it came from', async () => {
      const id = newId();
      expect(await store.origin(id)).toBeUndefined();
      await store.open(id, { kind: 'directline', locale: 'zh-TW' });
      expect(await store.origin(id)).toEqual({ kind: 'directline', locale: 'zh-TW' });
      const reference = { serviceUrl: 'https://smba.trafficmanager.net/apac/', channelId: 'msteams', conversation: { id: 'a:1', isGroup: false, conversationType: 'personal', name: '' } };
      await store.open(id, { kind: 'azure', reference });
      expect(await store.origin(id)).toEqual({ kind: 'azure', reference });
    });

    it('numbers activities in order and reads them after a watermark', async () => {
      const id = newId();
      await store.open(id, { kind: 'directline', locale: 'en' });
      const first = await store.append(id, said(id, 'one'));
      const second = await store.append(id, said(id, 'two'));
      expect([first.id, second.id]).toEqual([`${id}|0000001`, `${id}|0000002`]);
      expect(await store.since(id, 0)).toEqual({ activities: [first, second], watermark: '2' });
      expect(await store.since(id, 1)).toEqual({ activities: [second], watermark: '2' });
      expect(await store.since(id, 2)).toEqual({ activities: [], watermark: '2' });
      expect(first).toEqual({ ...said(id, 'one'), id: first.id });
    });

    it('keeps a reply appended twice under its once key once, even at the same moment, and answers the first', async () => {
      const id = newId();
      await store.open(id, { kind: 'directline', locale: 'en' });
      const first = await store.append(id, said(id, 'one'), 'turn-3:0');
      const again = await store.append(id, said(id, 'one, sent again after a crash'), 'turn-3:0');
      const next = await store.append(id, said(id, 'two'), 'turn-3:1');
      expect(again).toEqual(first);
      expect((await store.since(id, 0)).activities.map((a) => a.text)).toEqual(['one', 'two']);
      expect(next.id).toBe(`${id}|0000002`);
      const concurrent = await Promise.all([0, 1, 2, 3].map((i) => store.append(id, said(id, `three ${i}`), 'turn-4:0')));
      expect(new Set(concurrent.map((a) => a.id)).size).toBe(1);
      expect((await store.since(id, 2)).activities).toHaveLength(1);
    });

    it('keeps the order of appends made at once', async () => {
      const id = newId();
      await store.open(id, { kind: 'directline', locale: 'en' });
      const appended = await Promise.all(Array.from({ length: 20 }, (_, i) => store.append(id, said(id, `m${i}`))));
      const { activities } = await store.since(id, 0);
      expect(activities.map((a) => a.id)).toEqual(appended.map((a) => a.id).sort());
    });

    it('keeps only the newest activities, past the cap', async () => {
      const small = await make({ maxActivities: 3 });
      const id = newId();
      await small.open(id, { kind: 'directline', locale: 'en' });
      for (const text of ['a', 'b', 'c', 'd', 'e']) await small.append(id, said(id, text));
      const { activities, watermark } = await small.since(id, 0);
      expect(activities.map((a) => a.text)).toEqual(['c', 'd', 'e']);
      expect(watermark).toBe('5');
    });

    it('refuses to append to a conversation it does not know', async () => {
      await expect(store.append('never-opened-xxxxxxxxxxxxx', said('x', 'hi'))).rejects.toBeInstanceOf(UnknownConversationError);
      expect(await store.since('never-opened-xxxxxxxxxxxxx', 0)).toEqual({ activities: [], watermark: '0' });
    });

    it('hands out copies, never what it keeps', async () => {
      const id = newId();
      await store.open(id, { kind: 'directline', locale: 'en' });
      const activity = said(id, 'original');
      await store.append(id, activity);
      activity.text = 'changed';
      const [read] = (await store.since(id, 0)).activities;
      read!.text = 'changed too';
      expect((await store.since(id, 0)).activities[0]?.text).toBe('original');
    });

    it('tells a watcher of every append, by any store on the same backing, until it stops', async () => {
      const other = await make();
      const id = newId();
      await store.open(id, { kind: 'directline', locale: 'en' });
      let heard = 0;
      const stop = await store.watch(id, () => heard++);
      await other.append(id, said(id, 'from another process'));
      await store.append(id, said(id, 'from this one'));
      await waitFor(() => heard === 2);
      await stop();
      await other.append(id, said(id, 'unheard'));
      await sleep(50);
      expect(heard).toBe(2);
      expect((await store.since(id, 0)).activities.map((a) => a.text)).toEqual(['from another process', 'from this one', 'unheard']);
    });

    it('keeps uploaded files with their conversation, by unguessable id', async () => {
      const [id, other] = [newId(), newId()];
      for (const c of [id, other]) await store.open(c, { kind: 'directline', locale: 'en' });
      const photo = { contentType: 'image/png', name: 'room.png', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 255]) };
      const fileId = await store.putFile(id, photo);
      expect(fileId).toMatch(/^[\w-]{22}$/);
      expect(await store.file(id, fileId)).toEqual(photo);
      expect(await store.file(other, fileId)).toBeUndefined();
      expect(await store.file(id, 'AAAAAAAAAAAAAAAAAAAAAA')).toBeUndefined();
      await expect(store.putFile('never-opened-xxxxxxxxxxxxx', photo)).rejects.toBeInstanceOf(UnknownConversationError);
    });

    it('keeps watchers of different conversations apart', async () => {
      const [a, b] = [newId(), newId()];
      for (const id of [a, b]) await store.open(id, { kind: 'directline', locale: 'en' });
      const heard: string[] = [];
      const stops = [await store.watch(a, () => heard.push('a')), await store.watch(b, () => heard.push('b')), await store.watch(b, () => heard.push('b2'))];
      await store.append(b, said(b, 'hi'));
      await waitFor(() => heard.length === 2);
      await sleep(20);
      expect(heard.sort()).toEqual(['b', 'b2']);
      await Promise.all(stops.map((stop) => stop()));
    });
  });
}

async function waitFor(condition: () => boolean, ms = 2_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(5);
  }
}
