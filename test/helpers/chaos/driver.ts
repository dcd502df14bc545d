// The chaos soak's client, in a process of its own: CALLS calls at concurrency 50 against the chaos
// server (getters, batch, discovery, colours, bad inputs; some aborted), then close(); prints one JSON
// line and exits by itself (nothing here calls process.exit). Needs --expose-gc.
// Run: node --expose-gc --import tsx test/helpers/chaos/driver.ts ORIGIN CATALOGUE_JSON CALLS SEED CACHE
//   CACHE: none | memory | redis://host:port (Keyv + @keyv/redis)
import {
  AlbumSchema,
  ArtistSchema,
  ArtistSummarySchema,
  AsyncSpotifyClient,
  ColorsSchema,
  ConcertSchema,
  EpisodeSchema,
  PlaylistSchema,
  ReleaseSchema,
  SearchResultsSchema,
  ShowSchema,
  SpotifyScraperError,
  TrackSchema,
  type CacheStore,
  type ClientOptions,
} from '../../../src/index.js';
import { routeTo } from '../../../src/testing/index.js';
import { schedulingDelay } from '../schedule.js';
import { random, type CatalogueIds } from './catalogue.js';
import type { z } from 'zod';

const [origin, catalogueJson, callsArg, seedArg, cacheArg] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
];
const ids = JSON.parse(catalogueJson) as CatalogueIds;
const CALLS = Number(callsArg);
const CONCURRENCY = 50;
const next = random(Number(seedArg) * 7919);
const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;

const unhandled: string[] = [];
process.on('unhandledRejection', (reason) => unhandled.push(String(reason).slice(0, 200)));

/** The policies of the soak's client, from which each call's bound is computed. */
const TIMEOUT = 1_000;
const RETRY = { maxAttempts: 3, baseDelayMs: 20, maxDelayMs: 500 };
const RATE = { perSecond: 200, burst: 20 };
/** The longest one request can take: every attempt timing out, and the waits between them. */
const PER_REQUEST = TIMEOUT * RETRY.maxAttempts + RETRY.maxDelayMs * (RETRY.maxAttempts - 1);
/** The longest a request waits for its turn: every other call of the window ahead of it. */
const QUEUE = ((CONCURRENCY * 4) / RATE.perSecond) * 1_000;

interface Op {
  name: string;
  /** Requests the call makes at most (embed page, API pages, a bootstrap). */
  requests: number;
  run: (client: AsyncSpotifyClient, signal: AbortSignal | undefined, fresh: boolean) => Promise<unknown>;
  schema?: z.ZodType;
}

const OPS: Array<[number, Op]> = [
  [
    25,
    {
      name: 'getTrack',
      requests: 3,
      run: (c, signal, fresh) => c.getTrack(pick(ids.track), { signal, fresh }),
      schema: TrackSchema,
    },
  ],
  [
    8,
    {
      name: 'getAlbum',
      requests: 3,
      run: (c, signal, fresh) => c.getAlbum(pick(ids.album), { signal, fresh }),
      schema: AlbumSchema,
    },
  ],
  [
    5,
    {
      name: 'getArtist',
      requests: 3,
      run: (c, signal, fresh) => c.getArtist(pick(ids.artist), { signal, fresh }),
      schema: ArtistSchema,
    },
  ],
  [
    8,
    {
      name: 'getPlaylist',
      requests: 5,
      run: (c, signal, fresh) => c.getPlaylist(pick(ids.playlist), { signal, fresh, maxTracks: Infinity }),
      schema: PlaylistSchema,
    },
  ],
  [
    4,
    {
      name: 'getShow',
      requests: 4,
      run: (c, signal, fresh) => c.getShow(pick(ids.show), { signal, fresh }),
      schema: ShowSchema,
    },
  ],
  [
    4,
    {
      name: 'getEpisode',
      requests: 3,
      run: (c, signal, fresh) => c.getEpisode(pick(ids.episode), { signal, fresh }),
      schema: EpisodeSchema,
    },
  ],
  [
    5,
    {
      name: 'getTracks',
      requests: 15,
      run: (c, signal, fresh) =>
        c.getTracks(
          Array.from({ length: 5 }, () => pick(ids.track)),
          { signal, fresh, concurrency: 5 },
        ),
    },
  ],
  [
    10,
    {
      name: 'search',
      requests: 2,
      run: (c, signal, fresh) => c.search(`soak ${Math.floor(next() * 300)}`, { signal, fresh, limit: 5 }),
      schema: SearchResultsSchema,
    },
  ],
  [
    5,
    {
      name: 'getRelatedArtists',
      requests: 2,
      run: (c, signal, fresh) => c.getRelatedArtists(pick(ids.artist), { signal, fresh }),
    },
  ],
  [
    4,
    {
      name: 'getArtistDiscography',
      requests: 3,
      run: (c, signal, fresh) => c.getArtistDiscography(pick(ids.artist), { signal, fresh }),
    },
  ],
  [
    3,
    {
      name: 'getSimilarAlbums',
      requests: 2,
      run: (c, signal, fresh) => c.getSimilarAlbums(pick(ids.track), { signal, fresh }),
    },
  ],
  [
    2,
    {
      name: 'getArtistConcerts',
      requests: 2,
      run: (c, signal, fresh) => c.getArtistConcerts(pick(ids.artist), { signal, fresh }),
    },
  ],
  [
    5,
    {
      name: 'getColors',
      requests: 2,
      run: (c, signal, fresh) =>
        c.getColors(`https://i.scdn.co/image/${'ab67616d0000b273'}${'0123456789abcdef01234567'}`, { signal, fresh }),
      schema: ColorsSchema,
    },
  ],
  [
    6,
    {
      name: 'bad input',
      requests: 0,
      run: (c, signal) =>
        next() < 0.5 ? c.getTrack('not-an-id', { signal }) : c.getAlbum(`spotify:track:${pick(ids.track)}`, { signal }),
    },
  ],
];
const LIST_SCHEMAS: Record<string, z.ZodType> = {
  getRelatedArtists: ArtistSummarySchema,
  getArtistDiscography: ReleaseSchema,
  getSimilarAlbums: ReleaseSchema,
  getArtistConcerts: ConcertSchema,
};
const WEIGHT = OPS.reduce((sum, [weight]) => sum + weight, 0);

