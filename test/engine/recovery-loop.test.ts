import { describe, expect, it } from 'vitest';
import { maxTurnAttempts } from '../../src/engine/engine.ts';
import { keepRecovering } from '../../src/engine/recovery-loop.ts';
import { createLogger } from '../../src/log.ts';
import { Harness, steps } from '../support/harness.ts';

const options = { everyMs: 15_000, graceMs: 30_000 };

/** A harness whose channel to Telegram is down until told, and never reaches the conversation `poison`. */
function withFlakyChannel() {
  const h = new Harness({ DEFAULT_LOCALE: 'en' });
  const channel = { down: true };
  h.app.router.register('telegram', {
    send: async (m) => {
      if (channel.down || m.conversationId === 'poison') throw new Error('channel down');
      h.sent.push(m);
    },
  });
  return { h, channel };
}

/** Lets the rounds the manual clock fired run to their end. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

/** Moves the clock on by `n` rounds, each run to its end. */
async function rounds(h: Harness, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    h.clock.advance(options.everyMs);
    await settle();
  }
}

describe('recovery, all the time', () => {
  it('answers what an outage left unanswered, without a restart, once it is old enough', async () => {
    const { h, channel } = withFlakyChannel();
    const loop = keepRecovering(h.app.engine, h.clock, createLogger('silent'), options);
    await expect(h.say('I want to talk to a real person')).rejects.toThrow('channel down');
    channel.down = false;
    await rounds(h, 2); // 30 s: too young, perhaps still under way somewhere
    expect(h.sent).toHaveLength(0);
    await rounds(h, 1);
    expect(steps(h.sent)).toEqual(['handoff']);
    await rounds(h, 2);
    expect(steps(h.sent)).toEqual(['handoff']); // once
    await loop.stop();
  });

  it('sets a message aside after failing every round, tells staff, and the others go on', async () => {
    const { h, channel } = withFlakyChannel();
    const dead: string[] = [];
    h.app.engine.on('message.dead_lettered', ({ conversationKey }) => dead.push(conversationKey));
    const loop = keepRecovering(h.app.engine, h.clock, createLogger('silent'), options);
    await expect(h.say('I want to talk to a real person', { conversationId: 'poison', senderId: 'p' })).rejects.toThrow('channel down');
    channel.down = false;
    await rounds(h, 2);
    await rounds(h, maxTurnAttempts - 1);
    expect(dead).toEqual([]);
    await rounds(h, 1);
    expect(dead).toEqual(['telegram:poison']);
    expect(await h.app.parts.inbox.unfinished()).toEqual([]);
    expect((await h.app.parts.inbox.deadLetters()).map((m) => m.conversationId)).toEqual(['poison']);
    expect(steps(await h.say('I want to talk to a real person'))).toEqual(['handoff']); // the next message is answered
    await loop.stop();
  });

  it('stops: no round after stop', async () => {
    const { h, channel } = withFlakyChannel();
    const loop = keepRecovering(h.app.engine, h.clock, createLogger('silent'), options);
    await expect(h.say('I want to talk to a real person')).rejects.toThrow('channel down');
    channel.down = false;
    await loop.stop();
    await rounds(h, 5);
    expect(h.sent).toHaveLength(0);
  });
});
