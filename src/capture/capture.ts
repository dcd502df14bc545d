import { AsyncSpotifyClient } from '../client.js';
import { SpotifyScraperError } from '../errors.js';
import type { WireExchange } from '../http/http-client.js';
import type { EntityType } from '../models/entities.js';
import { RECORDER, type ClientOptions } from '../options.js';
import { recordExchange, type CaptureFile, type RecordedExchange } from './recording.js';

/** The options of `capture()`: a client's options (a dispatcher, a proxy, a rate limit…). */
export type CaptureOptions = Omit<ClientOptions, 'cache' | 'fleet'> & { signal?: AbortSignal | undefined };

/**
 * Records every request and answer into one redacted capture (SPEC §9): no token, cookie, device id,
 * correlation id, signed query string or TOTP parameter; only allow-listed response headers;
 * JavaScript bundles as excerpts. `startFakeSpotify({ replay })` of `spotify-scraper/testing` serves it
 * back, so a bug report becomes a test. Given values, it runs the getter of each (a bare id is a
 * track); given a function, it records whatever the function does with the client it is handed
 * (`capture((client) => client.search('daft punk'))`), which is then one call of the capture.
 */
export async function capture(
  work: readonly string[] | ((client: AsyncSpotifyClient) => Promise<unknown>),
  options: CaptureOptions = {},
): Promise<CaptureFile> {
  const { signal, ...clientOptions } = options;
  const exchanges: RecordedExchange[] = [];
  const calls: CaptureFile['calls'] = [];
  const client = new AsyncSpotifyClient({
    ...clientOptions,
    [RECORDER]: (exchange: WireExchange) => exchanges.push(recordExchange(exchange)),
  } as ClientOptions);
  try {
    if (typeof work === 'function') {
      try {
        await work(client);
        calls.push({ value: '(a function)', type: 'function', ok: true });
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        calls.push({ value: '(a function)', type: 'function', ok: false, error: nameOf(error) });
      }
    } else {
      for (const value of work) calls.push(await getterCall(client, value, signal));
    }
  } finally {
    await client.close();
  }
  return { format: 'spotify-scraper-capture', version: 1, capturedAt: new Date().toISOString(), calls, exchanges };
}

async function getterCall(
  client: AsyncSpotifyClient,
  value: string,
  signal: AbortSignal | undefined,
): Promise<CaptureFile['calls'][number]> {
  let type: EntityType = 'track';
  try {
    type = (await client.resolve(value, { signal })).type ?? 'track';
    await client.get(type, value, { signal });
    return { value, type, ok: true };
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    return { value, type, ok: false, error: nameOf(error) };
  }
}

function nameOf(error: unknown): string {
  return error instanceof SpotifyScraperError ? error.name : 'Error';
}
