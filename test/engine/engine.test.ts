import { describe, expect, it } from 'vitest';
import { catalogues } from '../../src/i18n/render.ts';
import { StaleStateError } from '../../src/ports/conversation-store.ts';
import { Harness, choiceIds, steps } from '../support/harness.ts';

const en = catalogues.en;
const complaint = 'The hotel room was filthy and there was no hot water at all!';

describe('engine', () => {
  it('ignores a repeated channel message id', async () => {
    const h = new Harness();
    const first = h.message(complaint, { messageId: 'tg-42' });
    await h.app.engine.receive(first);
    await h.app.engine.receive({ ...first });
    await h.settle();
    expect(h.sent).toHaveLength(1);
    expect(await h.register.transcript('telegram:c1')).toHaveLength(2); // one in, one out
  });

  it('keeps message ids apart per channel', async () => {
    const h = new Harness();
    await h.say(complaint, { messageId: 'same' });
    await h.say(complaint, { messageId: 'same', channel: 'wechat' });
    expect(h.sent.map((m) => m.channel)).toEqual(['telegram', 'wechat']);
  });

  it('treats a burst of messages while listening as one telling', async () => {
    const h = new Harness({ BURST_WINDOW_MS: '2000' });
    for (const part of ['Hi, I have a problem', 'the hotel room was filthy', 'and no hot water 😡']) {
      await h.app.engine.receive(h.message(part));
      h.clock.advance(800);
      await h.jobs.idle();
    }
    expect(h.sent).toHaveLength(0); // never interrupts while the traveller is still writing
    await h.settle(2000);
    expect(h.sent).toHaveLength(1);
    expect(h.sent[0]?.text).toBe(en['ask.tour']);
    const said = (await h.register.transcript('telegram:c1')).filter((e) => e.from === 'traveller');
    expect(said).toHaveLength(3);
  });

  it('answers a burst whose flush job failed for good once recovery finds it, as one telling, and closes its journal entries', async () => {
    const h = new Harness({ BURST_WINDOW_MS: '2000' });
    const { store } = h.app.parts;
    const read = store.read.bind(store);
    let down = false;
    store.read = (key) => (down ? Promise.reject(new Error('storage away')) : read(key));
    await h.app.engine.receive(h.message('Hi, I have a problem'));
    await h.app.engine.receive(h.message('the hotel room was filthy'));
    down = true;
    for (let s = 0; s < 200; s += 1) await h.settle(1_000); // every retry of the flush fails
    expect(await h.jobs.waiting('turn.flush')).toHaveLength(0);
    down = false;
    expect(h.sent).toHaveLength(0);
    await h.app.engine.recover();
    expect(h.sent.map((m) => m.text)).toEqual([en['ask.tour']]);
    expect(await h.app.parts.inbox.unfinished()).toEqual([]);
    await h.app.engine.recover();
    expect(h.sent).toHaveLength(1);
  });

  it('closes the journal entries of a burst once its flush answered it, and not before', async () => {
    const h = new Harness({ BURST_WINDOW_MS: '2000' });
    await h.app.engine.receive(h.message('Hi, I have a problem'));
    await h.app.engine.receive(h.message('the hotel room was filthy'));
    expect(await h.app.parts.inbox.unfinished()).toHaveLength(2);
    await h.settle(2_000);
    expect(h.sent).toHaveLength(1);
    expect(await h.app.parts.inbox.unfinished()).toEqual([]);
  });

  it('writes nothing and says nothing when a newer turn committed while it ran (it outlived its lock): its message is answered again on the new state', async () => {
    const h = new Harness();
    await h.say(complaint);
    const { store } = h.app.parts;
    const read = store.read.bind(store);
    let overtaken = false;
    store.read = async (key) => {
      const state = await read(key);
      if (state && !overtaken) {
        overtaken = true; // meanwhile, elsewhere: staff took the conversation over
        await store.write(key, { ...state, mode: 'human' });
      }
      return state;
    };
    const sent = h.sent.length;
    await expect(h.app.engine.receive(h.message('GZ-2611-A'))).rejects.toThrow(StaleStateError);
    expect(await read('telegram:c1')).toMatchObject({ mode: 'human', turn: 1 });
    await h.app.engine.recover();
    expect(h.sent).toHaveLength(sent);
    expect(await read('telegram:c1')).toMatchObject({ mode: 'human', turn: 1 });
    expect(await h.app.parts.inbox.unfinished()).toEqual([]);
  });

  it('answers a pressed choice at once, without waiting for a burst', async () => {
    const h = new Harness({ BURST_WINDOW_MS: '2000' });
    await h.say(complaint);
    const before = h.sent.length;
    await h.app.engine.receive(h.message('', { choice: 'skip' }));
    await h.jobs.idle();
    expect(h.sent.length).toBe(before + 1);
    expect(h.sent.at(-1)?.text).toBe(en['ask.when']);
  });

  it('handles the turns of one conversation strictly in order', async () => {
    const h = new Harness();
    await Promise.all([h.app.engine.receive(h.message(complaint)), h.app.engine.receive(h.message('GZ-2611-A'))]);
    await h.settle();
    expect(h.sent.map((m) => m.text)).toEqual([en['ask.tour'], en['ask.when']]);
    expect(h.sent.map((m) => m.turn)).toEqual([1, 2]);
  });

  it('lets a typed number pick a choice, as WeChat users do', async () => {
    const h = new Harness();
    await h.say(complaint);
    for (const answer of ['GZ-2611-A', 'yesterday', '2']) await h.say(answer);
    const restated = await h.say('1'); // 1) Refund or compensation
    expect(restated[0]?.text).toContain(en['wants.compensation']);
  });

  it('takes no stale choice: says so, and offers the open question\'s choices again', async () => {
    const h = new Harness();
    const asked = await h.say(complaint);
    const replies = await h.press('satisfied');
    expect(steps(replies)).toEqual(['notice']);
    expect(replies[0]?.text).toBe(en['notice.stale_choice']);
    expect(choiceIds(replies)).toEqual(choiceIds(asked));
    expect(h.cases).toHaveLength(0);
  });

  it('opens a new complaint in the same conversation after a report', async () => {
    const h = new Harness();
    await h.say(complaint);
    for (const answer of ['GZ-2611-A', 'yesterday', '2']) await h.say(answer);
    await h.press('wants:fix');
    await h.press('confirm');
    await h.say('300');
    await h.press('offer:accept');
    await h.press('satisfied');
    expect(h.cases).toHaveLength(1);
    const next = await h.say('Also the guide was rude to my mother on the second day');
    expect(next[0]?.text).toBe(en['ask.tour']);
  });

  it('records a pure suggestion with thanks, asking nothing and opening no case', async () => {
    const h = new Harness();
    const thanked = await h.say('Just a suggestion for next time: a welcome card at the start would be lovely.');
    expect(thanked.map((r) => r.text)).toEqual([en['feedback.thanks.suggestion']]);
    expect(h.cases).toHaveLength(0);
  });
});

