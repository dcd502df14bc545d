import { setMaxListeners } from 'node:events';

const linked = new WeakMap<AbortSignal, AbortSignal>();

/**
 * The signal the library listens to for a caller's `signal`: one linked signal per caller signal,
 * shared by every call that passes it (a batch of 20, a `Promise.all` of 100). The caller's signal
 * gets one listener however many calls wait on it, so Node never warns of a listener leak; the linked
 * one aborts with the same `reason`.
 */
export function shareableSignal(signal: AbortSignal | undefined): AbortSignal | undefined {
  if (!signal || signal.aborted) return signal;
  let inner = linked.get(signal);
  if (!inner) {
    const controller = new AbortController();
    setMaxListeners(0, controller.signal);
    signal.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
    inner = controller.signal;
    linked.set(signal, inner);
  }
  return inner;
}
