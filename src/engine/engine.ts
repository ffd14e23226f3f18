import { EventEmitter } from 'node:events';
import { z } from 'zod';
import type { ServiceTimer } from '../../flows/sla.ts';
import type { FlowContext, Flows, Reply, TurnInput, TurnResult } from '../../flows/types.ts';
import type { Channel, InboundMessage, OutboundMessage } from '../conversation/messages.ts';
import { conversationKey } from '../conversation/messages.ts';
import { newConversation } from '../conversation/state.ts';
import type { Burst, ConversationState } from '../conversation/state.ts';
import { phrase } from '../i18n/render.ts';
import type { Phrase } from '../i18n/render.ts';
import { errorFields, logId } from '../log.ts';
import type { Logger } from '../log.ts';
import type { CaseRecord, CaseRegister } from '../ports/case-register.ts';
import type { Clock } from '../ports/clock.ts';
import type { ConversationStore, TurnLock } from '../ports/conversation-store.ts';
import { findBindingCode } from '../guides/binding-code.ts';
import type { GuideRegistry } from '../ports/guide-registry.ts';
import type { Acceptance, Inbox } from '../ports/inbox.ts';
import type { IncidentRegister } from '../ports/incident-register.ts';
import type { EscalationDesk } from '../ports/escalation-desk.ts';
import type { SurveyStore } from '../ports/survey-store.ts';
import type { Job, JobQueue } from '../ports/job-queue.ts';
import { isUndeliverable } from '../ports/outbox.ts';
import type { Outbox } from '../ports/outbox.ts';
import type { Understanding } from '../ports/understanding.ts';
import type { Wording } from '../ports/wording.ts';
import type { AgencyPolicy } from '../policy/agency-policy.ts';
import type { PromiseLedger } from '../ports/promise-ledger.ts';
import type { Locale } from '../taxonomy.ts';
import { resolveChoice } from './choices.ts';
import { flowContext } from './flow-context.ts';
import { chooseLocale } from './locale.ts';
import { renderReplies } from './replies.ts';
import { sanitize } from './sanitize.ts';
import { factLines } from '../wording/fact-lines.ts';
import { wordReplies } from '../wording/word-replies.ts';
import type { WordingOutcome } from '../wording/word-replies.ts';

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

/** The storage the engine keeps conversations, cases and jobs in: memory, or Redis and PostgreSQL. */
export interface EngineStores {
  inbox: Inbox;
  store: ConversationStore;
  lock: TurnLock;
  register: CaseRegister;
  ledger: PromiseLedger;
  jobs: JobQueue;
  guides: GuideRegistry;
  incidents: IncidentRegister;
  /** Read for a case's ticket (where it stands); the desk intake puts cases on it. */
  desk: EscalationDesk;
  surveys: SurveyStore;
}

export interface EngineParts extends EngineStores {
  clock: Clock;
  understanding: Understanding;
  policy: AgencyPolicy;
  flows: Flows;
  outbox: Outbox;
  log: Logger;
  /** Rephrases the restatement and the apology; without it the templates are sent as they are. */
  wording?: Wording;
}

const timerJob = z.object({
  conversationKey: z.string(),
  kind: z.enum(['first_response', 'promised_action', 'resolution']),
  caseId: z.string(),
  dueAt: z.iso.datetime(),
  misses: z.number().int().min(0).optional(),
}) satisfies z.ZodType<{ conversationKey: string } & ServiceTimer>;

/** Steps in which the traveller may still be telling: bursts there are gathered. */
const gathering = new Set(['listen', 'handoff']);
/** How many handled message ids a conversation remembers for redo after a crash. */
const handledMemory = 20;

/**
 * Turns inbound messages into replies and side effects. Per message: journal
 * it (dropping repeats), take the conversation's turn lock, load state, run the
 * flow, commit the new state with its replies, then send them. Knows nothing of channels.
 */
