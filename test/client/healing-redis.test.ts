/** A fleet heals once: processes share discovered hashes and a discovery lock through a real Redis (Keyv + @keyv/redis). */
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FAKE_TOKEN, fakeHash, fakeTrack, startFakeSpotify, type FakeSpotify } from '../../src/testing/index.js';
import { redisAvailable, startRedis, type RedisServer } from '../helpers/redis.js';
import { runNode } from '../helpers/run-process.js';

const available = redisAvailable('healing on Redis');
const PROCESS = join(import.meta.dirname, '..', 'helpers', 'heal-process.ts');
let redis: RedisServer;
let spotify: FakeSpotify;

beforeAll(async () => {
  if (!available) return;
  redis = await startRedis();
});

afterAll(async () => {
  if (available) await redis.stop();
});

beforeEach(async () => {
  if (!available) return;
  const flush = new Redis(redis.url);
  await flush.flushall();
  flush.disconnect();
  await spotify?.close();
  spotify = await startFakeSpotify();
});

const run = (id: string) => runNode(['--import', 'tsx', PROCESS, redis.url, spotify.origin, id]);
const fromCdn = (start: number) => spotify.requests.slice(start).filter((r) => r.host === 'open.spotifycdn.com');

describe.skipIf(!available)('healing shared by a fleet', () => {
  it("a second process adopts the first one's discovery: no web player read, the new hash first", async () => {
    const track = spotify.add(fakeTrack({ name: 'Adopted' }));
    const other = spotify.add(fakeTrack({ name: 'Other' })); // not in the result cache yet
    const fresh = fakeHash('fleet-rotation');
    spotify.webPlayer.rotate('getTrack', [fresh]);
    const first = await run(track.id);
    expect(JSON.parse(first.stdout)).toMatchObject({ name: 'Adopted' });
    expect(fromCdn(0)).toHaveLength(1);
    const start = spotify.requests.length;
    const second = await run(other.id);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toEqual({ name: 'Other', warnings: [] });
    expect(fromCdn(start)).toEqual([]);
    const api = spotify.requests.slice(start).filter((r) => r.host === 'api-partner.spotify.com');
    expect(api.map((r) => r.hash)).toEqual([fresh]);
    // What the fleet shares holds hashes, never a token.
    const probe = new Redis(redis.url);
    try {
      const keys = await probe.keys('*');
      expect(keys.some((key) => key.includes('heal:v1:good:track'))).toBe(true);
      for (const key of keys) {
        const value =
          (await probe.type(key)) === 'string' ? await probe.get(key) : JSON.stringify(await probe.hgetall(key));
        expect(value).not.toContain(FAKE_TOKEN);
        expect(value).not.toContain('fake-client-token');
      }
    } finally {
      probe.disconnect();
    }
  }, 30_000);

  it('two processes refused at once: one discovers under the lock, the other waits and adopts', async () => {
    const track = spotify.add(fakeTrack({ name: 'Locked' }));
    spotify.webPlayer.rotate('getTrack', [fakeHash('fleet-lock')]);
    spotify.webPlayer.settings.bundleDelayMs = 1_500;
    const results = await Promise.all([run(track.id), run(track.id)]);
    expect(results.map((r) => r.code)).toEqual([0, 0]);
    expect(results.map((r) => JSON.parse(r.stdout).name)).toEqual(['Locked', 'Locked']);
    expect(fromCdn(0)).toHaveLength(1);
    expect(spotify.requests.filter((r) => r.host === 'open.spotify.com' && r.path === '/')).toHaveLength(1);
  }, 30_000);
});