describe('bad input', () => {
  it('asks for words when a message is empty', async () => {
    const h = new Harness();
    const replies = await h.say('   ');
    expect(replies.map((r) => r.text)).toEqual([catalogues['zh-CN']['notice.empty']]);
  });

  it('asks what happened when a message is emoji only', async () => {
    const h = new Harness({ DEFAULT_LOCALE: 'en' });
    const replies = await h.say('😡😡😡');
    expect(replies[0]?.text).toBe(en['ask.what']);
  });

  it('keeps the first part of a 20,000-character message and says so', async () => {
    const h = new Harness();
    const replies = await h.say(`${complaint} ${'x'.repeat(20_000)}`);
    expect(steps(replies)).toEqual(['notice', 'listen']);
    expect(replies[0]?.text).toBe(en['notice.truncated']);
    const [said] = await h.register.transcript('telegram:c1');
    expect([...(said?.text ?? '')].length).toBe(4_000);
  });

  it('answers an unsupported language politely in English and Chinese', async () => {
    const h = new Harness();
    const replies = await h.say('ホテルの部屋がとても汚いです。お湯も出ません。');
    expect(replies[0]?.text).toBe(`${en['notice.unsupported_language']}\n${catalogues['zh-CN']['notice.unsupported_language']}`);
  });

  it('strips control and bidi characters before anything else sees them', async () => {
    const h = new Harness();
    await h.say('\u0000\u0007The hotel\u202E room was filthy\u0085 and no hot water');
    const [said] = await h.register.transcript('telegram:c1');
    expect(said?.text).toBe('The hotel room was filthy and no hot water');
  });

  it('keeps photos as evidence with the case', async () => {
    const h = new Harness();
    await h.say(complaint, { attachments: [{ kind: 'image', ref: 'media-1', mimeType: 'image/jpeg' }] });
    await h.say('😡', { attachments: [{ kind: 'image', ref: 'media-2' }] });
    await h.say('GZ-2611-A');
    await h.say('I want to talk to a real person');
    expect(h.cases.at(-1)?.facts.attachments).toEqual([
      { kind: 'image', ref: 'media-1', mimeType: 'image/jpeg' }, { kind: 'image', ref: 'media-2' },
    ]);
  });
});

