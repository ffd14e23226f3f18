import { setTimeout as delay } from 'node:timers/promises';
import { errorFields, logId } from '../../../src/log.ts';
import type { Logger } from '../../../src/log.ts';
import type { Clock } from '../../../src/ports/clock.ts';
import type { MessagePush, OfficialAccountPuppet } from './puppet.ts';
import type { Push } from './push.ts';
import type { ServiceWindows } from './service-windows.ts';

/** Events after which WeChat lets the account write to the traveller for 48 hours. */
const windowOpeners = new Set(['subscribe', 'SCAN', 'CLICK', 'scancode_push', 'scancode_waitmsg']);

export interface PushDispatcherOptions {
  puppet: OfficialAccountPuppet;
  windows: ServiceWindows;
  clock: Clock;
  log: Logger;
}

/**
 * What a verified push does. A message opens the traveller's window and goes into
 * wechaty; WeChat is answered once the engine has it, or at the deadline while its
 * turn still runs (the inbox journaled it first; the replies go out through the
 * customer-service API when it ends). A retry of a message still under way here
 * waits for the same delivery instead of starting another.
 *
 * Events reach no conversation: following the account starts none (the traveller
 * has said nothing yet), but opens the window, as clicks and scans do; unfollowing closes it.
 */
export class PushDispatcher {
  readonly #options: PushDispatcherOptions;
  readonly #underWay = new Map<string, Promise<void>>();

  constructor(options: PushDispatcherOptions) {
    this.#options = options;
  }

  /** `answer`: tell WeChat `success`. `retry`: the message could not be taken: WeChat should send it again. */
  async dispatch(push: Push, deadline: number): Promise<'answer' | 'retry'> {
    const { windows, clock, log } = this.#options;
    const at = new Date(Math.min(push.createdAt.getTime(), clock.now().getTime()));
    if (push.kind === 'event') {
      if (windowOpeners.has(push.event)) await windows.open(push.openId, at, `${push.event}:${push.createdAt.getTime()}`);
      if (push.event === 'unsubscribe') await windows.close(push.openId);
      log.info('wechat.event', { kind: push.event.slice(0, 32), traveller: logId(push.openId) });
      return 'answer';
    }
    if (push.kind === 'other') return 'answer';
    await windows.open(push.openId, at, push.msgId);
    const delivery = this.#deliver(push);
    const outcome = await Promise.race([
      delivery.then(() => 'answer' as const, () => 'retry' as const),
      delay(Math.max(0, deadline - performance.now()), 'late' as const, { ref: false }),
    ]);
    if (outcome === 'late') {
      log.info('wechat.answered_before_turn', { traveller: logId(push.openId) });
      delivery.catch((e: unknown) => log.error('wechat.late_turn_failed', { traveller: logId(push.openId), ...errorFields(e) }));
      return 'answer';
    }
    return outcome;
  }

  #deliver(push: MessagePush): Promise<void> {
    const underWay = this.#underWay.get(push.msgId);
    if (underWay) return underWay;
    const delivery = this.#options.puppet.deliver(push).finally(() => this.#underWay.delete(push.msgId));
    this.#underWay.set(push.msgId, delivery);
    return delivery;
  }
}
