import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { catalogues } from '../../src/i18n/render.ts';
import { LlmWording } from '../../src/wording/llm-wording.ts';
import type { WordingOutcome } from '../../src/wording/word-replies.ts';
import { startFakeOpenAI } from '../support/fake-openai.ts';
import type { FakeOpenAI } from '../support/fake-openai.ts';
import { Harness, choiceIds, steps } from '../support/harness.ts';

const en = catalogues.en;
const phone = '13812345678';
const name = 'Tom Baker';

let fake: FakeOpenAI;
beforeEach(async () => {
  fake = await startFakeOpenAI();
});
afterEach(() => fake.close());

/** The app with LLM wording against the fake server, and what became of each reply offered to it. */
function harness() {
  const wording = new LlmWording({ baseURL: fake.baseURL, apiKey: 'test-key', model: 'fake-model', timeoutMs: 300 });
  const h = new Harness({}, { wording });
  const outcomes: WordingOutcome['outcome'][] = [];
  h.app.engine.on('wording', ({ outcome }) => outcomes.push(outcome));
  return { h, outcomes };
}

/** Tells a complaint up to the restatement; what the traveller wants is in their own words, with their name and phone. */
async function tellUpToRestatement(h: Harness) {
  await h.say('The hotel room was filthy and there was no hot water at all!');
  for (const answer of ['GZ-2611-A', 'yesterday', '2']) await h.say(answer);
  return h.say(`I want a call back, my name is ${name}, phone ${phone}`);
}

const replyWith = (reply: string) => fake.behave({ kind: 'answer', content: { reply } });

describe('worded restatement and apology, through an OpenAI-compatible server', () => {
  it('sends a restatement worded by the model, its choices as they were', async () => {
    const { h, outcomes } = harness();
    replyWith('Just to be sure: your room was not clean and there was no hot water, on GZ-2611-A. You would like a call back, [NAME_1], on [PHONE_1]. Is that right?');
    const replies = await tellUpToRestatement(h);
    expect(steps(replies)).toEqual(['restate']);
    expect(replies[0]?.text).toBe(`Just to be sure: your room was not clean and there was no hot water, on GZ-2611-A. You would like a call back, ${name}, on ${phone}. Is that right?`);
    expect(choiceIds(replies)).toEqual(['confirm', 'correct']);
    expect(outcomes).toEqual(['worded']);
  });

  it('sends the model none of the traveller\'s personal data', async () => {
    const { h } = harness();
    replyWith('Is that right?');
    await tellUpToRestatement(h);
    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request?.raw).not.toContain(phone);
    expect(request?.raw).not.toContain(name);
    expect(request?.raw).toContain('[PHONE_1]');
    expect(request?.body.model).toBe('fake-model');
  });

  it('sends a worded apology and leaves the question of the offer to the template', async () => {
    const { h, outcomes } = harness();
    await tellUpToRestatement(h);
    replyWith('I am truly sorry that your room was not clean and that there was no hot water. You deserved much better from us.');
    const replies = await h.press('confirm');
    expect(steps(replies)).toEqual(['apologise', 'propose']);
    expect(replies[0]?.text).toBe('I am truly sorry that your room was not clean and that there was no hot water. You deserved much better from us.');
    expect(replies[1]?.text).toBe(en['ask.figure.priceDifference']);
    expect(outcomes.at(-1)).toBe('worded');
    expect(fake.requests).toHaveLength(2); // the restatement and the apology: never the offer's question
  });

  it('sends the template when the wording promises money', async () => {
    const { h, outcomes } = harness();
    await tellUpToRestatement(h);
    replyWith('I am so sorry that your room was not clean. We will compensate you with 500 dollars today.');
    const replies = await h.press('confirm');
    expect(replies[0]?.text).toBe(en['apologise.medium'].replace('{problem}', 'your room was not clean, and there was no hot water'));
    expect(outcomes.at(-1)).toBe('money');
  });

  it('sends the template when the server fails', async () => {
    const { h, outcomes } = harness();
    fake.behave({ kind: 'status', status: 500 });
    const replies = await tellUpToRestatement(h);
    expect(replies[0]?.text).toContain(en['restate.intro']);
    expect(replies[0]?.text).toContain(phone); // the traveller's own words, as the template says them
    expect(outcomes).toEqual(['failed']);
  });

  it('sends the template when the server is too slow', async () => {
    const { h, outcomes } = harness();
    fake.behave({ kind: 'slow', ms: 5_000 });
    const started = performance.now();
    const replies = await tellUpToRestatement(h);
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(replies[0]?.text).toContain(en['restate.intro']);
    expect(outcomes).toEqual(['failed']);
  });

  it('sends the template when the answer is not the JSON asked for', async () => {
    const { h, outcomes } = harness();
    fake.behave({ kind: 'invalid-json' });
    const replies = await tellUpToRestatement(h);
    expect(replies[0]?.text).toContain(en['restate.intro']);
    expect(outcomes).toEqual(['declined']);
  });
});