describe('photos, voice and stickers', () => {
  it('keeps a photo as evidence, says so, and leaves the question and its choices open', async () => {
    const h = new Harness();
    await h.say(complaint);
    const [ack] = await h.say('', { attachments: [{ kind: 'image', ref: 'media-9' }] });
    expect(ack?.text).toBe(en['notice.kept']);
    expect(ack?.choices.map((c) => c.id)).toEqual(['skip']); // "which tour?" is still open
    const next = await h.say('GZ-2611-A');
    expect(next[0]?.text).toBe(en['ask.when']);
  });

  it('asks for words when a voice message or a sticker comes alone', async () => {
    const h = new Harness({ DEFAULT_LOCALE: 'en' });
    const [voice] = await h.say('', { attachments: [{ kind: 'voice', ref: 'v-1' }] });
    expect(voice?.text).toBe(`${en['notice.voice']}\n${en['ask.what']}`);
    const [sticker] = await h.say('', { attachments: [{ kind: 'sticker', ref: 's-1' }] });
    expect(sticker?.text).toBe(`${en['notice.sticker']}\n${en['ask.what']}`);
  });
});

describe('promised times', () => {
  const hours = (n: number) => n * 3_600_000;

  it('tells the traveller honestly when nobody replied in time, gives a new time and alerts a supervisor', async () => {
    const h = new Harness({ DEFAULT_LOCALE: 'en' });
    await h.say('I want to talk to a real person');
    const timers = await h.jobs.waiting('sla.due');
    expect(timers.map((t) => [t.data.kind, t.runAt.getTime() - h.clock.now().getTime()])).toEqual([
      ['first_response', 120 * 60_000], ['resolution', hours(168)],
    ]);
    h.clock.advance(120 * 60_000);
    await h.jobs.idle();
    const late = h.sent.at(-1);
    expect(late?.step).toBe('handoff');
    expect(late?.text).toContain(en['handoff.late'].split('{time}')[0]);
    expect(await h.jobs.waiting('supervisor.alert')).toHaveLength(1);
    expect((await h.jobs.waiting('sla.due')).map((t) => t.data.kind)).toEqual(['first_response', 'resolution']);
    const caseId = h.cases.at(-1)!.id;
    expect((await h.app.parts.ledger.entries(caseId)).map((e) => [e.kind, e.payload.kind])).toEqual([['deadline', 'first_response']]);
  });

  async function acceptOffer(h: Harness) {
    await h.say(complaint);
    for (const answer of ['GZ-2611-A', 'yesterday', '2']) await h.say(answer);
    await h.press('wants:compensation');
    await h.press('confirm');
    await h.say('300');
    await h.press('offer:accept');
    await h.press('satisfied');
    return h.cases.at(-1)!.id;
  }

  it('tells the traveller when an accepted offer was not approved by the time given', async () => {
    const h = new Harness({ DEFAULT_LOCALE: 'en' });
    const caseId = await acceptOffer(h);
    const said = h.sent.length;
    h.clock.advance(120 * 60_000);
    await h.jobs.idle();
    expect(h.sent.slice(said).map((m) => m.text)).toEqual([expect.stringContaining(caseId)]);
    expect(h.sent.at(-1)?.text).toContain(en['promise.late'].split('{caseId}')[0]);
    expect((await h.jobs.waiting('supervisor.alert')).map((j) => j.data.reason)).toEqual(['promised_action_missed']);
  });

  it('says nothing when the promise was kept in time', async () => {
    const h = new Harness({ DEFAULT_LOCALE: 'en' });
    const caseId = await acceptOffer(h);
    await h.register.update(caseId, { status: 'resolved' }); // a colleague approved and paid
    const said = h.sent.length;
    h.clock.advance(hours(400));
    await h.jobs.idle();
    expect(h.sent.length).toBe(said);
    expect(await h.jobs.waiting('supervisor.alert')).toHaveLength(0);
  });

  it('tells the traveller of a missed time twice at most, while supervisors are chased to the resolution time', async () => {
    const h = new Harness({ DEFAULT_LOCALE: 'en' });
    const caseId = await acceptOffer(h);
    await h.register.update(caseId, { status: 'open' }); // approved, not yet carried out
    const said = h.sent.length;
    for (let hour = 0; hour < 170; hour++) {
      h.clock.advance(hours(1));
      await h.jobs.idle();
    }
    expect(h.sent.slice(said).map((m) => m.step)).toEqual(['notice', 'notice']);
    const reasons = (await h.jobs.waiting('supervisor.alert')).map((j) => j.data.reason);
    expect(reasons.filter((r) => r === 'promised_action_missed')).toHaveLength(3);
    expect(reasons).toContain('resolution_missed');
    const misses = (await h.app.parts.ledger.entries(caseId)).filter((e) => e.payload.missed).map((e) => e.payload.kind);
    expect(misses).toEqual(['promised_action', 'promised_action', 'promised_action', 'resolution']);
    expect(await h.jobs.waiting('sla.due')).toHaveLength(0);
  });
});

