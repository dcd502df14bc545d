import { NotFoundError } from '../errors.js';
import { authorizedRequest, type TokenSource } from '../http/authorized.js';
import type { HttpClient } from '../http/http-client.js';
import { readText } from '../http/transport.js';
import { SPCLIENT_FAMILY } from '../spclient/family.js';
import { readIsrc, trackMetadataUrl } from '../spclient/metadata.js';

/** After a refusal, spclient is not asked for ISRCs again for this long (each answer would be null). */
const REFUSED_FOR_MS = 10 * 60_000;

/**
 * ISRCs of tracks (SPEC §11, opt-in): spclient's `metadata/4/track/{gid}` with the anonymous token.
 * A track it has no metadata for is null; a refusal (any other failure) is null too, said once per
 * client, and spclient is left alone for a while. Never an error but an abort.
 */
export class IsrcLookup {
  readonly #http: HttpClient;
  readonly #tokens: TokenSource;
  readonly #maxBytes: number;
  readonly #warn: (message: string) => void;
  #refusedUntil = 0;
  #warned = false;

  constructor(http: HttpClient, tokens: TokenSource, maxBytes: number, warn: (message: string) => void) {
    this.#http = http;
    this.#tokens = tokens;
    this.#maxBytes = maxBytes;
    this.#warn = warn;
  }

  /** The track's ISRC (null when its metadata has none); a refusal or a bad answer is its error. */
  async lookup(id: string, signal: AbortSignal | undefined): Promise<string | null> {
    const { value } = await authorizedRequest(this.#http, SPCLIENT_FAMILY, this.#tokens, {
      url: trackMetadataUrl(id),
      signal,
      headers: { accept: 'application/json' },
      consume: (response) => readText(response, this.#maxBytes),
    });
    return readIsrc(JSON.parse(value) as unknown);
  }

  /** The track's ISRC, or null: never an error but an abort. */
  async of(id: string, signal: AbortSignal | undefined): Promise<string | null> {
    if (Date.now() < this.#refusedUntil) return null;
    try {
      return await this.lookup(id, signal);
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (error instanceof NotFoundError) return null;
      this.#refusedUntil = Date.now() + REFUSED_FOR_MS;
      if (!this.#warned) {
        this.#warned = true;
        const why = error instanceof Error ? error.message : String(error);
        this.#warn(`ISRCs from spclient's track metadata failed (${why}): isrc is null for the next 10 minutes`);
      }
      return null;
    }
  }
}
