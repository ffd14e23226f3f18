import { describe, expect, it } from 'vitest';
import { answerGreeting, greeted } from '../../flows/followup.ts';
import type { FlowContext, TurnInput } from '../../flows/types.ts';
import { newConversation, withComplaint } from '../../src/conversation/state.ts';
import type { ConversationState } from '../../src/conversation/state.ts';
import { LearnedUnderstanding } from '../../src/understanding/learned/index.ts';

const now = new Date('2026-11-22T02:00:00Z');
/** The answers read no more of the context than the time. */
const ctx = { now } as FlowContext;
const departure = { tourCode: 'GZ-7X', date: '2026-11-14' };
const understanding = new LearnedUnderstanding();

const fresh = (): ConversationState => newConversation({
  channel: 'telegram', conversationId: 'tg-1', senderId: 'tg-1', senderRole: 'traveller', messageId: '', text: '', attachments: [], receivedAt: now,
});
const input = async (text: string, choice: string | null = null): Promise<TurnInput> => ({ text, choice, attachments: [], understood: await understanding.understand(text, { now, timeZone: 'Asia/Shanghai' }) });

describe('the greeting and its answers', () => {
  it('asks how the trip was, with a choice to tell a problem, and remembers it asked', () => {
    const { state, replies } = greeted(fresh(), departure, ctx);
    expect(state.aftercare.greeting).toEqual({ departure, sentAt: now.toISOString() });
    expect(replies).toMatchObject([{ step: 'notice', lines: [{ key: 'followup.greeting', params: { tour: 'GZ-7X' } }] }]);
    expect(replies[0]?.choices?.map((c) => c.id)).toEqual(['followup:good', 'followup:problem']);
  });

  it('thanks a traveller whose trip was good, and asks about it in the trip survey', async () => {
    const { state } = greeted(fresh(), departure, ctx);
    const answered = await answerGreeting(state, await input('', 'followup:good'), ctx);
    expect(answered?.state.aftercare.greeting).toBeNull();
    expect(answered?.state.aftercare.survey).toMatchObject({ id: 'trip:telegram:tg-1:GZ-7X:2026-11-14', caseId: null });
    expect(answered?.replies[0]).toEqual({ step: 'thank', lines: [{ key: 'followup.thanks' }] });
    expect(answered?.replies[1]?.lines[0]).toEqual({ key: 'survey.intro' });
  });

  it('hears a problem as a complaint about that tour, a new one after a finished complaint', async () => {
    const done = withComplaint(fresh(), { step: 'report', number: 1, caseId: 'TC-1' });
    const { state } = greeted(done, departure, ctx);
    const answered = await answerGreeting(state, await input('', 'followup:problem'), ctx);
    expect(answered?.replies).toMatchObject([{ step: 'listen', lines: [{ key: 'ask.what' }] }]);
    expect(answered?.state).toMatchObject({ aftercare: { greeting: null }, complaint: { step: 'listen', number: 2, caseId: null, facts: { tour: { value: 'GZ-7X' }, awaiting: 'what' } } });
  });

  it('leaves anything else to the other flows: words, a "yes", no greeting at all', async () => {
    const { state } = greeted(fresh(), departure, ctx);
    expect(await answerGreeting(state, await input('The hotel was filthy'), ctx)).toBeNull();
    expect(await answerGreeting(state, await input('yes'), ctx)).toBeNull();
    expect(await answerGreeting(fresh(), await input('', 'followup:good'), ctx)).toBeNull();
  });

  it('starts without a greeting', () => {
    expect(fresh().aftercare.greeting).toBeNull();
  });
});
