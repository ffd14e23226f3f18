import { EventEmitter } from 'node:events';
import type { Flows, Reply, TurnInput, TurnResult } from '../../flows/types.ts';
import { phrase, render } from '../i18n/render.ts';
import type { Phrase } from '../i18n/render.ts';
import { errorFields } from '../log.ts';
import type { Logger } from '../log.ts';
import type { CaseRecord, CaseRegister } from '../ports/case-register.ts';
import type { Clock } from '../ports/clock.ts';
import type { ConversationStore, TurnLock } from '../ports/conversation-store.ts';
import type { Job, JobQueue } from '../ports/job-queue.ts';
import type { Outbox } from '../ports/outbox.ts';
import type { Understanding } from '../ports/understanding.ts';
import type { RemedyPolicy } from '../policy/types.ts';
import type { Locale } from '../taxonomy.ts';
import { resolveChoice } from './choices.ts';
import { flowContext } from './flow-context.ts';
import { chooseLocale } from './locale.ts';
import type { Attachment, InboundMessage, OutboundMessage } from '../conversation/messages.ts';
import { conversationKey } from '../conversation/messages.ts';
import { sanitize } from './sanitize.ts';
import { newConversation } from '../conversation/state.ts';
import type { ConversationState } from '../conversation/state.ts';

export interface EngineOptions {
  /** Messages closer together than this while listening are one telling. 0 answers each at once. */
  burstWindowMs: number;
  /** Longer texts are cut (in characters). */
  maxTextLength: number;
  /** The agency's zone, for "today" and promised times. */
  timeZone: string;
  /** The locale before the traveller's language is known, unless the channel hints one. */
  defaultLocale: Locale;
  emergencyPhone: string | null;
}

export interface EngineParts {
  store: ConversationStore;
  lock: TurnLock;
  register: CaseRegister;
  jobs: JobQueue;
  clock: Clock;
  understanding: Understanding;
  policy: RemedyPolicy;
  flows: Flows;
  outbox: Outbox;
  log: Logger;
}

/** Steps in which the traveller may still be telling: bursts there are gathered. */
const gathering = new Set(['listen', 'handoff']);

/**
 * Turns inbound messages into replies and side effects. Per message: drop
 * repeats, take the conversation's turn lock, load state, run the flow, save,
 * then send. Knows nothing of channels.
 */
export class Engine extends EventEmitter<{ case: [CaseRecord] }> {
  readonly #parts: EngineParts;
  readonly #options: EngineOptions;

