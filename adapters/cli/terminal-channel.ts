import type { Interface } from 'node:readline';
import type { Writable } from 'node:stream';
import type { InboundMessage, OutboundMessage } from '../../src/conversation/messages.ts';
import type { Outbox } from '../../src/ports/outbox.ts';

/** A traveller typing in a terminal. Choices are shown numbered; typing the number picks one. */
export class TerminalChannel implements Outbox {
  readonly #rl: Interface;
  readonly #out: Writable;
  #messageNo = 0;

  constructor(rl: Interface, out: Writable) {
    this.#rl = rl;
    this.#out = out;
  }

  inbound(text: string, receivedAt: Date): InboundMessage {
    return {
      channel: 'cli', conversationId: 'terminal', senderId: 'terminal', senderRole: 'traveller',
      messageId: `terminal-${++this.#messageNo}`, text, attachments: [], receivedAt,
    };
  }

  async send(m: OutboundMessage): Promise<void> {
    const choices = m.choices.map((c, i) => `\n    ${i + 1}) ${c.label}`).join('');
    this.#out.write(`\n  ${m.text.replace(/\n/g, '\n  ')}${choices}\n\n`);
    this.#rl.prompt(true);
  }
}
