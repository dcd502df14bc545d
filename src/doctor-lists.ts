import type { ClientContext } from './client/context.js';
import type { DoctorCheck } from './doctor-check.js';
import { NotFoundError } from './errors.js';
import { isBrowserTransport } from './http/browser/browser-dispatcher.js';
import { clip } from './redact.js';
import type { CacheStore } from './cache/cache-options.js';

/** The list operations each batch needs (SPEC §11), by the batch. */
const BATCH_MODES: ReadonlyArray<[string, string[]]> = [
  ['getTracks', ['decorateTracks', 'trackPreview']],
  ['getEpisodes', ['decorateEpisodes']],
];

/** Which mode each batch will use, by what v1 said of its list operations (nothing is probed twice). */
export function batchModeChecks(statusOf: (kind: string) => DoctorCheck['status'] | undefined): DoctorCheck[] {
  const checks: DoctorCheck[] = [];
  for (const [name, kinds] of BATCH_MODES) {
    const statuses = kinds.map(statusOf);
    if (statuses.some((status) => status === undefined)) continue;
    const failed = kinds.filter((_, index) => statuses[index] === 'failed');
    checks.push({
      layer: 'batch',
      name,
      status: failed.length === 0 ? 'ok' : 'failed',
      detail:
        failed.length === 0
          ? `list mode: ${kinds.join(' + ')} answer (50 values a request)`
          : `per-entity mode (each value's own getter): ${failed.join(', ')} refused`,
    });
  }
  return checks;
}

/** spclient's track metadata with the anonymous token: what `externalIds` reads ISRCs from. */
export async function isrcCheck(
  context: ClientContext,
  trackId: string,
  signal: AbortSignal | undefined,
): Promise<DoctorCheck> {
  const name = 'metadata/4 (ISRC)';
  try {
    const isrc = await context.isrc.lookup(trackId, signal);
    const detail = isrc === null ? 'answers, with no ISRC for the known track' : `answers: ISRC ${isrc}`;
    return { layer: 'spclient', name, status: 'ok', detail };
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    if (error instanceof NotFoundError)
      return { layer: 'spclient', name, status: 'ok', detail: 'answers (no metadata for the known track)' };
    // spclient's refusal (a 403 for the anonymous token) is not an edge block: the run goes on.
    const why = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { layer: 'spclient', name, status: 'failed', detail: `${clip(why, 160)}; externalIds gives isrc null` };
  }
}

/** Which transport carried the embed pages (SPEC §14): plain HTTP, or the browser (from the start, or after an edge 403). */
export function transportCheck(dispatcher: unknown, mode: 'always' | 'fallback' | undefined): DoctorCheck {
  const name = 'transport';
  if (!isBrowserTransport(dispatcher))
    return { layer: 'reach', name, status: 'ok', detail: 'pages through plain HTTP' };
  const fetched = dispatcher.fetchHosts;
  const apis =
    fetched.length === 0
      ? ''
      : `; ${fetched.join(', ')} refused plain HTTP too: their requests through the browser's network stack`;
  const http = dispatcher.transportOf('open.spotify.com') === 'http';
  const pages = http
    ? 'pages through plain HTTP (the browser stands by: --browser-fallback)'
    : mode === 'fallback'
      ? 'open.spotify.com refused plain HTTP (a 403 challenge page): pages through the browser'
      : 'pages through the browser (Chromium)';
  const healed = fetched.length > 0 || (!http && mode === 'fallback');
  return { layer: 'reach', name, status: healed ? 'healed' : 'ok', detail: `${pages}${apis}` };
}

/** The cache store: one entry written, read back and deleted. */
export async function storeCheck(store: CacheStore): Promise<DoctorCheck> {
  const key = `spotify-scraper:doctor:${Date.now()}`;
  try {
    await store.set(key, { probe: true }, 10_000);
    const back = (await store.get(key)) as { probe?: unknown } | undefined;
    await store.delete?.(key);
    const ok = back?.probe === true;
    return {
      layer: 'store',
      name: 'cache store',
      status: ok ? 'ok' : 'failed',
      detail: ok ? 'write and read back' : 'read back nothing',
    };
  } catch (error) {
    return { layer: 'store', name: 'cache store', status: 'failed', detail: clip(String(error), 160) };
  }
}
