import type { Undeliverable } from '../../../src/ports/outbox.ts';

/** A call to WeChat's API that WeChat refused with an error code (`errcode`), or answered with no usable reply. */
export class WechatApiError extends Error {
  override name = 'WechatApiError';
  /** WeChat's `errcode`; -1 (WeChat's "busy") for an HTTP error status or a reply that is not WeChat's JSON. */
  readonly errcode: number;

  constructor(errcode: number, message = `WeChat API error ${errcode}`) {
    super(message);
    this.errcode = errcode;
  }
}

/**
 * 45015: the traveller's 48-hour window is closed (they have not written for 48 h),
 * so customer-service messages cannot reach them until they write again.
 * Also thrown before sending when the tracked window says so.
 */
export class WechatWindowClosedError extends WechatApiError implements Undeliverable {
  override name = 'WechatWindowClosedError';
  readonly undeliverable = true;
  readonly reason = 'wechat_window_closed';

  constructor() {
    super(45015, 'the traveller has not written to the Official Account within 48 hours (WeChat 45015)');
  }
}

/**
 * 45047: the customer-service messages allowed since the traveller last wrote are used
 * up. Also thrown before sending the one over the quota the tracked window allows.
 */
export class WechatQuotaError extends WechatApiError implements Undeliverable {
  override name = 'WechatQuotaError';
  readonly undeliverable = true;
  readonly reason = 'wechat_quota_used';

  constructor() {
    super(45047, 'no customer-service messages left until the traveller writes again (WeChat 45047)');
  }
}
