/**
 * WeChat lets an Official Account send customer-service messages to a traveller
 * only within 48 hours of the traveller's last message (or follow, menu click,
 * QR scan), and only so many of them until the traveller writes again.
 */
export interface WindowRules {
  /** Default 48 hours. */
  lengthMs: number;
  /** Messages per window. Default 5. */
  quota: number;
}

export const wechatWindowRules: WindowRules = { lengthMs: 48 * 3600_000, quota: 5 };

/** One traveller's window, for the staff console: open until `closesAt`, `remaining` messages left. */
export interface ServiceWindow {
  openedAt: Date;
  closesAt: Date;
  sent: number;
  remaining: number;
}

/** A message taken from the quota (`window` names the window, for `giveBack`), or why none can be. */
export type Taken = { ok: true; window: string } | { ok: false; reason: 'closed' | 'exhausted' };

/**
 * Tracks each traveller's window and quota, so the adapter does not send what
 * WeChat would refuse. Keyed by openid.
 *
 * ```ts
 * await windows.open(openId, message.createdAt, message.msgId);  // they wrote: a new window, a full quota
 * const taken = await windows.take(openId, now);   // before each customer-service message
 * if (!taken.ok) throw taken.reason === 'closed' ? new WechatWindowClosedError() : new WechatQuotaError();
 * ```
 */
export interface ServiceWindows {
  /**
   * The traveller interacted at `at`: a window from then, with the whole quota. The same
   * `interaction` again (WeChat's retry of a push) or an older `at` changes nothing.
   */
  open(openId: string, at: Date, interaction: string): Promise<void>;
  /** Takes one message from the quota of the open window, atomically. */
  take(openId: string, now: Date): Promise<Taken>;
  /** Returns a taken message that WeChat refused, if that window is still the current one. */
  giveBack(openId: string, window: string): Promise<void>;
  /** WeChat says the window is closed (45015), or the traveller unfollowed. */
  close(openId: string): Promise<void>;
  /** WeChat says the quota is used up (45047). */
  exhaust(openId: string): Promise<void>;
  /** The open window, or null when none is. */
  windowOf(openId: string, now: Date): Promise<ServiceWindow | null>;
}

/** The window as the console sees it, from what a store keeps; null when it has closed. */
export function describeWindow(openedAtMs: number, sent: number, now: Date, rules: WindowRules): ServiceWindow | null {
  const closesAt = openedAtMs + rules.lengthMs;
  if (now.getTime() >= closesAt) return null;
  return { openedAt: new Date(openedAtMs), closesAt: new Date(closesAt), sent, remaining: Math.max(0, rules.quota - sent) };
}
