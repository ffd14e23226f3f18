import type { Writable } from 'node:stream';
import type { InboundMessage, OutboundMessage } from '../../src/conversation/messages.ts';
import type { CaseRecord } from '../../src/ports/case-register.ts';
import type { Outbox } from '../../src/ports/outbox.ts';
import type { ScriptLine } from './script-line.ts';
import { conversationIdOf } from '../../src/conversation/messages.ts';

const defaultUser = 'traveller';

/**
 * A channel that speaks JSON lines, for programs and tests: script lines in,
 * one line per bot message out, written at once, and a line per case filed.
 */
export class JsonLinesChannel implements Outbox {
  readonly #out: Writable;

  constructor(out: Writable) {
    this.#out = out;
  }

  inbound(line: ScriptLine, lineNo: number, receivedAt: Date): InboundMessage {
    const user = line.user ?? defaultUser;
    return {
      channel: line.channel ?? 'cli',
      conversationId: user,
      senderId: user,
      senderRole: 'traveller',
      messageId: line.id ?? `line-${lineNo}`,
      text: line.text ?? line.choice ?? '',
      ...(line.choice === undefined ? {} : { choice: line.choice }),
      attachments: [],
      receivedAt,
    };
  }

  async send(m: OutboundMessage): Promise<void> {
    this.#write({ ...this.#user(m.conversationId), turn: m.turn, step: m.step, text: m.text, choices: m.choices });
  }

  caseFiled(c: CaseRecord): void {
    const user = conversationIdOf(c.conversationKey);
    this.#write({
      type: 'case', ...this.#user(user), caseId: c.id, category: c.category, severity: c.severity,
      flags: c.flags, status: c.status, steps: c.steps,
    });
  }

  badLine(lineNo: number, error: string): void {
    this.#write({ line: lineNo, error });
  }

  #user(conversationId: string) {
    return conversationId === defaultUser ? {} : { user: conversationId };
  }

  #write(value: unknown): void {
    this.#out.write(`${JSON.stringify(value)}\n`);
  }
}
