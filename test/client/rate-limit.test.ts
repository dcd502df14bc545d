import { MockAgent, type Dispatcher } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { AsyncSpotifyClient, RateLimit } from '../../src/index.js';
import { embedHtml, embedState, newId, trackEntity } from '../helpers/pages.js';
import { VirtualClock } from '../helpers/virtual-clock.js';

/** A MockAgent answering every track embed, recording the virtual time each request goes out. */
function mockSpotify(clock: VirtualClock): { dispatcher: Dispatcher; sentAt: number[]; mock: MockAgent } {
  const mock = new MockAgent();
  mock.disableNetConnect();
  mock
    .get('https://open.spotify.com')
    .intercept({ path: /^\/embed\/track\// })
    .reply(200, (options) => {
      const id = String(options.path).split('/').at(-1) as string;
      return embedHtml(embedState(trackEntity({ id, uri: `spotify:track:${id}` })));
    })
    .persist();
  const sentAt: number[] = [];
  const dispatcher = mock.compose((dispatch) => (options, handler) => {
    sentAt.push(clock.now());
    return dispatch(options, handler);
  });
  return { dispatcher, sentAt, mock };
}

/** The largest excess over `burst + perSecond × t` across every window [t_i, t_j]. */
function worstExcess(times: number[], perSecond: number, burst: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let worst = -Infinity;
  for (let i = 0; i < sorted.length; i += 1) {
    for (let j = i; j < sorted.length; j += 1) {
      const seconds = ((sorted[j] as number) - (sorted[i] as number)) / 1000;
      worst = Math.max(worst, j - i + 1 - (burst + perSecond * seconds));
    }
  }
  return worst;
}

let mocks: MockAgent[] = [];
afterEach(async () => {
  await Promise.all(mocks.map((mock) => mock.close()));
  mocks = [];
});

describe('the per-host token bucket on the client', () => {
  it('500 concurrent getTrack at {perSecond: 20, burst: 5} never exceed 5 + 20·t and end at the ideal time', async () => {
    const clock = new VirtualClock();
    const { dispatcher, sentAt, mock } = mockSpotify(clock);
    mocks.push(mock);
    await using client = new AsyncSpotifyClient({
      dispatcher,
      clock,
      rateLimit: new RateLimit({ perSecond: 20, burst: 5 }),
      partnerApi: false,
    });
    const ids = Array.from({ length: 500 }, () => newId('q'));
    const tracks = await clock.run(Promise.all(ids.map((id) => client.getTrack(id))));
    expect(tracks.map((t) => t.id)).toEqual(ids);
    expect(sentAt).toHaveLength(500);
    expect(worstExcess(sentAt, 20, 5)).toBeLessThanOrEqual(1e-6);
    // The first 5 go at once, the other 495 one every 50 ms: the last at 24.75 s.
    expect(sentAt.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    expect(Math.max(...sentAt)).toBeCloseTo(24_750, 6);
    expect(clock.pendingTimers).toBe(0);
  });

  it('serves waiters first come, first served', async () => {
    const clock = new VirtualClock();
    const { dispatcher, mock } = mockSpotify(clock);
    mocks.push(mock);
    await using client = new AsyncSpotifyClient({
      dispatcher,
      clock,
      rateLimit: { perSecond: 1, burst: 1 },
      partnerApi: false,
    });
    const ids = Array.from({ length: 6 }, () => newId('f'));
    const finished: string[] = [];
    await clock.run(Promise.all(ids.map((id) => client.getTrack(id).then((t) => finished.push(t.id)))));
    expect(finished).toEqual(ids);
  });

  it('hostRateLimits overrides the default and `false` turns limiting off', async () => {
    const clock = new VirtualClock();
    const { dispatcher, sentAt, mock } = mockSpotify(clock);
    mocks.push(mock);
    await using client = new AsyncSpotifyClient({
      dispatcher,
      clock,
      rateLimit: { perSecond: 1, burst: 1 },
      hostRateLimits: { 'open.spotify.com': false },
      partnerApi: false,
    });
    await clock.run(Promise.all(Array.from({ length: 20 }, () => client.getTrack(newId('o')))));
    expect(new Set(sentAt)).toEqual(new Set([0]));
  });

  it('an abort while waiting for a token rejects at once and leaves no timer', async () => {
    const clock = new VirtualClock();
    const { dispatcher, sentAt, mock } = mockSpotify(clock);
    mocks.push(mock);
    await using client = new AsyncSpotifyClient({
      dispatcher,
      clock,
      rateLimit: { perSecond: 1, burst: 1 },
      partnerApi: false,
    });
    await client.getTrack(newId('a'));
    const controller = new AbortController();
    const waiting = client.getTrack(newId('a'), { signal: controller.signal });
    await clock.advance(10);
    controller.abort(new Error('no longer needed'));
    await expect(waiting).rejects.toThrow('no longer needed');
    expect(clock.pendingTimers).toBe(0);
    expect(sentAt).toHaveLength(1);
  });
});
