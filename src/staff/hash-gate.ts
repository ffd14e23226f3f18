export interface HashGateOptions {
  /** Hashes at once. Each scrypt holds 128 MiB and one of libuv's 4 threads. Default 2. */
  concurrent?: number;
  /** Sign-ins that may wait; when one more comes, the one waiting longest is turned away. Default 4. */
  waiting?: number;
  /** Longest a sign-in waits for its turn before it is turned away. Default 1 s. */
  maxWaitMs?: number;
}

interface Waiter {
  settle(turn: boolean): void;
}

/**
 * Password hashing, at most `concurrent` at once, so a flood of sign-ins can take neither
 * every thread nor gigabytes of memory. Past that, the newest sign-in goes first: under a
 * burst, those that waited longest are turned away (their senders are likeliest gone, or
 * were the burst), and a person signing in after it need not wait behind it.
 */
export class HashGate {
  readonly #concurrent: number;
  readonly #waiting: number;
  readonly #maxWaitMs: number;
  /** Oldest first. */
  readonly #queue: Waiter[] = [];
  #running = 0;

  constructor(options: HashGateOptions = {}) {
    this.#concurrent = options.concurrent ?? 2;
    this.#waiting = options.waiting ?? 4;
    this.#maxWaitMs = options.maxWaitMs ?? 1_000;
  }

  /** Runs `hash` when its turn comes; `ran: false` when it was turned away instead. */
  async run<T>(hash: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }> {
    if (this.#running < this.#concurrent) this.#running++;
    else if (!(await this.#turn())) return { ran: false };
    try {
      return { ran: true, value: await hash() };
    } finally {
      this.#release();
    }
  }

  /** Waits for a turn a finishing hash hands over (its place in `#running` with it). */
  #turn(): Promise<boolean> {
    if (this.#queue.length >= this.#waiting) this.#queue[0]?.settle(false);
    return new Promise((resolve) => {
      const waiter: Waiter = {
        settle: (turn) => {
          clearTimeout(timer);
          this.#queue.splice(this.#queue.indexOf(waiter), 1);
          resolve(turn);
        },
      };
      const timer = setTimeout(() => waiter.settle(false), this.#maxWaitMs);
      this.#queue.push(waiter);
    });
  }

  #release(): void {
    const newest = this.#queue.at(-1);
    if (newest) newest.settle(true);
    else this.#running--;
  }
}