export interface EngineEvents {
  /** A case was filed or handed off. */
  case: [CaseRecord];
  /** A turn was committed, in this many ms from lock to sent. */
  turn: [{ ms: number; step: string }];
  /** A conversation went to a person. */
  handoff: [{ reason: string; severity: string }];
  /** A channel cannot deliver until the traveller writes again (e.g. WeChat's 48-hour window): staff must know. */
  'delivery.held': [{ conversationKey: string; reason: string }];
  /** A promised time passed with the promise not kept. */
  'sla.breach': [{ caseId: string; kind: string }];
  /** The traveller wrote in a conversation a person has or is on the way to: the console shows it live. */
  'traveller.wrote': [{ conversationKey: string; caseId: string }];
  /** A reply was offered for rephrasing: sent worded, or the template went out and why. */
  wording: [WordingOutcome];
  /** A message whose turn failed every time was set aside: staff must look at it. */
  'message.dead_lettered': [{ conversationKey: string }];
}

/** A turn that fails this many times is set aside, so the ones after it go on. */
export const maxTurnAttempts = 5;

/** A change staff make to a conversation, run like a turn; null changes nothing. */
export type StaffChange = (state: ConversationState, ctx: FlowContext) => Promise<TurnResult | null> | TurnResult | null;

export class Engine extends EventEmitter<EngineEvents> {
  readonly #parts: EngineParts;
  readonly #options: EngineOptions;
  readonly #inFlight = new Set<Promise<void>>();

  constructor(parts: EngineParts, options: EngineOptions) {
    super();
    this.#parts = parts;
    this.#options = options;
  }

  /** Workers for the engine's own jobs; run where jobs are worked (`start`, `worker`). */
  work(): void {
    this.#parts.jobs.process('turn.flush', (job) => this.#flush(job));
    this.#parts.jobs.process('sla.due', (job) => this.#timerDue(job));
  }

  /**
   * Journals a message without answering it yet; 'done' for a repeat. Once this resolves the message
   * will be answered, by `receive` or after a crash by recovery: a channel may show it to the traveller.
   */
  async journal(inbound: InboundMessage): Promise<Acceptance> {
    return this.#parts.inbox.accept(sanitize(inbound, this.#options.maxTextLength).message);
  }

  /**
   * Journals a message and handles it. Once this resolves, the channel may acknowledge it;
   * if it rejects, the channel's retry of the same message finishes the turn (never twice).
   */
  async receive(inbound: InboundMessage): Promise<void> {
    const { message, truncated } = sanitize(inbound, this.#options.maxTextLength);
    if ((await this.#parts.inbox.accept(message)) === 'done') {
      this.#parts.log.debug('message.duplicate', { channel: message.channel });
      return;
    }
    await this.#handle(message, truncated);
  }

  /**
   * Runs a staff change on a conversation under its turn lock, committed and delivered
   * like a turn. `redo` names the change, so its ledger records are written once.
   * False when there is no such conversation.
   */
  async act(key: string, redo: string, change: StaffChange): Promise<boolean> {
    let found = false;
    await this.#withConversation(key, null, async (state) => {
      found = true;
      return this.#runFlow(`${key}:staff:${redo}`, async (ctx) => change(state, ctx));
    });
    return found;
  }

  /**
   * Like `act`, but writing first to someone who may never have written (a traveller on a
   * departure's roster): their conversation starts here when there is none.
   */
  async reachOut(target: { channel: Channel; conversationId: string }, redo: string, change: StaffChange): Promise<void> {
    const seed: InboundMessage = {
      ...target, senderId: target.conversationId, senderRole: 'traveller', messageId: '', text: '', attachments: [], receivedAt: this.#parts.clock.now(),
    };
    await this.#withConversation(conversationKey(target), seed, (state) => this.#runFlow(`${state.key}:staff:${redo}`, async (ctx) => change(state, ctx)));
  }

  /**
   * Finishes the turns a crash or an outage cut short, those received before `before` (default:
   * all); the number finished. A turn that fails again is counted and left journaled, the others
   * still go on; after `maxTurnAttempts` failures it is set aside and staff are told. Safe beside
   * live turns: a turn already committed is not run twice.
   */
  async recover(before?: Date): Promise<number> {
    const unfinished = (await this.#parts.inbox.unfinished()).filter((m) => !before || m.receivedAt < before);
    let finished = 0;
    for (const message of unfinished) {
      try {
        await this.#handle(message, false);
        finished += 1;
      } catch (e) {
        await this.#failedAgain(message, e);
      }
    }
    if (unfinished.length > 0) this.#parts.log.info('recovered', { turns: finished, failed: unfinished.length - finished });
    return finished;
  }

  async #failedAgain(message: InboundMessage, error: unknown): Promise<void> {
    const conversation = conversationKey(message);
    const attempts = await this.#parts.inbox.failed(message);
    this.#parts.log.error('recover.failed', { conversation: logId(conversation), attempts, ...errorFields(error) });
    if (attempts < maxTurnAttempts) return;
    await this.#parts.inbox.deadLetter(message);
    this.#parts.log.error('inbox.dead_letter', { conversation: logId(conversation), channel: message.channel, attempts });
    this.emit('message.dead_lettered', { conversationKey: conversation });
  }

