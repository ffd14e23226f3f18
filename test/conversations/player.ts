import { readdirSync, readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { z } from 'zod';
import type { OutboundMessage } from '../../src/conversation/messages.ts';
import { bindingCodeHash } from '../../src/guides/binding-code.ts';
import { catalogues } from '../../src/i18n/render.ts';
import type { MessageKey } from '../../src/i18n/render.ts';
import { scriptOnly } from '../../src/understanding/rules/script.ts';
import { localeOf } from '../../src/taxonomy.ts';
import type { Locale } from '../../src/taxonomy.ts';
import type { Harness } from '../support/harness.ts';

const checks = z.strictObject({
  contains: z.array(z.string()).optional(),
  notContains: z.array(z.string()).optional(),
  kind: z.enum(['question', 'restatement', 'offer', 'handoff', 'safety', 'goodbye', 'thanks', 'status', 'rights']).optional(),
  mentionsTime: z.boolean().optional(),
  mentionsCaseNumber: z.boolean().optional(),
  opensCase: z.boolean().optional(),
  escalates: z.boolean().optional(),
  differsFromPrevious: z.boolean().optional(),
  tellsStaff: z.boolean().optional(),
});
type Checks = z.infer<typeof checks>;

/** One scripted conversation (SCRIPTS.md). */
export const script = z.strictObject({
  id: z.string(),
  point: z.number().int().min(1).max(8),
  language: z.enum(['en', 'zh-Hans', 'zh-Hant']),
  role: z.enum(['traveller', 'guide']).default('traveller'),
  opening: z.array(z.string()).min(1),
  answers: z.record(z.string(), z.string()).default({}),
  neverAsked: z.array(z.string()).default([]),
  atRestatement: z.array(z.string()).default([]),
  restatement: z.strictObject({ contains: z.array(z.string()).default([]), notContains: z.array(z.string()).default([]) }).optional(),
  case: z.strictObject({
    problems: z.array(z.string()).optional(),
    figures: z.record(z.string(), z.number()).optional(),
    people: z.number().optional(),
    tour: z.string().optional(),
    wants: z.string().optional(),
  }).optional(),
  offer: z.union([
    z.strictObject({ none: z.literal(true) }),
    z.strictObject({
      clauses: z.array(z.string()).default([]), atLeast: z.number().optional(), total: z.number().optional(),
      pending: z.boolean().optional(), decision: z.enum(['accept', 'refuse']).default('accept'),
    }),
  ]).optional(),
  expect: checks.optional(),
  after: z.array(z.strictObject({ say: z.string(), expect: checks.default({}) })).default([]),
});
export type Script = z.infer<typeof script>;

export function loadScripts(dir: URL): Script[] {
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
    .map((f) => script.parse(JSON.parse(readFileSync(new URL(f, dir), 'utf8'))));
}

const dontKnow: Record<Script['language'], string> = { en: "I don't know", 'zh-Hans': '不知道', 'zh-Hant': '唔知' };
const safeNow: Record<Script['language'], string> = { en: 'no, everyone is safe', 'zh-Hans': '没有，大家都安全', 'zh-Hant': '冇，大家都安全' };
const preference: Record<Script['language'], string> = { en: 'a full refund', 'zh-Hans': '全额退款', 'zh-Hant': '全數退款' };

/** Digits compared without separators or spaces, letters without case. */
export const plain = (text: string): string => text.normalize('NFKC').replace(/(?<=\d)[,，\s](?=\d)/g, '').toLowerCase();

/** What a reply is, from the message templates it starts with in its locale. */
function kindOf(reply: OutboundMessage, locale: Locale): Checks['kind'] | null {
  const words = catalogues[locale];
  const starts = (key: string) => {
    const template = words[key as MessageKey];
    const head = template?.split('{')[0]?.trim();
    return head ? reply.text.includes(head.slice(0, Math.min(12, head.length))) : false;
  };
  if (reply.step === 'safety') return 'safety';
  if (reply.step === 'restate') return 'restatement';
  if (reply.step === 'handoff') return 'handoff';
  if (reply.choices.some((c) => c.id === 'offer:accept')) return 'offer';
  if (starts('closing.goodbye')) return 'goodbye';
  if (Object.keys(words).some((k) => k.startsWith('feedback.') && starts(k)) || reply.step === 'thank') return 'thanks';
  if (Object.keys(words).some((k) => k.startsWith('status.') && starts(k))) return 'status';
  if (Object.keys(words).some((k) => k.startsWith('rights.') && starts(k))) return 'rights';
  if (reply.step === 'listen' || reply.step === 'propose') return 'question';
  return null;
}

/** Characters a reply should not have: any Han in English, or those only the other script writes. */
function wrongScript(text: string, language: Script['language'], travellerText: string): string[] {
  const ours = (c: string) => !travellerText.includes(c);
  if (language === 'en') return [...text].filter((c) => /\p{sc=Han}/u.test(c) && ours(c));
  const only = scriptOnly(text);
  return (language === 'zh-Hans' ? only.traditional : only.simplified).filter(ours);
}

/** Plays a script on a harness, checking every reply's script and the `after` turns' expectations. */
export class Player {
  readonly asked: string[] = [];
  readonly restatements: string[] = [];
  /** The whole exchange, shown when a script fails. */
  readonly transcript: string[] = [];
  offer: OutboundMessage | null = null;
  #previous = '';
  readonly #key = 'telegram:c1';

  readonly h: Harness;
  readonly s: Script;

  constructor(h: Harness, s: Script) {
    this.h = h;
    this.s = s;
  }

  get locale(): Locale {
    return localeOf[this.s.language];
  }

  async state() {
    return this.h.app.parts.store.read(this.#key);
  }

  /** Says something and checks the replies are in the traveller's script. */
  async send(text: string, choice?: string): Promise<OutboundMessage[]> {
    const replies = choice ? await this.h.press(choice) : await this.h.say(text);
    this.transcript.push(`> ${choice ? `[${choice}]` : text}`, ...replies.map((r) => `< ${r.text}`));
    const told = [...this.s.opening, ...Object.values(this.s.answers), ...this.s.atRestatement, ...this.s.after.map((a) => a.say)].join('');
    for (const r of replies) expect(wrongScript(r.text, this.s.language, told), `${this.s.language} reply: ${r.text}`).toEqual([]);
    if (replies.length > 0) this.#previous = replies.at(-1)?.text ?? this.#previous;
    return replies;
  }

  async bindGuide(): Promise<void> {
    const guide = await this.h.guides.add({ name: 'Li Wei', phone: '+86 138 0000 0000', departures: [{ tourCode: 'GZ-2611-A', date: '2026-11-18' }] }, this.h.clock.now());
    await this.h.guides.issueCode(guide.id, bindingCodeHash('GD-7K3M-9QXA'), new Date('2026-11-22T00:00:00Z'));
    await this.h.say('GD-7K3M-9QXA');
  }

  async open(): Promise<OutboundMessage[]> {
    const replies: OutboundMessage[] = [];
    for (const text of this.s.opening) replies.push(...(await this.send(text)));
    return replies;
  }

  /** Answers the bot's questions until the case is reported or with a person. */
  async intake(): Promise<void> {
    let restated = 0;
    for (let turn = 0; turn < 40; turn++) {
      const state = await this.state();
      if (!state) return;
      if (state.held?.question === 'safety') { await this.send(safeNow[this.s.language]); continue; }
      if (state.held?.question === 'intent') { await this.send('', 'intent:complaint'); continue; }
      if (this.s.role === 'guide') {
        if (!(await this.report())) return;
        continue;
      }
      if (state.complaint.step === 'report' || state.complaint.step === 'handoff' || state.mode === 'human') return;
      const last = this.h.sent.at(-1);
      if (state.complaint.step === 'restate') {
        this.restatements.push(last?.text ?? '');
        const correction = this.s.atRestatement[restated++];
        if (correction !== undefined) await this.send(correction);
        else await this.send('', 'confirm');
        continue;
      }
      if (last?.choices.some((c) => c.id === 'offer:accept')) {
        this.offer = last;
        const decision = this.s.offer && 'decision' in this.s.offer ? this.s.offer.decision : 'accept';
        await this.send('', decision === 'accept' ? 'offer:accept' : 'offer:refuse');
        if (decision === 'refuse') await this.send(preference[this.s.language]);
        continue;
      }
      if (state.complaint.step === 'confirm') { await this.send('', 'satisfied'); continue; }
      const awaiting = state.complaint.facts.awaiting;
      const slot = awaiting?.startsWith('figure:') ? awaiting.slice('figure:'.length) : awaiting;
      if (slot && slot !== 'correction' && slot !== 'preference') {
        this.asked.push(slot);
        await this.send(slot === 'what' ? this.s.opening.join(' ') : (this.s.answers[slot] ?? dontKnow[this.s.language]));
        continue;
      }
      return;
    }
  }

  /** A guide's incident report: its summary is the restatement; a question asked is answered "I don't know". Whether it goes on. */
  async report(): Promise<boolean> {
    const report = (await this.state())?.guide.report;
    if (!report) return false;
    if (report.awaiting === 'confirm') {
      this.restatements.push(this.h.sent.at(-1)?.text ?? '');
      await this.send('', 'report:confirm');
    } else if (report.awaiting === 'location') {
      await this.send('', 'location:skip');
    } else {
      this.asked.push(report.awaiting === 'tour_code' ? 'tour' : report.awaiting);
      await this.send(dontKnow[this.s.language]);
    }
    return true;
  }

  /** Checks the replies to a turn. */
  async check(replies: OutboundMessage[], c: Checks, said: string, casesBefore: number): Promise<void> {
    const all = replies.map((r) => r.text).join('\n');
    const text = plain(all);
    for (const s of c.contains ?? []) expect(text, `replies should contain "${s}":\n${all}`).toContain(plain(s));
    for (const s of c.notContains ?? []) expect(text, `replies should not contain "${s}":\n${all}`).not.toContain(plain(s));
    if (c.kind) expect(replies.map((r) => kindOf(r, this.locale)), all).toContain(c.kind);
    if (c.mentionsTime !== undefined) expect(/\d{1,2}:\d{2}/.test(all), all).toBe(c.mentionsTime);
    if (c.mentionsCaseNumber !== undefined) expect(/TC-[0-9A-Z]{6}/.test(all), all).toBe(c.mentionsCaseNumber);
    if (c.opensCase === false) expect(this.h.cases.length, 'no case is filed').toBe(casesBefore);
    if (c.differsFromPrevious) expect(replies.at(-1)?.text, 'a new reply, not the same one again').not.toBe(this.#previousBefore);
    const record = await this.h.register.latestCase(this.#key);
    if (c.escalates) {
      const ticket = record ? await this.h.app.parts.desk.get(record.id) : undefined;
      expect(ticket?.level, 'the case waits for a supervisor').toMatch(/supervisor|executive/);
    }
    if (c.tellsStaff) expect(((record?.facts.telling ?? []) as string[]).join('\n'), 'staff see what was said').toContain(said);
  }

  #previousBefore = '';

  /** Says one `after` turn and checks it. */
  async after(say: string, c: Checks): Promise<void> {
    this.#previousBefore = this.#previous;
    const casesBefore = this.h.cases.length;
    await this.check(await this.send(say), c, say, casesBefore);
  }
}
