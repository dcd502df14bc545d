/**
 * Crawls (SPEC §12): three worker processes crawl 2,000 entities from the fake Spotify under one fleet
 * rate limit on a real redis-server: the rate achieved at the fake vs the one configured, the Redis
 * commands per entity (jobs, results and the fleet's limiter together), and the Redis memory per entity.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as IORedis from 'ioredis';
import { Crawl } from '../src/crawl/index.js';
import { fakePlaylist, startFakeSpotify } from '../src/testing/index.js';
import { startRedis } from '../test/helpers/redis.js';
import { fmt, type Row } from './util.js';

const WORKER = join(import.meta.dirname, '..', 'test', 'helpers', 'crawl-worker.ts');
const [PER_SECOND, BURST, WORKERS] = [150, 10, 3];

export async function benchCrawl(): Promise<Row[]> {
  const redis = await startRedis();
  const spotify = await startFakeSpotify();
  const { Redis } = createRequire(import.meta.url)('ioredis') as typeof IORedis;
  const admin = new Redis(redis.url);
  try {
    // 8 playlists of 249 tracks: 2,000 entities.
    const playlists = Array.from({ length: 8 }, () => spotify.add(fakePlaylist({}, 249)));
    const name = 'bench';
    const crawl = new Crawl({ name, redis: redis.url });
    const info = async () => {
      const text = await admin.info();
      const field = (key: string) => Number(new RegExp(`^${key}:(\\d+)`, 'm').exec(text)?.[1] ?? 0);
      return { commands: field('total_commands_processed'), memory: field('used_memory') };
    };
    const before = await info();
    await crawl.add(playlists.map((playlist) => playlist.uri));
    const first = spotify.requests.length;
    const ends = await Promise.all(
      Array.from(
        { length: WORKERS },
        () =>
          new Promise<number | null>((resolve) => {
            const child = spawn(
              process.execPath,
              [
                '--import',
                'tsx',
                WORKER,
                redis.url,
                name,
                spotify.origin,
                String(PER_SECOND),
                String(BURST),
                String(WORKERS),
              ],
              { stdio: ['ignore', 'ignore', 'inherit'] },
            );
            child.on('exit', resolve);
          }),
      ),
    );
    if (ends.some((code) => code !== 0)) throw new Error(`a crawl worker exited ${ends.join(', ')}`);
    const after = await info();
    const status = await crawl.status();
    const entities = status.results;
    if (entities !== 2_000) throw new Error(`the crawl stored ${entities} entities, not 2,000`);
    const resultsBytes = Number(await admin.memory('USAGE', `spotify-scraper:crawl:${name}:results`));
    // The rate at the busiest host: its requests over the time from its first to its last.
    const requests = spotify.requests.slice(first);
    const byHost = new Map<string, number[]>();
    for (const request of requests) byHost.set(request.host, [...(byHost.get(request.host) ?? []), request.receivedAt]);
    const [host, times] = [...byHost].sort((a, b) => b[1].length - a[1].length)[0] as [string, number[]];
    const seconds = ((times.at(-1) as number) - (times[0] as number)) / 1000;
    // The burst is free at the start: the paced part is what the rate governs.
    const achieved = (times.length - BURST) / seconds;
    await crawl.drop();
    await crawl.close();
    return [
      {
        section: 'crawl',
        measure: `achieved rate at the fake (${host}, ${fmt(times.length)} requests), ${WORKERS} worker processes crawling 2,000 entities under one fleet limit`,
        ours: `${fmt(achieved, 1)} req/s`,
        baseline: `${PER_SECOND} req/s configured`,
        ratio: fmt(achieved / PER_SECOND, 3),
        note: 'goal ≥ 0.9',
      },
      {
        section: 'crawl',
        measure: 'Redis commands per entity (BullMQ jobs, results, the fleet limiter), same crawl',
        ours: fmt((after.commands - before.commands) / entities, 1),
        baseline: `${fmt(requests.length / entities, 2)} requests per entity`,
        ratio: fmt((after.commands - before.commands) / requests.length, 1),
        note: 'commands per request to Spotify',
      },
      {
        section: 'crawl',
        measure: 'Redis memory per entity: everything the crawl keeps (jobs kept for deduplication, results)',
        ours: `${fmt((after.memory - before.memory) / entities, 0)} bytes`,
        baseline: `${fmt(resultsBytes / entities, 0)} bytes of it the stored result`,
        ratio: fmt((after.memory - before.memory) / resultsBytes, 2),
        note: 'a completed job is kept so that an entity reached again is not fetched again',
      },
    ];
  } finally {
    admin.disconnect();
    await spotify.close();
    await redis.stop();
  }
}