  async #handle(message: InboundMessage, truncated: boolean): Promise<void> {
    const key = conversationKey(message);
    await this.#parts.register.appendTranscript([{
      id: `in:${message.channel}:${message.messageId}`, conversationKey: key, from: 'traveller',
      text: message.text || attachmentNote(message), at: message.receivedAt,
    }]);
    // The journal entries this turn answers: its message's, unless held in a burst, and those of the burst it ends.
    let answered: string[] = [message.messageId];
    await this.#withConversation(key, message, async (state) => {
      if (state.handled.includes(message.messageId)) { // committed before a crash
        if (!state.pending?.messageIds.includes(message.messageId)) return null;
        // Held in a burst whose flush never ran (its job failed for good): answer the burst now, once it has gone quiet.
        answered = state.pending.lastAt + this.#options.burstWindowMs <= this.#parts.clock.now().getTime() ? state.pending.messageIds : [];
        return answered.length > 0 ? this.#answerBurst(state, state.pending) : null;
      }
      answered = [message.messageId, ...(state.pending?.messageIds ?? [])];
      const seen = { ...state, handled: [...state.handled, message.messageId].slice(-handledMemory), localeHint: state.localeHint ?? message.localeHint ?? null };
      if (seen.complaint.caseId && (seen.mode === 'human' || seen.complaint.step === 'handoff')) this.emit('traveller.wrote', { conversationKey: key, caseId: seen.complaint.caseId });
      if (seen.mode === 'human') return { state: seen, replies: [] }; // staff have it: the bot keeps quiet
      const choice = resolveChoice(seen.offered, message.choice, message.text);
      // A button of an earlier question: say so, and offer the current question's buttons again.
      if (choice === null && message.choice !== undefined && !message.text.trim()) {
        return { state: seen, replies: [{ step: 'notice', lines: [phrase('notice.stale_choice')], keepChoices: true }] };
      }
      const notes = truncated ? [phrase('notice.truncated')] : [];
      if (choice === null && notes.length === 0 && this.#options.burstWindowMs > 0 && gathering.has(seen.complaint.step)) {
        answered = [];
        return this.#gather(seen, message);
      }
      const text = choice === null ? [...(seen.pending?.texts ?? []), message.text].filter(Boolean).join('\n') : '';
      const attachments = [...(seen.pending?.attachments ?? []), ...message.attachments];
      return this.#turn({ ...seen, pending: null }, { text, choice, attachments }, notes);
    });
    await this.#done(message.channel, answered);
  }

  async #done(channel: Channel, messageIds: string[]): Promise<void> {
    await Promise.all(messageIds.map((messageId) => this.#parts.inbox.done({ channel, messageId })));
  }

  /** Holds a message of a burst; the traveller is answered once they pause. */
  async #gather(state: ConversationState, message: InboundMessage): Promise<TurnResult> {
    const lastAt = this.#parts.clock.now().getTime();
    const pending = {
      texts: [...(state.pending?.texts ?? []), message.text].filter(Boolean),
      attachments: [...(state.pending?.attachments ?? []), ...message.attachments],
      lastAt,
      messageIds: [...(state.pending?.messageIds ?? []), message.messageId],
    };
    await this.#parts.jobs.add('turn.flush', { key: state.key, lastAt }, { delayMs: this.#options.burstWindowMs, jobId: `flush:${state.key}:${lastAt}` });
    return { state: { ...state, pending }, replies: [] };
  }

  /** A burst has gone quiet: handle it as one telling, unless a later message restarted the wait. */
  async #flush(job: Job): Promise<void> {
    const { key, lastAt } = job.data as { key: string; lastAt: number };
    let answered: { channel: Channel; messageIds: string[] } | undefined;
    await this.#withConversation(key, null, async (state) => {
      if (!state.pending || state.pending.lastAt !== lastAt) return null;
      answered = { channel: state.channel, messageIds: state.pending.messageIds };
      return this.#answerBurst(state, state.pending);
    });
    if (answered) await this.#done(answered.channel, answered.messageIds);
  }

  #answerBurst(state: ConversationState, { texts, attachments }: Burst): Promise<TurnResult> {
    return this.#turn({ ...state, pending: null }, { text: texts.join('\n'), choice: null, attachments }, []);
  }

  async #timerDue(job: Job): Promise<void> {
    // Timers wait for days in the queue, across upgrades: check what comes back.
    const parsed = timerJob.safeParse(job.data);
    if (!parsed.success) return this.#parts.log.error('sla.unreadable', { job: job.id });
    const { conversationKey: key, ...timer } = parsed.data;
    await this.#withConversation(key, null, async (state) => {
      const result = await this.#runFlow(`${key}:timer:${timer.kind}:${timer.dueAt}`, (ctx) => this.#parts.flows.timerDue(state, timer, ctx));
      if (result) this.emit('sla.breach', { caseId: timer.caseId, kind: timer.kind });
      return result;
    });
  }

  async #turn(state: ConversationState, told: Omit<TurnInput, 'understood'>, notes: Phrase[]): Promise<TurnResult> {
    const { understanding, clock, log } = this.#parts;
    const understood = await understanding.understand(told.text, { now: clock.now(), timeZone: this.#options.timeZone });
    const locale = chooseLocale(state.locale, understood, told.text, state.localeHint ?? this.#options.defaultLocale);
    const current = { ...state, locale };
    // A guide's binding code is random letters, which can read as a language we do not support.
    if (understood.unsupportedLanguage && !findBindingCode(told.text)) return { state, replies: [unsupportedLanguage] };
    if (!told.text && !told.choice && told.attachments.length === 0) {
      return { state: current, replies: [{ step: 'listen', lines: [phrase('notice.empty')] }] };
    }
    try {
      // The turn's number is the same when a crash makes it run again: its ledger records are too.
      const result = await this.#runFlow(`${state.key}:turn:${state.turn + 1}`, (ctx) => this.#parts.flows.turn(current, { ...told, understood }, ctx));
      return notes.length > 0 ? { ...result, replies: [{ step: 'notice', lines: notes }, ...result.replies] } : result;
    } catch (e) {
      log.error('turn.failed', { conversation: logId(state.key), step: state.complaint.step, ...errorFields(e) });
      return { state: current, replies: [{ step: 'notice', lines: [phrase('notice.error')] }] };
    }
  }

  /**
   * Under the conversation's turn lock: first deliver what a crashed turn left
   * unsent, then run `fn` and commit what it returns.
   */
  async #withConversation(key: string, seed: InboundMessage | null, fn: (state: ConversationState) => Promise<TurnResult | null>): Promise<void> {
    const turn = this.#parts.lock.withLock(key, async () => {
      const started = performance.now();
      const stored = await this.#parts.store.read(key);
      if (!stored && !seed) return;
      const state = stored ? await this.#deliver(stored) : newConversation(seed as InboundMessage);
      const result = await fn(state);
      if (!result) return;
      await this.#commit(state, result);
      this.emit('turn', { ms: performance.now() - started, step: result.state.complaint.step });
    });
    this.#inFlight.add(turn);
    try {
      await turn;
    } finally {
      this.#inFlight.delete(turn);
    }
  }

  /** Resolves when the turns under way have finished: for a graceful shutdown. */
  async drain(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight]);
  }

  /** Saves the new state with its replies, then sends them; a case the turn filed or handed off is announced. */
  async #commit(before: ConversationState, result: TurnResult): Promise<void> {
    const locale = result.state.locale ?? this.#options.defaultLocale;
    const said = result.replies.length > 0;
    const trail = [...result.state.complaint.trail, ...result.replies.map((r) => r.step)].filter((s, i, all) => all.indexOf(s) === i);
    const base: ConversationState = {
      ...result.state,
      turn: said ? before.turn + 1 : before.turn,
      complaint: { ...result.state.complaint, trail },
    };
    const outbox = await this.#word(base, renderReplies(base, result.replies, locale, this.#options.timeZone), locale);
    const last = result.replies.at(-1);
    const offered = !last || last.keepChoices ? base.offered : (outbox.at(-1)?.choices ?? []);
    const next = { ...base, outbox: last?.keepChoices ? outbox.map((m) => ({ ...m, choices: base.offered })) : outbox, offered };
    await this.#deliver(await this.#parts.store.write(next.key, next));

    const entered = next.complaint.step !== before.complaint.step || next.complaint.handoff?.reason !== before.complaint.handoff?.reason;
    if (next.complaint.handoff && entered && next.complaint.step === 'handoff') this.emit('handoff', { reason: next.complaint.handoff.reason, severity: next.complaint.facts.severity });
    if (next.complaint.caseId && entered && (next.complaint.step === 'report' || next.complaint.step === 'handoff')) {
      const record = await this.#parts.register.get(next.complaint.caseId);
      if (record) this.emit('case', record);
    }
  }

  /** The replies, with the restatement and the apology rephrased when a wording is configured and its words pass. */
  async #word(state: ConversationState, messages: OutboundMessage[], locale: Locale): Promise<OutboundMessage[]> {
    const { wording, log } = this.#parts;
    if (!wording) return messages;
    return wordReplies(messages, {
      locale, wording,
      facts: () => factLines(state.complaint.facts, this.#parts.policy.currency, locale, this.#options.timeZone),
      onOutcome: (outcome, error) => {
        const fields = { conversation: logId(state.key), step: outcome.step, reason: outcome.outcome, ...(error ? errorFields(error) : {}) };
        if (outcome.outcome !== 'worded') log.info('wording.template', fields);
        this.emit('wording', outcome);
      },
    });
  }

  /**
   * Sends the replies waiting in a state, recording each as sent before the next goes: a crash
   * resends at most the one in flight, which Telegram and WeChat cannot take back (web chat keeps
   * one copy of an id). If the channel fails, what was sent stays recorded and the rest waits; a
   * channel that cannot deliver until the traveller writes again (WeChat's window) holds the rest
   * and staff are told.
   */
  async #deliver(state: ConversationState): Promise<ConversationState> {
    let current = state;
    for (const message of state.outbox) {
      try {
        await this.#parts.outbox.send(message);
      } catch (e) {
        if (!isUndeliverable(e)) throw e;
        this.#parts.log.warn('delivery.held', { conversation: logId(state.key), reason: e.reason, waiting: current.outbox.length });
        this.emit('delivery.held', { conversationKey: state.key, reason: e.reason });
        return current;
      }
      current = await this.#recordSent(current, message);
    }
    return current;
  }

  /** Records `sent`, the first waiting reply, as sent: in the transcript, and out of the outbox. */
  async #recordSent(state: ConversationState, sent: OutboundMessage): Promise<ConversationState> {
    await this.#parts.register.appendTranscript([{
      id: `out:${state.key}:${sent.id}`, conversationKey: state.key, from: sent.step === 'staff' ? 'staff' : 'bot', text: sent.text, step: sent.step, at: this.#parts.clock.now(),
    }]);
    return this.#parts.store.write(state.key, { ...state, outbox: state.outbox.slice(1) });
  }

  /**
   * Runs a flow; the promises it made are written to the ledger, in one append, before
   * anything is said. `redo` names the run, so running it again after a crash adds nothing twice.
   */
  async #runFlow<R extends TurnResult | null>(redo: string, run: (ctx: FlowContext) => Promise<R>): Promise<R> {
    const { register, jobs, ledger, policy, clock, guides, incidents, desk, surveys, understanding } = this.#parts;
    const { emergencyPhone, timeZone } = this.#options;
    const ctx = flowContext({ register, jobs, policy, emergencyPhone, guides, incidents, ledger, desk, surveys, understanding, timeZone }, clock.now());
    const result = await run(ctx);
    await ledger.append(ctx.promises.map((p, i) => ({ ...p, key: `${redo}#${i}` })));
    return result;
  }
}

/** Said in both languages we read, since we cannot answer in theirs. */
const unsupportedLanguage: Reply = {
  step: 'notice',
  lines: [{ key: 'notice.unsupported_language', locale: 'en' }, { key: 'notice.unsupported_language', locale: 'zh-CN' }],
};

const attachmentNote = (m: InboundMessage): string => m.attachments.map((a) => `[${a.kind}]`).join(' ');
