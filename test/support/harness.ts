import { createApp, memoryParts } from '../../src/app.ts';
import type { App } from '../../src/app.ts';
import { ManualClock } from '../../src/clock/manual-clock.ts';
import { loadConfig } from '../../src/config.ts';
import type { Channel, InboundMessage, OutboundMessage } from '../../src/conversation/messages.ts';
import { channels } from '../../src/conversation/messages.ts';
import { createLogger } from '../../src/log.ts';
import { loadPolicy } from '../../src/policy/policy-file.ts';
import type { CaseRecord } from '../../src/ports/case-register.ts';
import type { Understanding } from '../../src/ports/understanding.ts';
import type { Wording } from '../../src/ports/wording.ts';

/** The shipped default policy, as a new installation has it. */
export const policy = await loadPolicy();

/**
 * The embedded app on a manual clock, with a test channel standing in for
 * WeChat/Telegram/web chat: it records what the bot sends.
 */
export class Harness {
  readonly clock = new ManualClock(new Date('2026-11-21T02:00:00Z'));
  readonly app: App<ReturnType<typeof memoryParts>>;
  readonly sent: OutboundMessage[] = [];
  readonly cases: CaseRecord[] = [];
  readonly burstWindowMs: number;
  #messageNo = 0;

  constructor(env: Record<string, string> = {}, setup: { wording?: Wording; understanding?: Understanding } = {}) {
    const config = loadConfig({ BURST_WINDOW_MS: '0', ...env });
    this.burstWindowMs = config.BURST_WINDOW_MS;
    const log = createLogger('silent');
    this.app = createApp({ config, parts: memoryParts(this.clock, log), policy, clock: this.clock, log, ...setup });
    this.app.engine.work();
    for (const c of channels) this.app.router.register(c, { send: async (m) => void this.sent.push(m) });
    this.app.engine.on('case', (c) => this.cases.push(c));
  }

  get jobs() {
    return this.app.parts.jobs;
  }

  get register() {
    return this.app.parts.register;
  }

  get guides() {
    return this.app.parts.guides;
  }

  get incidents() {
    return this.app.parts.incidents;
  }

  message(text: string, extra: Partial<InboundMessage> = {}): InboundMessage {
    return {
      channel: 'telegram' as Channel, conversationId: 'c1', senderId: 'u1', senderRole: 'traveller',
      messageId: `m${++this.#messageNo}`, text, attachments: [], receivedAt: this.clock.now(), ...extra,
    };
  }

  /** Sends a message and returns the bot's replies to it (after the burst window, if any). */
  async say(text: string, extra: Partial<InboundMessage> = {}): Promise<OutboundMessage[]> {
    const before = this.sent.length;
    await this.app.engine.receive(this.message(text, extra));
    await this.settle();
    return this.sent.slice(before);
  }

  /** Presses a choice by id. */
  press(choice: string, extra: Partial<InboundMessage> = {}): Promise<OutboundMessage[]> {
    return this.say('', { choice, ...extra });
  }

  async settle(ms = this.burstWindowMs): Promise<void> {
    this.clock.advance(ms);
    await this.jobs.idle();
  }
}

export const steps = (replies: OutboundMessage[]) => replies.map((r) => r.step);
export const choiceIds = (replies: OutboundMessage[]) => replies.at(-1)?.choices.map((c) => c.id) ?? [];
