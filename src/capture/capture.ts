import { AsyncSpotifyClient } from '../client.js';
import { SpotifyScraperError } from '../errors.js';
import type { WireExchange } from '../http/http-client.js';
import type { EntityType } from '../models/entities.js';
import { RECORDER, type ClientOptions } from '../options.js';
import { recordExchange, type CaptureFile, type RecordedExchange } from './recording.js';

/** The options of `capture()`: a client's options (a dispatcher, a proxy, a rate limit…). */
export type CaptureOptions = Omit<ClientOptions, 'cache' | 'fleet'> & { signal?: AbortSignal | undefined };

/**
 * Runs the getter of each value (a bare id is a track) and records every request and answer into one
 * redacted capture (SPEC §9): no token, cookie, device id, correlation id, signed query string or TOTP
 * parameter; only allow-listed response headers; JavaScript bundles as excerpts. `startFakeSpotify({
 * replay })` of `spotify-scraper/testing` serves it back, so a bug report becomes a test.
 */
export async function capture(values: readonly string[], options: CaptureOptions = {}): Promise<CaptureFile> {
  const { signal, ...clientOptions } = options;
  const exchanges: RecordedExchange[] = [];
  const calls: CaptureFile['calls'] = [];
  const client = new AsyncSpotifyClient({
    ...clientOptions,
    [RECORDER]: (exchange: WireExchange) => exchanges.push(recordExchange(exchange)),
  } as ClientOptions);
  try {
    for (const value of values) {
      let type: EntityType = 'track';
      try {
        type = (await client.resolve(value, { signal })).type ?? 'track';
        await client.get(type, value, { signal });
        calls.push({ value, type, ok: true });
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        calls.push({ value, type, ok: false, error: error instanceof SpotifyScraperError ? error.name : 'Error' });
      }
    }
  } finally {
    await client.close();
  }
  return { format: 'spotify-scraper-capture', version: 1, capturedAt: new Date().toISOString(), calls, exchanges };
}
