/**
 * Account features (SPEC §10): a getLyrics from a warm account token (one spclient request) against a
 * getTrack (embed page + partner API) on the testing kit's fake Spotify over loopback, in turn, each
 * fresh (no cache); and what the first account call costs in requests (server time, token, lyrics).
 */
import { AsyncSpotifyClient } from '../src/index.js';
import { FAKE_SP_DC, fakeLyrics, fakeTrack, startFakeSpotify } from '../src/testing/index.js';
import { fmt, type Row } from './util.js';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

export async function benchAccount(): Promise<Row[]> {
  const spotify = await startFakeSpotify();
  try {
    const tracks = Array.from({ length: 200 }, () => spotify.add(fakeTrack()));
    for (const track of tracks) spotify.addLyrics(fakeLyrics({ trackId: track.id }));
    const client = new AsyncSpotifyClient({
      dispatcher: spotify.dispatcher,
      rateLimit: false,
      retry: false,
      cookies: FAKE_SP_DC,
    });
    const first = spotify.requests.length;
    await client.getLyrics(tracks[0]!.id); // the exchange: server time + token + lyrics
    const firstCall = spotify.requests.length - first;
    await client.getTrack(tracks[0]!.id); // the anonymous token, the connections
    const perSecond = async (call: (id: string) => Promise<unknown>): Promise<number> => {
      const start = performance.now();
      for (const track of tracks) await call(track.id);
      return tracks.length / ((performance.now() - start) / 1000);
    };
    const lyrics: number[] = [];
    const getters: number[] = [];
    // 10 rounds of 200 calls each, in turn, so that neither is always warmer.
    for (let round = 0; round < 10; round += 1) {
      const l = () => perSecond((id) => client.getLyrics(id, { fresh: true }));
      const t = () => perSecond((id) => client.getTrack(id, { fresh: true }));
      if (round % 2 === 0) {
        lyrics.push(await l());
        getters.push(await t());
      } else {
        getters.push(await t());
        lyrics.push(await l());
      }
    }
    await client.close();
    return [
      {
        section: 'account',
        measure:
          'time of a getLyrics from a warm account token vs a getTrack (embed page + partner API), loopback fake, 10 rounds of 200 in turn',
        ours: `${fmt(median(lyrics))} calls/s`,
        baseline: `${fmt(median(getters))} calls/s`,
        ratio: `${fmt(median(getters) / median(lyrics), 3)}×`,
        note: 'time per call, getLyrics ÷ getTrack (medians); one spclient request against two',
      },
      {
        section: 'account',
        measure: 'requests of the first getLyrics of a client (server time, token, lyrics) vs a warm one',
        ours: `${firstCall} requests`,
        baseline: '1 request',
        ratio: `+${firstCall - 1}`,
        note: 'the exchange is shared by concurrent callers and kept until 60 s before it expires',
      },
    ];
  } finally {
    await spotify.close();
  }
}
