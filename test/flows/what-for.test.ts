import { describe, expect, it } from 'vitest';
import { catalogues } from '../../src/i18n/render.ts';
import type { Understanding, Understood } from '../../src/ports/understanding.ts';
import { LearnedUnderstanding } from '../../src/understanding/learned/index.ts';
import { Harness, choiceIds, steps } from '../support/harness.ts';

/**
 * The flow's answer to how sure the reading is, with the reading set by hand: the model's own
 * reading of each text, with the labels under test laid over it.
 */
function reading(overrides: Record<string, Partial<Understood>>): Understanding {
  const learned = new LearnedUnderstanding();
  return {
    async understand(text, options) {
      const base = learned.read(text, options);
      return { ...base, ...overrides[text] };
    },
  };
}

const en = catalogues.en;
const unsureDanger: Partial<Understood> = { intent: 'complaint', danger: { level: 'ask', kind: 'illness' }, severity: 'high' };
const sick = 'Our coach has been stuck for three hours and my mother feels dizzy';

describe('the safety question', () => {
  it('asks once when the net is unsure, and on yes gives guidance, pages and hands off', async () => {
    const h = new Harness({}, { understanding: reading({ [sick]: unsureDanger }) });
    const asked = await h.say(sick);
    expect(asked.map((r) => r.text)).toEqual([en['safety.ask']]);
    expect(choiceIds(asked)).toEqual(['safety:yes', 'safety:no']);
    const helped = await h.press('safety:yes');
    expect(steps(helped)).toEqual(['safety', 'handoff']);
    expect(helped[0]?.text).toContain(en['safety.now.illness']);
    expect(h.cases.at(-1)).toMatchObject({ severity: 'critical', status: 'handed_off', facts: { telling: [sick] } });
    expect(await h.incidents.list()).toMatchObject([{ kind: 'emergency', type: 'illness' }]);
  });

  it('on no, goes on with the message as told, glad everyone is safe', async () => {
    const h = new Harness({}, { understanding: reading({ [sick]: unsureDanger }) });
    await h.say(sick);
    const next = await h.say('no');
    expect(next[0]?.text).toBe(`${en['safety.glad']}\n${en['ask.tour']}`);
    expect(await h.incidents.list()).toEqual([]);
  });

  it('takes a typed answer that shows danger of its own as a yes', async () => {
    const worse = 'she just fainted';
    const h = new Harness({}, { understanding: reading({ [sick]: unsureDanger, [worse]: { danger: { level: 'ask', kind: 'illness' } } }) });
    await h.say(sick);
    const helped = await h.say(worse);
    expect(steps(helped)).toEqual(['safety', 'handoff']);
    expect(h.cases.at(-1)?.facts.telling).toEqual([`${sick}\n${worse}`]);
  });

  it('gives guidance at once when the net is sure, with the numbers of the country named', async () => {
    const lost = 'My dad went missing in the old town in Chiang Mai two hours ago';
    const h = new Harness({}, { understanding: reading({ [lost]: { danger: { level: 'certain', kind: 'missing_person' }, severity: 'critical' } }) });
    const helped = await h.say(lost);
    expect(steps(helped)).toEqual(['safety', 'handoff']);
    expect(helped[0]?.text).toContain(en['safety.now.missing_person']);
    expect(helped[0]?.text).toContain('Emergency numbers in Thailand: police 191, ambulance 1669.');
  });

  it('does not page again for what is added to an emergency already handed over', async () => {
    const lost = 'My dad went missing in the old town two hours ago';
    const more = 'he is wearing a red jacket and has no phone';
    const danger = { danger: { level: 'certain' as const, kind: 'missing_person' as const }, severity: 'critical' as const };
    const h = new Harness({}, { understanding: reading({ [lost]: danger, [more]: danger }) });
    await h.say(lost);
    const added = await h.say(more);
    expect(steps(added)).toEqual(['handoff']);
    expect(await h.incidents.list()).toHaveLength(1);
  });
});

describe('what a message is for', () => {
  const mixed = 'Thanks for the trip, the guide Lily was lovely';

  it('asks what the traveller would like when the reading is unsure, a complaint always on offer', async () => {
    const unsure = { intent: 'praise' as const, confidence: { intent: 0.4, category: 1, severity: 1 }, likely: { intents: ['praise' as const, 'answer' as const], categories: ['other' as const] } };
    const h = new Harness({}, { understanding: reading({ [mixed]: unsure }) });
    const asked = await h.say(mixed);
    expect(asked[0]?.text).toBe(en['clarify.intent']);
    expect(choiceIds(asked)).toEqual(['intent:complaint', 'intent:praise']);
    const thanked = await h.press('intent:praise');
    expect(thanked.map((r) => r.text)).toEqual([en['feedback.thanks.praise']]);
    expect(h.cases).toHaveLength(0);
  });

  it('takes the choice of a complaint into the intake', async () => {
    const unsure = { intent: 'praise' as const, confidence: { intent: 0.4, category: 1, severity: 1 }, likely: { intents: ['praise' as const, 'complaint' as const], categories: ['guide' as const] } };
    const h = new Harness({}, { understanding: reading({ [mixed]: unsure }) });
    await h.say(mixed);
    const intake = await h.press('intent:complaint');
    expect(steps(intake)).toEqual(['listen']);
  });

  it('does not ask when sure, or mid-complaint where words answer the question asked', async () => {
    const h = new Harness({}, { understanding: reading({ yesterday: { intent: 'status_query', confidence: { intent: 0.4, category: 1, severity: 1 }, likely: { intents: ['status_query', 'answer'], categories: ['other'] } } }) });
    expect((await h.say('The hotel room was filthy and there was no hot water at all!'))[0]?.text).toBe(en['ask.tour']);
    await h.say('GZ-2611-A');
    expect((await h.say('yesterday'))[0]?.text).toBe(en['ask.people']);
  });

  it('ends politely on "that\'s all" between complaints, opening nothing', async () => {
    const h = new Harness({}, { understanding: reading({ "that's all, thanks": { intent: 'done', confidence: { intent: 0.99, category: 1, severity: 1 } } }) });
    const bye = await h.say("that's all, thanks");
    expect(bye.map((r) => r.text)).toEqual([en['closing.goodbye']]);
    expect(h.cases).toHaveLength(0);
  });
});
