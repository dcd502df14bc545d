/** A caller waiting its turn in a FIFO queue, abortable. */
export interface Waiter {
  resolve: () => void;
  reject: (reason: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}

/**
 * Queues a caller at the end of `queue`. Aborting its signal takes it out of the queue and rejects
 * with the signal's reason. `queued` runs once it is in the queue (to start serving it).
 */
export function waitInQueue(queue: Waiter[], signal: AbortSignal | undefined, queued?: () => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const waiter: Waiter = {
      resolve,
      reject,
      signal,
      onAbort: () => {
        const index = queue.indexOf(waiter);
        if (index >= 0) queue.splice(index, 1);
        reject(signal?.reason);
      },
    };
    signal?.addEventListener('abort', waiter.onAbort, { once: true });
    queue.push(waiter);
    queued?.();
  });
}

/** Ends a waiter taken from its queue: its turn has come. */
export function settleWaiter(waiter: Waiter): void {
  waiter.signal?.removeEventListener('abort', waiter.onAbort);
  waiter.resolve();
}

/** Ends a waiter taken from its queue with a failure. */
export function failWaiter(waiter: Waiter, reason: unknown): void {
  waiter.signal?.removeEventListener('abort', waiter.onAbort);
  waiter.reject(reason);
}
