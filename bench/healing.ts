/**
 * Healing (SPEC §9): what a rotated hash costs in requests, healed by a built-in alternate and by
 * discovery from the web player, against a healthy call; and the time a healthy call spends in the
 * healing code: getTrack with the partner API against the testing kit's fake Spotify, this build vs
 * another one (`BENCH_BEFORE_DIST=/path/to/an/older/dist`, e.g. the build before healing), in turn.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AsyncSpotifyClient } from '../src/index.js';
import { OPERATIONS } from '../src/partner/operations.js';
import { fakeHash, fakeTrack, startFakeSpotify, type FakeSpotify } from '../src/testing/index.js';
import { fmt, type Row } from './util.js';

type ClientClass = new (options: Record<string, unknown>) => {
  getTrack(id: string): Promise<unknown>;
  close(): Promise<void>;
};

async function requestsOfOneCall(setup: (spotify: FakeSpotify) => void): Promise<number> {
  const spotify = await startFakeSpotify();
  try {
    const track = spotify.add(fakeTrack());
    setup(spotify);
    const client = new AsyncSpotifyClient({ dispatcher: spotify.dispatcher, rateLimit: false, retry: false });
    // A first call takes the token from the track's own page; count the call that heals.
    const start = spotify.requests.length;
    await client.getTrack(track.id);
    await client.close();
    return spotify.requests.length - start;
  } finally {
    await spotify.close();
  }
}

async function callsPerSecond(Client: ClientClass, spotify: FakeSpotify, calls: number): Promise<number> {
  const tracks = Array.from({ length: calls }, () => spotify.add(fakeTrack()));
  const client = new Client({ dispatcher: spotify.dispatcher, rateLimit: false, retry: false });
  await client.getTrack(spotify.add(fakeTrack()).id); // warm: the token, the connection
  const start = performance.now();
  for (const track of tracks) {
    await client.getTrack(track.id);
    // The fake's log of requests (with their headers) would grow through the rounds: GC noise for both.
    spotify.requests.length = 0;
  }
  const seconds = (performance.now() - start) / 1000;
  await client.close();
  return calls / seconds;
}

export async function benchHealing(): Promise<Row[]> {
  const healthy = await requestsOfOneCall(() => undefined);
  const alternate = await requestsOfOneCall((spotify) =>
    spotify.webPlayer.rotate('getTrack', [OPERATIONS.track.alternates[0]]),
  );
  const discovered = await requestsOfOneCall((spotify) =>
    spotify.webPlayer.rotate('getTrack', [fakeHash('bench-rotation')]),
  );
  const rows: Row[] = [
    {
      section: 'healing',
      measure:
        'requests of one getTrack whose hash Spotify rotated, healed by a built-in alternate, vs a healthy getTrack',
      ours: `${alternate} requests`,
      baseline: `${healthy} requests`,
      ratio: `+${alternate - healthy}`,
      note: 'goal: one extra request',
    },
    {
      section: 'healing',
      measure: 'the same, healed by discovery from the web player (refusals, page, bundle, the new hash)',
      ours: `${discovered} requests`,
      baseline: `${healthy} requests`,
      ratio: `+${discovered - healthy}`,
      note: 'once per process per hour (per fleet with a store); later calls pay nothing',
    },
  ];
  const before = process.env['BENCH_BEFORE_DIST'];
  if (!before) return rows;
  // Both from a build, so that neither is measured through tsx.
  const load = async (dist: string) =>
    ((await import(pathToFileURL(join(dist, 'index.js')).href)) as { AsyncSpotifyClient: ClientClass })
      .AsyncSpotifyClient;
  const Before = await load(before);
  const After = await load(join(import.meta.dirname, '..', 'dist'));
  const spotify = await startFakeSpotify();
  try {
    const ours: number[] = [];
    const theirs: number[] = [];
    // 20 rounds of 300 calls each, the order alternating so that neither build is always warmer.
    for (let round = 0; round < 20; round += 1) {
      if (round % 2 === 0) {
        ours.push(await callsPerSecond(After, spotify, 300));
        theirs.push(await callsPerSecond(Before, spotify, 300));
      } else {
        theirs.push(await callsPerSecond(Before, spotify, 300));
        ours.push(await callsPerSecond(After, spotify, 300));
      }
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
    rows.push({
      section: 'healing',
      measure:
        'time of a healthy getTrack (embed page + partner API, loopback fake), this build vs the build before healing (20 rounds of 300, in turn)',
      ours: `${fmt(median(ours))} calls/s`,
      baseline: `${fmt(median(theirs))} calls/s`,
      ratio: `${fmt(median(theirs) / median(ours), 3)}×`,
      note: 'time per call, ours ÷ before (medians); goal ≤ 1.05×',
    });
  } finally {
    await spotify.close();
  }
  return rows;
}
