import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DeskEvent, DeskFeed } from '../../src/ports/desk-feed.ts';

/** For a feed that spans processes: another feed on a connection of its own, and raw text onto the feed's channel. */
export interface AcrossProcesses {
  elsewhere(): Promise<DeskFeed>;
  publishRaw(text: string): Promise<void>;
}

const opened = (caseId: string): DeskEvent => ({ kind: 'ticket', caseId, change: 'opened' });
const message = (caseId: string): DeskEvent => ({ kind: 'message', caseId });

/** Collects what a listener hears. */
function ear(): { heard: DeskEvent[]; listener: (event: DeskEvent) => void } {
  const heard: DeskEvent[] = [];
  return { heard, listener: (event) => heard.push(event) };
}

/** What every desk feed must do, whatever carries it. Delivery may be asynchronous: tests wait for it. */
export function deskFeedContract(name: string, make: () => Promise<DeskFeed>, across?: AcrossProcesses): void {
  describe(`DeskFeed: ${name}`, () => {
    let feed: DeskFeed;
    const opens: DeskFeed[] = [];
    beforeEach(async () => {
      feed = await make();
      opens.push(feed);
    });
    afterEach(async () => {
      await Promise.all(opens.splice(0).map((f) => f.close()));
    });

    it('delivers the events published after subscribing, in order', async () => {
      await feed.publish(opened('TC-BEFORE1'));
      const { heard, listener } = ear();
      await feed.subscribe(listener);
      const events = [opened('TC-A1'), message('TC-A1'), { kind: 'ticket', caseId: 'TC-A1', change: 'handed_back' } as const, message('TC-B2')];
      for (const event of events) await feed.publish(event);
      await vi.waitFor(() => expect(heard).toHaveLength(events.length));
      expect(heard).toEqual(events);
    });

    it('delivers every event to every subscriber', async () => {
      const [first, second] = [ear(), ear()];
      await feed.subscribe(first.listener);
      await feed.subscribe(second.listener);
      await feed.publish(message('TC-BOTH1'));
      await vi.waitFor(() => expect(first.heard).toHaveLength(1));
      await vi.waitFor(() => expect(second.heard).toHaveLength(1));
      expect(second.heard).toEqual(first.heard);
    });

    it('stops delivering to a subscriber that unsubscribed', async () => {
      const [gone, staying] = [ear(), ear()];
      const unsubscribe = await feed.subscribe(gone.listener);
      await feed.subscribe(staying.listener);
      unsubscribe();
      await feed.publish(message('TC-GONE1'));
      // The staying listener heard it, so delivery is done: the other would have heard it by now.
      await vi.waitFor(() => expect(staying.heard).toEqual([message('TC-GONE1')]));
      expect(gone.heard).toEqual([]);
    });

    it('keeps delivering to others, and publishing, when a listener throws', async () => {
      const { heard, listener } = ear();
      await feed.subscribe(() => {
        throw new Error('console broke');
      });
      await feed.subscribe(listener);
      await feed.publish(message('TC-THROW1'));
      await feed.publish(message('TC-THROW2'));
      await vi.waitFor(() => expect(heard).toEqual([message('TC-THROW1'), message('TC-THROW2')]));
    });

    if (!across) return;

    it('delivers between feeds on separate connections, both ways', async () => {
      const other = await across.elsewhere();
      opens.push(other);
      const [here, there] = [ear(), ear()];
      await feed.subscribe(here.listener);
      await other.subscribe(there.listener);
      await other.publish(opened('TC-THERE1'));
      await feed.publish(message('TC-HERE1'));
      await vi.waitFor(() => expect(here.heard).toEqual([opened('TC-THERE1'), message('TC-HERE1')]));
      await vi.waitFor(() => expect(there.heard).toEqual([opened('TC-THERE1'), message('TC-HERE1')]));
    });

    it('ignores what on its channel is not a desk event', async () => {
      const { heard, listener } = ear();
      await feed.subscribe(listener);
      for (const raw of ['not json', 'null', '{"kind":"ticket","caseId":"TC-X","change":"exploded"}', '{"kind":"refund","caseId":"TC-X"}', '{"kind":"message"}']) {
        await across.publishRaw(raw);
      }
      await across.publishRaw(JSON.stringify({ ...message('TC-AFTER1'), text: 'carried by an older version' }));
      // Fields a desk event does not have are dropped: events carry ids, never content.
      await vi.waitFor(() => expect(heard).toEqual([message('TC-AFTER1')]));
    });
  });
}
