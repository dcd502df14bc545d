/**
 * Catalogues (SPEC §11): requests per 100 tracks read as a list batch (summary, full) against the
 * per-entity path (getTrack each: embed page + partner API), and the time of 1,000 tracks under the
 * default rate limit (2 requests/s per host after a burst of 5) on a virtual clock: the wait the rate
 * limit imposes, which is what bounds a real run (the loopback requests themselves take no virtual time).
 */
import { AsyncSpotifyClient, type ClientOptions } from '../src/index.js';
import { fakeTrack, startFakeSpotify, type FakeSpotify } from '../src/testing/index.js';
import { VirtualClock } from '../test/helpers/virtual-clock.js';
import { fmt, type Row } from './util.js';

type Way = 'summary' | 'full' | 'per-entity';

/** Runs one way of reading `ids` with a fresh client; returns the requests the fake saw. */
async function read(spotify: FakeSpotify, ids: readonly string[], way: Way, options: ClientOptions): Promise<number> {
  const before = spotify.requests.length;
  const client = new AsyncSpotifyClient({ ...spotify.clientOptions, ...options });
  try {
    if (way === 'per-entity') {
      const results = await Promise.allSettled(ids.map((id) => client.getTrack(id)));
      if (results.some((result) => result.status === 'rejected')) throw new Error('a per-entity read failed');
    } else {
      const results = await client.getTracks(ids, { detail: way });
      const off = results.filter((entry) => !entry.ok || entry.mode !== 'list').length;
      if (off > 0) throw new Error(`${off} value(s) of the ${way} batch did not take the list path`);
    }
  } finally {
    await client.close();
  }
  return spotify.requests.length - before;
}

/** Virtual seconds of reading `ids` one way under the default rate limit. */
async function timed(
  spotify: FakeSpotify,
  ids: readonly string[],
  way: Way,
): Promise<{ seconds: number; requests: number }> {
  const clock = new VirtualClock();
  const start = clock.now();
  const requests = await clock.run(read(spotify, ids, way, { rateLimit: undefined, clock }));
  return { seconds: (clock.now() - start) / 1000, requests };
}

export async function benchCatalogue(): Promise<Row[]> {
  const spotify = await startFakeSpotify();
  try {
    const hundred = Array.from({ length: 100 }, () => spotify.add(fakeTrack()).id);
    const summary = await read(spotify, hundred, 'summary', {});
    const full = await read(spotify, hundred, 'full', {});
    const perEntity = await read(spotify, hundred, 'per-entity', {});
    const thousand = Array.from({ length: 1_000 }, () => spotify.add(fakeTrack()).id);
    const listTime = await timed(spotify, thousand, 'summary');
    const entityTime = await timed(spotify, thousand, 'per-entity');
    return [
      {
        section: 'catalogue',
        measure: 'requests for 100 tracks: getTracks(…, { detail: "summary" }) vs getTrack each (the per-entity path)',
        ours: `${summary} requests`,
        baseline: `${perEntity} requests`,
        ratio: fmt(summary / perEntity, 3),
        note: 'goal ≤ 5 requests (2 decorateContextTracks + 2 trackPreview + the token bootstrap)',
      },
      {
        section: 'catalogue',
        measure: 'requests for 100 tracks: getTracks(…) full tracks (trackPreview + getTrack) vs getTrack each',
        ours: `${full} requests`,
        baseline: `${perEntity} requests`,
        ratio: fmt(full / perEntity, 3),
        note: 'goal ≤ 104 requests',
      },
      {
        section: 'catalogue',
        measure: 'time for 1,000 tracks under the default rate limit (virtual clock): summary batch vs getTrack each',
        ours: `${fmt(listTime.seconds, 1)} s (${listTime.requests} requests)`,
        baseline: `${fmt(entityTime.seconds, 1)} s (${entityTime.requests} requests)`,
        ratio: `${fmt(entityTime.seconds / listTime.seconds, 1)}× faster`,
        note: 'goal ≥ 20× (the rate limit is the bottleneck: the ratio follows the request count per host)',
      },
    ];
  } finally {
    await spotify.close();
  }
}
