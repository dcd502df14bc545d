/**
 * Cache section: a cached getTrack against one from a loopback server (both sequential, one call at a
 * time, rate limit off), and the memory an in-memory entry takes against the JSON size of its result.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { AsyncSpotifyClient } from '../src/index.js';
import { fakeTrack, startFakeSpotify } from '../src/testing/index.js';
import { fmt, opsPerSecond, type Row } from './util.js';

function memoryChild(count: number): Promise<{ bytesPerEntry: number; jsonBytes: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', join(import.meta.dirname, 'cache-memory-child.ts'), String(count)],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim().split('\n').at(-1) as string))
        : reject(new Error(`cache memory child exited ${code}`)),
    );
  });
}

export async function benchCache(): Promise<Row[]> {
  const spotify = await startFakeSpotify();
  const track = spotify.add(fakeTrack());
  const options = {
    dispatcher: spotify.dispatcher,
    rateLimit: false as const,
    retry: false as const,
    partnerApi: false,
  };
  const network = new AsyncSpotifyClient(options);
  const cached = new AsyncSpotifyClient({ ...options, cache: true });
  let best = { network: 0, cached: 0 };
  for (let round = 0; round < 3; round += 1) {
    best = {
      network: Math.max(best.network, await opsPerSecond(() => network.getTrack(track.id), 1_500)),
      cached: Math.max(best.cached, await opsPerSecond(() => cached.getTrack(track.id), 1_500, 100)),
    };
  }
  await network.close();
  await cached.close();
  await spotify.close();
  const memory = await memoryChild(5_000);
  return [
    {
      section: 'cache',
      measure:
        'getTrack from the in-memory cache vs from a loopback server (sequential, rate limit off, embed page only)',
      ours: `${fmt(best.cached)} calls/s`,
      baseline: `${fmt(best.network)} calls/s`,
      ratio: `${fmt(best.cached / best.network, 1)}×`,
      note: 'goal ≥ 50×',
    },
    {
      section: 'cache',
      measure: 'heap per in-memory cache entry (5,000 tracks) vs the JSON size of the entry',
      ours: `${fmt(memory.bytesPerEntry)} bytes`,
      baseline: `${fmt(memory.jsonBytes)} bytes JSON`,
      ratio: `${fmt(memory.bytesPerEntry / memory.jsonBytes, 2)}×`,
      note: 'goal ≤ 3×',
    },
  ];
}