function chooseOp(): Op {
  let roll = next() * WEIGHT;
  for (const [weight, op] of OPS) {
    if (roll < weight) return op;
    roll -= weight;
  }
  return OPS[0]![1];
}

function isModel(op: Op, result: unknown): boolean {
  if (op.schema) return op.schema.safeParse(result).success;
  const schema = LIST_SCHEMAS[op.name];
  if (schema) return Array.isArray(result) && result.every((item) => schema.safeParse(item).success);
  // A batch: every entry a model or a documented error.
  return (
    Array.isArray(result) &&
    result.every((entry: { ok: boolean; result?: unknown; error?: unknown }) =>
      entry.ok ? TrackSchema.safeParse(entry.result).success : entry.error instanceof SpotifyScraperError,
    )
  );
}

async function cacheOption(): Promise<{ cache?: ClientOptions['cache']; close: () => Promise<void> }> {
  if (cacheArg === 'none') return { close: async () => undefined };
  if (cacheArg === 'memory') return { cache: true, close: async () => undefined };
  const [{ Keyv }, { default: KeyvRedis }] = await Promise.all([import('keyv'), import('@keyv/redis')]);
  const redis = new KeyvRedis({ url: cacheArg }, { throwOnConnectError: false });
  redis.client.on('error', () => undefined);
  const store = new Keyv(redis, { namespace: `soak-${seedArg}` });
  store.on('error', () => undefined);
  return { cache: { store: store as unknown as CacheStore }, close: () => store.disconnect() };
}

const heap = (): number => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
};
/** A heap measure in the middle of the run: its forced GC is not scheduling delay of the client. */
let measureHeap = heap;

const dispatcher = routeTo(origin);
const cache = await cacheOption();
let warnings = 0;
const client = new AsyncSpotifyClient({
  dispatcher,
  timeout: TIMEOUT,
  retry: RETRY,
  rateLimit: RATE,
  onWarning: () => (warnings += 1),
  ...(cache.cache === undefined ? {} : { cache: cache.cache }),
});
// The heap's start: the client built and a few calls made (every module the soak uses is loaded).
for (const id of ids.track.slice(0, 5)) await client.getTrack(id).catch(() => undefined);
const heapStart = heap();
const delay = schedulingDelay();
measureHeap = () => delay.paused(heap);
const outcomes: Record<string, number> = {};
const unexpected: string[] = [];
let longestShare = 0;
let longestMs = 0;
let heapMiddle = 0;
let started = 0;
let done = 0;
const ABORT = new Error('the soak aborted this call');

async function one(): Promise<void> {
  const op = chooseOp();
  const aborted = next() < 0.08;
  const controller = aborted ? new AbortController() : undefined;
  const timer = controller ? setTimeout(() => controller.abort(ABORT), Math.floor(next() * 400)) : undefined;
  const bound = op.requests * PER_REQUEST + QUEUE + 1_000;
  const start = performance.now();
  let outcome: string;
  try {
    // With a cache, a third of the calls skip it: the soak must reach the network, not only the cache.
    const result = await op.run(client, controller?.signal, cacheArg !== 'none' && next() < 0.35);
    outcome = isModel(op, result) ? 'model' : 'NOT A MODEL';
  } catch (error) {
    if (error === ABORT) outcome = 'aborted';
    else if (error instanceof SpotifyScraperError) outcome = error.name;
    else outcome = `UNDOCUMENTED ${String(error).slice(0, 120)}`;
  } finally {
    clearTimeout(timer);
  }
  const ms = performance.now() - start;
  longestMs = Math.max(longestMs, ms);
  longestShare = Math.max(longestShare, ms / bound);
  outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
  if (outcome === 'NOT A MODEL' || outcome.startsWith('UNDOCUMENTED')) unexpected.push(`${op.name}: ${outcome}`);
  done += 1;
  if (done === Math.floor(CALLS / 2)) heapMiddle = measureHeap();
}

await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    while (started < CALLS) {
      started += 1;
      await one();
    }
  }),
);
const delayMs = delay.stop();
const heapEnd = heap();
await client.close();
await dispatcher.close();
await cache.close();
await new Promise((resolve) => setTimeout(resolve, 50));
const heapAfterClose = heap();
console.log(
  JSON.stringify({
    calls: CALLS,
    outcomes,
    unexpected: unexpected.slice(0, 20),
    unhandled,
    warnings,
    delayMs,
    longestMs: Math.round(longestMs),
    longestShare,
    heap: { start: heapStart, middle: heapMiddle, end: heapEnd, afterClose: heapAfterClose },
    rate: RATE,
    closedAt: Date.now(),
  }),
);
