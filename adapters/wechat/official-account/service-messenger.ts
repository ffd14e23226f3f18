import type { Clock } from '../../../src/ports/clock.ts';
import type { CustomerServiceApi } from './customer-service-api.ts';
import { WechatApiError, WechatQuotaError, WechatWindowClosedError } from './errors.ts';
import type { ServiceWindows } from './service-windows.ts';

/**
 * Sends customer-service messages within each traveller's window and quota: a message
 * WeChat would refuse is refused here first, with the same error; what WeChat says
 * (45015, 45047) corrects the tracked window.
 */
export class ServiceMessenger {
  readonly #api: CustomerServiceApi;
  readonly #windows: ServiceWindows;
  readonly #clock: Clock;

  constructor(api: CustomerServiceApi, windows: ServiceWindows, clock: Clock) {
    this.#api = api;
    this.#windows = windows;
    this.#clock = clock;
  }

  async sendText(openId: string, text: string): Promise<void> {
    const taken = await this.#windows.take(openId, this.#clock.now());
    if (!taken.ok) throw taken.reason === 'closed' ? new WechatWindowClosedError() : new WechatQuotaError();
    try {
      await this.#api.sendText(openId, text);
    } catch (e) {
      if (e instanceof WechatWindowClosedError) await this.#windows.close(openId);
      else if (e instanceof WechatQuotaError) await this.#windows.exhaust(openId);
      // WeChat refused it, so it did not count; after a network error we cannot know, so it does.
      else if (e instanceof WechatApiError) await this.#windows.giveBack(openId, taken.window);
      throw e;
    }
  }
}