describe('no lost turns', () => {
  it('recovers the other turns when one fails again, and leaves that one journaled', async () => {
    const h = new Harness({ DEFAULT_LOCALE: 'en' });
    let down = true;
    h.app.router.register('telegram', {
      send: async (m) => {
        if (down || m.conversationId === 'poison') throw new Error('channel down');
        h.sent.push(m);
      },
    });
    await expect(h.say('I want to talk to a real person', { conversationId: 'poison', senderId: 'p' })).rejects.toThrow('channel down');
    await expect(h.say('I want to talk to a real person')).rejects.toThrow('channel down');
    down = false;
    expect(await h.app.engine.recover()).toBe(1); // the other conversation, though the first fails again
    expect(h.sent.map((m) => m.conversationId)).toEqual(['c1']);
    expect(await h.app.parts.inbox.unfinished()).toHaveLength(1);
  });

  it('finishes a turn whose replies could not be sent, sending each reply once', async () => {
    const h = new Harness({ DEFAULT_LOCALE: 'en' });
    let failNext = true;
    h.app.router.register('telegram', {
      send: async (m) => {
        if (failNext) {
          failNext = false;
          throw new Error('channel down');
        }
        h.sent.push(m);
      },
    });
    await expect(h.say('I want to talk to a real person')).rejects.toThrow('channel down');
    expect(h.sent).toHaveLength(0);

    expect(await h.app.engine.recover()).toBe(1);
    expect(steps(h.sent)).toEqual(['handoff']);
    expect(await h.app.engine.recover()).toBe(0);
    expect(await h.jobs.waiting('handoff')).toHaveLength(1); // the turn itself ran once
    const out = (await h.register.transcript('telegram:c1')).filter((e) => e.from === 'bot');
    expect(out).toHaveLength(1);
  });

  it('holds replies a channel cannot deliver until the traveller writes again, and tells staff', async () => {
    const h = new Harness({ DEFAULT_LOCALE: 'en' });
    const held: string[] = [];
    h.app.engine.on('delivery.held', ({ reason }) => held.push(reason));
    let windowOpen = false;
    h.app.router.register('telegram', {
      send: async (m) => {
        if (!windowOpen) throw Object.assign(new Error('window closed'), { undeliverable: true, reason: 'window_closed' });
        h.sent.push(m);
      },
    });
    await h.say('The hotel room was filthy and there was no hot water'); // resolves: the turn is committed
    expect(held).toEqual(['window_closed']);
    expect(h.sent).toHaveLength(0);
    windowOpen = true; // the traveller wrote again
    await h.say('GZ-2611-A');
    expect(h.sent.map((m) => m.text)).toEqual([en['ask.tour'], en['ask.when']]);
  });

  it('does not send again what went out before a channel failed part-way', async () => {
    const h = new Harness({ DEFAULT_LOCALE: 'en', AGENCY_EMERGENCY_PHONE: '+86 400 000 0000' });
    let failures = 1;
    h.app.router.register('telegram', {
      send: async (m) => {
        if (m.step === 'handoff' && failures-- > 0) throw new Error('network');
        h.sent.push(m);
      },
    });
    await expect(h.say('My father fell and is injured, we are at the hospital')).rejects.toThrow('network');
    expect(steps(h.sent)).toEqual(['safety']);
    await h.app.engine.recover();
    expect(steps(h.sent)).toEqual(['safety', 'handoff']);
    const out = (await h.register.transcript('telegram:c1')).filter((e) => e.from === 'bot');
    expect(out.map((e) => e.step)).toEqual(['safety', 'handoff']);
  });

  it('records a turn redone after a failed commit in the ledger once', async () => {
    const h = new Harness({ DEFAULT_LOCALE: 'en' });
    await h.say(complaint);
    for (const answer of ['GZ-2611-A', 'yesterday', '2']) await h.say(answer);
    await h.press('wants:compensation');
    await h.press('confirm');
    await h.say('300'); // the offer: one ledger record
    const store = h.app.parts.store;
    const write = store.write.bind(store);
    let failures = 1;
    store.write = async (key, state) => {
      if (state.complaint.step === 'confirm' && failures-- > 0) throw new Error('store down'); // after the ledger append
      return write(key, state);
    };
    await expect(h.press('offer:accept')).rejects.toThrow('store down');
    await h.app.engine.recover();
    const caseId = (await store.read('telegram:c1'))!.complaint.caseId!;
    expect((await h.app.parts.ledger.entries(caseId)).map((e) => e.kind)).toEqual(['offer', 'acceptance', 'deadline']);
    expect(h.sent.at(-1)?.step).toBe('confirm');
  });

  it('delivers replies left unsent before the next turn of the conversation', async () => {
    const h = new Harness({ DEFAULT_LOCALE: 'en' });
    h.app.router.register('telegram', { send: async () => { throw new Error('channel down'); } });
    await expect(h.say('The hotel room was filthy and there was no hot water')).rejects.toThrow();
    h.app.router.register('telegram', { send: async (m) => void h.sent.push(m) });
    await h.say('GZ-2611-A');
    expect(h.sent.map((m) => m.text)).toEqual([en['ask.tour'], en['ask.when']]);
  });
});
