/**
 * Every default of the library, once: the client's options, each call's options, the rate limit and
 * the retry policy. The client, the `RateLimit` and `RetryPolicy` classes, the CLI's help and its
 * fallbacks all read this table. Frozen all the way down.
 */
export const DEFAULTS = Object.freeze({
  /** Requests per second and at once, per host. */
  rateLimit: Object.freeze({ perSecond: 2, burst: 5 }),
  /** Attempts (the first included) and the backoff between them. */
  retry: Object.freeze({ maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 30_000 }),
  /** Per attempt, in ms: connect + headers + body. */
  timeout: 10_000,
  userAgent:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36',
  partnerApi: true,
  /** Requests in flight per host: the client's own pool's connections per host. */
  connectionsPerHost: 32,
  /** Values a batch helper fetches at once. */
  maxConcurrency: 5,
  maxPageBytes: 20_000_000,
  maxMediaBytes: 50_000_000,
  /** `getPlaylist`: items returned. */
  maxTracks: 100,
  /** `getShow`: episodes returned. */
  maxEpisodes: 50,
  /** `getArtistDiscography`: releases returned. */
  maxReleases: Infinity,
  /** `search`: hits per type, and hits skipped. */
  searchLimit: 20,
  searchOffset: 0,
  /** `getSimilarAlbums`: albums returned. */
  similarAlbumsLimit: 10,
  /** Tracks `getRecommendations` returns. */
  recommendationsLimit: 20,
  /** `cache: true`: entries kept in memory (and their JSON's size at most), and how long each answers. */
  cache: Object.freeze({ ttlMs: 3_600_000, maxEntries: 1_000, maxBytes: 50_000_000 }),
  /** `fleet`: the namespace in Redis and the processes sharing it. */
  fleet: Object.freeze({ key: 'spotify-scraper', workers: 1 }),
});
