import { z } from 'zod';
import type { Clock } from '../../../src/ports/clock.ts';
import { WechatApiError, WechatQuotaError, WechatWindowClosedError } from './errors.ts';

export interface CustomerServiceApiOptions {
  appId: string;
  appSecret: string;
  /** `WECHAT_OA_API_BASE`, e.g. https://api.weixin.qq.com. */
  apiBase: string;
  clock: Clock;
  /** A token is renewed this long before WeChat says it expires. Default 5 minutes. */
  refreshMarginMs?: number;
  /** Per HTTP call. Default 5 s. */
  timeoutMs?: number;
}

const reply = z.object({ errcode: z.number().int().optional(), errmsg: z.string().optional() });
const tokenReply = reply.extend({ access_token: z.string().min(1).optional(), expires_in: z.number().int().positive().optional() });
/** WeChat's answers meaning "that token is no good": get a new one and try again, once. */
const staleToken = new Set([40001, 40014, 42001]);

/**
 * WeChat's customer-service message API: sends a text to a traveller, outside any
 * webhook answer. Keeps the access_token until shortly before it expires and
 * renews it when WeChat says it is stale; 45015 and 45047 come back as their own errors.
 *
 * ```ts
 * const api = new CustomerServiceApi({ appId, appSecret, apiBase, clock });
 * await api.sendText(openId, '您好'); // throws WechatWindowClosedError, WechatQuotaError, WechatApiError
 * ```
 */
export class CustomerServiceApi {
  readonly #options: Required<CustomerServiceApiOptions>;
  #token: { value: string; renewAt: number } | undefined;
  #fetching: Promise<string> | undefined;

  constructor(options: CustomerServiceApiOptions) {
    this.#options = { refreshMarginMs: 5 * 60_000, timeoutMs: 5_000, ...options, apiBase: options.apiBase.replace(/\/+$/, '') };
  }

  async sendText(openId: string, content: string): Promise<void> {
    const body = JSON.stringify({ touser: openId, msgtype: 'text', text: { content } });
    for (let attempt = 1; ; attempt++) {
      const token = await this.#accessToken();
      const { errcode = 0 } = await this.#call('/cgi-bin/message/custom/send', { access_token: token }, body, reply);
      if (errcode === 0) return;
      if (staleToken.has(errcode) && attempt === 1) {
        this.#forget(token);
        continue;
      }
      throw errorFor(errcode);
    }
  }

  /** The cached token, or a new one; one fetch at a time however many sends wait for it. */
  async #accessToken(): Promise<string> {
    if (this.#token && this.#options.clock.now().getTime() < this.#token.renewAt) return this.#token.value;
    this.#fetching ??= this.#fetchToken().finally(() => (this.#fetching = undefined));
    return this.#fetching;
  }

  async #fetchToken(): Promise<string> {
    const { appId, appSecret, clock, refreshMarginMs } = this.#options;
    const answer = await this.#call('/cgi-bin/token', { grant_type: 'client_credential', appid: appId, secret: appSecret }, null, tokenReply);
    if (!answer.access_token || !answer.expires_in) throw errorFor(answer.errcode ?? -1);
    const lifeMs = answer.expires_in * 1000;
    this.#token = { value: answer.access_token, renewAt: clock.now().getTime() + Math.max(lifeMs - refreshMarginMs, lifeMs / 2) };
    return answer.access_token;
  }

  #forget(token: string): void {
    if (this.#token?.value === token) this.#token = undefined;
  }

  async #call<T>(path: string, query: Record<string, string>, body: string | null, schema: z.ZodType<T>): Promise<T> {
    const url = `${this.#options.apiBase}${path}?${new URLSearchParams(query)}`;
    const response = await fetch(url, {
      method: body === null ? 'GET' : 'POST',
      ...(body === null ? {} : { body, headers: { 'content-type': 'application/json; charset=utf-8' } }),
      signal: AbortSignal.timeout(this.#options.timeoutMs),
    });
    if (!response.ok) throw new WechatApiError(-1, `WeChat API answered HTTP ${response.status}`);
    const parsed = schema.safeParse(await response.json().catch(() => null));
    if (!parsed.success) throw new WechatApiError(-1, 'WeChat API answered something that is not its JSON');
    return parsed.data;
  }
}

const errorFor = (errcode: number): WechatApiError =>
  errcode === 45015 ? new WechatWindowClosedError() : errcode === 45047 ? new WechatQuotaError() : new WechatApiError(errcode);
