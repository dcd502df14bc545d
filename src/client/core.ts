import type { Dispatcher } from 'undici';
import type { HostLimiter } from '../http/rate-limit.js';
import { resolveOptions, type ClientOptions } from '../options.js';
import { Calls } from './calls.js';
import { createClientParts, type ClientContext } from './context.js';

const asyncDispose: typeof Symbol.asyncDispose = Symbol.asyncDispose ?? Symbol.for('nodejs.asyncDispose');

/** What a client holds: its context, how its calls run, and what `close()` frees. */
export interface ClientState {
  context: ClientContext;
  calls: Calls;
  dispatcher: Dispatcher;
  /** Whether the client created the dispatcher (and so closes it). */
  ownsDispatcher: boolean;
  limiter: HostLimiter;
  release: () => void;
}

// Held outside the instances: the method families below read it, and nothing of it is public.
const STATES = new WeakMap<object, ClientState>();

/** The state of a client, for the method families (client/*-methods.ts). */
export function stateOf(client: object): ClientState {
  return STATES.get(client) as ClientState;
}

/**
 * The wiring of a client and its life: options resolved and validated, the parts made (dispatcher,
 * rate limiter, retries, tokens, cache), `close()` and `await using`. The public methods are added by
 * the families that extend it, one file each: entities, discovery, account.
 */
export class ClientCore {
  /**
   * @param options every field is optional; see {@link ClientOptions} for each one and its default
   * @throws {InvalidInputError} an unknown or invalid option, naming it
   */
  constructor(options: ClientOptions = {}) {
    const parts = createClientParts(resolveOptions(options));
    STATES.set(this, {
      context: parts.context,
      calls: new Calls(parts.context.options.maxConcurrency),
      dispatcher: parts.dispatcher,
      ownsDispatcher: parts.ownsDispatcher,
      limiter: parts.limiter,
      release: parts.release,
    });
  }

  /** True once `close()` was called. */
  get closed(): boolean {
    return stateOf(this).calls.lifecycle.isClosed;
  }

  /**
   * Refuses new calls, lets calls in flight finish, then frees the sockets of the client's own
   * dispatcher (a borrowed `dispatcher` is left open). Idempotent.
   */
  close(): Promise<void> {
    const state = stateOf(this);
    return state.calls.lifecycle.close(async () => {
      state.release();
      await state.limiter.close?.();
      if (state.ownsDispatcher) await state.dispatcher.close();
    });
  }

  /** `await using client = new AsyncSpotifyClient()` closes the client at the end of the scope. */
  [asyncDispose](): Promise<void> {
    return this.close();
  }
}
