import { WaitQueue, settleWaiter, waitInQueue } from './waiters.js';

interface HostSlots {
  active: number;
  queue: WaitQueue;
}

/**
 * At most `limit` requests in flight per host, FIFO, abortable. A request passes this gate *before*
 * it takes a rate-limit token, so it takes the token only when a connection is free to carry it at
 * once: requests never hold tokens while queued behind a stalled host, and so never reach it in a
 * burst when it recovers.
 */
export class HostGate {
  readonly #hosts = new Map<string, HostSlots>();

  constructor(readonly limit: number) {}

  /** Enters: undefined when a slot was free (no await needed), else a promise of one. */
  enter(host: string, signal?: AbortSignal): Promise<void> | undefined {
    if (signal?.aborted) return Promise.reject(signal.reason);
    const slots = this.#slots(host);
    if (slots.queue.length === 0 && slots.active < this.limit) {
      slots.active += 1;
      return undefined;
    }
    return waitInQueue(slots.queue, signal);
  }

  /** Leaves: the slot goes to the first waiter, if any. */
  leave(host: string): void {
    const slots = this.#slots(host);
    const next = slots.queue.shift();
    if (next) {
      settleWaiter(next);
      return;
    }
    slots.active -= 1;
    if (slots.active === 0) this.#hosts.delete(host);
  }

  #slots(host: string): HostSlots {
    let slots = this.#hosts.get(host);
    if (!slots) {
      slots = { active: 0, queue: new WaitQueue() };
      this.#hosts.set(host, slots);
    }
    return slots;
  }
}
