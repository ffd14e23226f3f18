import { describe, expect, it, vi } from 'vitest';
import { bindingCodeHash, findBindingCode, newBindingCode } from '../../src/guides/binding-code.ts';
import en from '../../locales/en.json' with { type: 'json' };
import { Harness, choiceIds, steps } from '../support/harness.ts';

const hour = 3_600_000;

/** A guide the office registered, and a code issued to them, valid for a day unless told. */
async function issueCode(h: Harness, validMs = 24 * hour, code = newBindingCode()) {
  const guide = await h.guides.add({ name: 'Li Wei', phone: '+86 138 0000 0000', departures: [{ tourCode: 'GZ-2611-A', date: '2026-11-18' }] }, h.clock.now());
  await h.guides.issueCode(guide.id, bindingCodeHash(code), new Date(h.clock.now().getTime() + validMs));
  return { guide, code };
}

const fullWidth = (text: string) => text.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const state = (h: Harness, key = 'telegram:c1') => h.app.parts.store.read(key);

describe('binding codes', () => {
  it('are GD and eight characters of an alphabet without 0, O, 1 or I', () => {
    const codes = Array.from({ length: 200 }, newBindingCode);
    for (const code of codes) expect(code).toMatch(/^GD-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('hash alike however they are typed', () => {
    const hash = bindingCodeHash('GD-7K3M-9QXA');
    for (const typed of ['gd 7k3m 9qxa', 'GD7K3M9QXA', fullWidth('gd-7k3m-9qxa')]) expect(bindingCodeHash(typed)).toBe(hash);
    expect(bindingCodeHash('GD-7K3M-9QXB')).not.toBe(hash);
  });

  it('are found in a message, and nothing that merely looks like one is', () => {
    expect(findBindingCode('my code is gd-7k3m 9qxa, thanks')).toBe('GD-7K3M-9QXA');
    expect(findBindingCode(`绑定码：${fullWidth('GD－7K3M－9QXA')}`)).toBe('GD-7K3M-9QXA');
    for (const text of ['GD-1234', 'GD-7K3M-9QXAB', 'tour GZ-2611-A', 'GD-7K3M-9QX0', 'XGD-7K3M-9QXA']) expect(findBindingCode(text), text).toBeNull();
  });
});

describe('binding a guide through the bot', () => {
  it.each([
    ['as issued', (code: string) => code],
    ['in lower case with spaces', (code: string) => code.toLowerCase().replaceAll('-', ' ')],
    ['in full-width characters inside a sentence', (code: string) => `My code: ${fullWidth(code)}`],
  ])('binds the account with a valid code typed %s', async (_, typed) => {
    const h = new Harness({ DEFAULT_LOCALE: 'en' });
    const { guide, code } = await issueCode(h);
    const replies = await h.say(typed(code));
    expect(replies.map((r) => r.text)).toEqual([en['guide.welcome'].replace('{name}', 'Li Wei')]);
    expect(await state(h)).toMatchObject({ role: 'guide', guide: { guideId: guide.id } });
    expect((await h.guides.guideFor({ channel: 'telegram', senderId: 'u1' }))?.id).toBe(guide.id);
    expect(choiceIds(await h.say('Hello'))).toContain('type:accident_injury'); // the next message begins a report
  });

  it('binds with a code whose letters read as a language the bot does not support', async () => {
    const h = new Harness({ DEFAULT_LOCALE: 'en' });
    const { guide } = await issueCode(h, 24 * hour, 'GD-KS6S-GN3Y');
    expect((await h.say('GD-KS6S-GN3Y')).map((r) => r.text)).toEqual([en['guide.welcome'].replace('{name}', 'Li Wei')]);
    expect(await state(h)).toMatchObject({ role: 'guide', guide: { guideId: guide.id } });
  });

  it('refuses a wrong code politely and leaves the conversation as it was', async () => {
    const h = new Harness({ DEFAULT_LOCALE: 'en' });
    await issueCode(h);
    await h.say('The hotel room was filthy and there was no hot water at all!');
    const before = await state(h);
    const replies = await h.say(newBindingCode());
    expect(replies.map((r) => r.text)).toEqual([en['guide.code_refused']]);
    expect(await state(h)).toMatchObject({ role: 'traveller', guide: { guideId: null }, complaint: { step: before?.complaint.step, facts: before?.complaint.facts } });
    expect(steps(await h.say('GZ-2611-A'))).toEqual(['listen']); // the complaint goes on
  });

  it('refuses a code used already, from another account', async () => {
    const h = new Harness({ DEFAULT_LOCALE: 'en' });
    const { guide, code } = await issueCode(h);
    await h.say(code);
    const replies = await h.say(code, { conversationId: 'c2', senderId: 'u2' });
    expect(replies.map((r) => r.text)).toEqual([en['guide.code_refused']]);
    expect(await state(h, 'telegram:c2')).toMatchObject({ role: 'traveller', guide: { guideId: null } });
    expect((await h.guides.guideFor({ channel: 'telegram', senderId: 'u1' }))?.id).toBe(guide.id);
  });

  it('refuses an expired code', async () => {
    const h = new Harness({ DEFAULT_LOCALE: 'en' });
    const { code } = await issueCode(h, hour);
    h.clock.advance(2 * hour);
    expect((await h.say(code)).map((r) => r.text)).toEqual([en['guide.code_refused']]);
    expect(await state(h)).toMatchObject({ role: 'traveller', guide: { guideId: null } });
  });

  it('knows a bound account in a new conversation, asking the registry once', async () => {
    const h = new Harness({ DEFAULT_LOCALE: 'en' });
    const { guide, code } = await issueCode(h);
    await h.say(code);
    const guideFor = vi.spyOn(h.guides, 'guideFor');
    const first = await h.say('Hello', { conversationId: 'c2' });
    expect(choiceIds(first)).toContain('type:illness');
    await h.press('type:illness', { conversationId: 'c2' });
    expect(guideFor).toHaveBeenCalledTimes(1);
    expect(await state(h, 'telegram:c2')).toMatchObject({ role: 'guide', guide: { guideId: guide.id, accountChecked: true } });
  });

  it('gives a traveller whose words merely look like a code the complaint flow', async () => {
    const h = new Harness({ DEFAULT_LOCALE: 'en' });
    await issueCode(h);
    const replies = await h.say('Our hotel on tour GD-1234 was filthy and had no hot water');
    expect(replies.map((r) => r.text)).not.toContain(en['guide.code_refused']);
    expect(steps(replies)).toEqual(['listen']);
    expect(await state(h)).toMatchObject({ role: 'traveller', guide: { guideId: null, accountChecked: true } });
  });
});