  constructor(parts: EngineParts, options: EngineOptions) {
    super();
    this.#parts = parts;
    this.#options = options;
    parts.jobs.process('turn.flush', (job) => this.#flush(job));
    parts.jobs.process('sla.due', (job) => this.#replyTimeDue(job));
  }

  async receive(inbound: InboundMessage): Promise<void> {
    const { store, lock, clock, jobs } = this.#parts;
    if (!(await store.markSeen(inbound.channel, inbound.messageId))) {
      this.#parts.log.debug('message.duplicate', { channel: inbound.channel });
      return;
    }
    const { message, truncated } = sanitize(inbound, this.#options.maxTextLength);
    const key = conversationKey(message);
    await lock.withLock(key, async () => {
      const state = (await store.read(key)) ?? newConversation(message);
      await this.#record(key, 'traveller', message.text || attachmentNote(message.attachments), message.receivedAt);
      if (state.mode === 'human') return store.write(key, state); // staff have it: the bot keeps quiet
      const choice = resolveChoice(state.offered, message.choice, message.text);
      const notes = truncated ? [phrase('notice.truncated')] : [];
      if (choice === null && notes.length === 0 && this.#options.burstWindowMs > 0 && gathering.has(state.step)) {
        const lastAt = clock.now().getTime();
        const pending = {
          texts: [...(state.pending?.texts ?? []), message.text].filter(Boolean),
          attachments: [...(state.pending?.attachments ?? []), ...message.attachments],
          lastAt,
        };
        await store.write(key, { ...state, pending, localeHint: state.localeHint ?? message.localeHint ?? null });
        await jobs.add('turn.flush', { key, lastAt }, { delayMs: this.#options.burstWindowMs, jobId: `flush:${key}:${lastAt}` });
        return;
      }
      const text = choice === null ? [...(state.pending?.texts ?? []), message.text].filter(Boolean).join('\n') : '';
      const attachments = [...(state.pending?.attachments ?? []), ...message.attachments];
      await this.#turn({ ...state, pending: null, localeHint: state.localeHint ?? message.localeHint ?? null }, { text, choice, attachments }, notes);
    });
  }

  /** A burst has gone quiet: handle it as one telling, unless a later message restarted the wait. */
  async #flush(job: Job): Promise<void> {
    const { key, lastAt } = job.data as { key: string; lastAt: number };
    await this.#parts.lock.withLock(key, async () => {
      const state = await this.#parts.store.read(key);
      if (!state?.pending || state.pending.lastAt !== lastAt) return;
      const { texts, attachments } = state.pending;
      await this.#turn({ ...state, pending: null }, { text: texts.join('\n'), choice: null, attachments }, []);
    });
  }

  async #replyTimeDue(job: Job): Promise<void> {
    const { conversationKey: key, dueAt } = job.data as { conversationKey: string; dueAt: string };
    await this.#parts.lock.withLock(key, async () => {
      const state = await this.#parts.store.read(key);
      if (!state) return;
      const result = await this.#parts.flows.replyTimeDue(state, dueAt, this.#context());
      if (result) await this.#commit(state, result, state.locale ?? this.#options.defaultLocale);
    });
  }

  async #turn(state: ConversationState, told: Omit<TurnInput, 'understood'>, notes: Phrase[]): Promise<void> {
    const { understanding, clock, log } = this.#parts;
    const now = clock.now();
    const understood = await understanding.understand(told.text, { now, timeZone: this.#options.timeZone });
    const locale = chooseLocale(state.locale, understood, told.text, state.localeHint ?? this.#options.defaultLocale);
    const current = { ...state, locale };
    try {
      if (understood.unsupportedLanguage) return await this.#sayUnsupported(current);
      const result = told.text || told.choice || told.attachments.length > 0
        ? await this.#parts.flows.turn(current, { ...told, understood }, this.#context())
        : { state: current, replies: [{ step: 'listen' as const, lines: [phrase('notice.empty')] }] };
      if (notes.length > 0) result.replies.unshift({ step: 'notice', lines: notes });
      await this.#commit(current, result, locale);
    } catch (e) {
      log.error('turn.failed', { key: state.key, step: state.step, ...errorFields(e) });
      await this.#send(current, { step: 'notice', lines: [phrase('notice.error')] }, locale);
    }
  }

  /** Saves the new state, then sends; a case the turn filed or handed off is announced. */
  async #commit(before: ConversationState, result: TurnResult, locale: Locale): Promise<void> {
    const last = result.replies.at(-1);
    const next: ConversationState = {
      ...result.state,
      locale,
      turn: before.turn + 1,
      trail: [...result.state.trail, ...result.replies.map((r) => r.step)].filter((s, i, all) => all.indexOf(s) === i),
      offered: (last?.choices ?? []).map((c) => ({ id: c.id, label: render(locale, c.label, this.#options.timeZone) })),
    };
    await this.#parts.store.write(next.key, next);
    for (const reply of result.replies) await this.#send(next, reply, locale);

    const entered = next.step !== before.step || next.handoff?.reason !== before.handoff?.reason;
    if (next.caseId && entered && (next.step === 'report' || next.step === 'handoff')) {
      const record = await this.#parts.register.get(next.caseId);
      if (record) this.emit('case', record);
    }
  }

  async #sayUnsupported(state: ConversationState): Promise<void> {
    // Said in both languages we can read, since we cannot answer in theirs.
    const text = (['en', 'zh-CN'] as const).map((l) => render(l, phrase('notice.unsupported_language'), this.#options.timeZone)).join('\n');
    await this.#parts.store.write(state.key, { ...state, turn: state.turn + 1, locale: state.locale });
    await this.#deliver(state, { channel: state.channel, conversationId: state.conversationId, text, choices: [], step: 'notice', turn: state.turn + 1 });
  }

  async #send(state: ConversationState, reply: Reply, locale: Locale): Promise<void> {
    const tz = this.#options.timeZone;
    await this.#deliver(state, {
      channel: state.channel,
      conversationId: state.conversationId,
      text: reply.lines.map((l) => render(locale, l, tz)).join('\n'),
      choices: (reply.choices ?? []).map((c) => ({ id: c.id, label: render(locale, c.label, tz) })),
      step: reply.step,
      turn: state.turn,
    });
  }

  async #deliver(state: ConversationState, out: OutboundMessage): Promise<void> {
    await this.#parts.outbox.send(out);
    await this.#record(state.key, 'bot', out.text, this.#parts.clock.now(), out.step);
  }

  #record(key: string, from: 'traveller' | 'bot', text: string, at: Date, step?: string): Promise<void> {
    return this.#parts.register.appendTranscript({ conversationKey: key, from, text, at, ...(step ? { step } : {}) });
  }

  #context() {
    const { register, jobs, policy, clock } = this.#parts;
    return flowContext({ register, jobs, policy, emergencyPhone: this.#options.emergencyPhone }, clock.now());
  }
}

const attachmentNote = (attachments: Attachment[]): string => attachments.map((a) => `[${a.kind}]`).join(' ');
