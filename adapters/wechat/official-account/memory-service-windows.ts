import type { ServiceWindow, ServiceWindows, Taken, WindowRules } from './service-windows.ts';
import { describeWindow, wechatWindowRules } from './service-windows.ts';

/** Windows in this process's memory: for `start` without Redis, and tests. Closed windows are swept as more open. */
export class MemoryServiceWindows implements ServiceWindows {
  readonly #windows = new Map<string, { openedAt: number; sent: number; by: string }>();
  readonly #rules: WindowRules;

  constructor(rules: WindowRules = wechatWindowRules) {
    this.#rules = rules;
  }

  async open(openId: string, at: Date, interaction: string): Promise<void> {
    const current = this.#windows.get(openId);
    if (current && (current.by === interaction || current.openedAt > at.getTime())) return;
    this.#windows.set(openId, { openedAt: at.getTime(), sent: 0, by: interaction });
    if (this.#windows.size % 1_000 === 0) this.#sweep(at.getTime());
  }

  async take(openId: string, now: Date): Promise<Taken> {
    const current = this.#windows.get(openId);
    if (!current || now.getTime() >= current.openedAt + this.#rules.lengthMs) return { ok: false, reason: 'closed' };
    if (current.sent >= this.#rules.quota) return { ok: false, reason: 'exhausted' };
    current.sent++;
    return { ok: true, window: current.by };
  }

  async giveBack(openId: string, window: string): Promise<void> {
    const current = this.#windows.get(openId);
    if (current && current.by === window && current.sent > 0) current.sent--;
  }

  async close(openId: string): Promise<void> {
    this.#windows.delete(openId);
  }

  async exhaust(openId: string): Promise<void> {
    const current = this.#windows.get(openId);
    if (current) current.sent = this.#rules.quota;
  }

  async windowOf(openId: string, now: Date): Promise<ServiceWindow | null> {
    const current = this.#windows.get(openId);
    return current ? describeWindow(current.openedAt, current.sent, now, this.#rules) : null;
  }

  #sweep(now: number): void {
    for (const [openId, w] of this.#windows) if (now >= w.openedAt + this.#rules.lengthMs) this.#windows.delete(openId);
  }
}
