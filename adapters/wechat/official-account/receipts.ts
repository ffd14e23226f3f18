/** The engine did not report a message handled in time (see `Receipts`). */
export class ReceiptTimeoutError extends Error {
  override name = 'ReceiptTimeoutError';
}

/**
 * Promises that a message pushed into wechaty gets handled: `expect` before the
 * push, `settle` once the message's turn was received (or failed). Expectations
 * end after `timeoutMs` whatever happens, so nothing waits forever.
 */
export class Receipts {
  readonly #waiting = new Map<string, { resolve: () => void; reject: (e: unknown) => void; cancel: () => void }>();
  readonly #timeoutMs: number;

  constructor(timeoutMs: number) {
    this.#timeoutMs = timeoutMs;
  }

  expect(messageId: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const waiter = { resolve, reject, cancel: () => clearTimeout(timer) };
      const timer = setTimeout(() => {
        if (this.#waiting.get(messageId) === waiter) this.settle(messageId, new ReceiptTimeoutError('no receipt'));
      }, this.#timeoutMs);
      timer.unref();
      this.#waiting.set(messageId, waiter);
    });
  }

  /** The message was handled, or failed with `error`. Unknown ids are ignored: no one waits for them. */
  settle(messageId: string, error?: unknown): void {
    const waiter = this.#waiting.get(messageId);
    if (!waiter) return;
    this.#waiting.delete(messageId);
    waiter.cancel();
    if (error === undefined) waiter.resolve();
    else waiter.reject(error);
  }
}
