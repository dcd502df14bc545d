/**
 * Download section: a 100 MB body streamed from loopback to disk by downloadPreview, versus a bare
 * undici stream to disk, each in a fresh process. Reports throughput ratio and peak RSS growth.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fmt, startServer, type Row } from './util.js';

const MIB = 2 ** 20;
const CHUNK = Buffer.alloc(64 * 1024, 0x55);

interface Measure {
  mbPerSecond: number;
  rssGrowthMb: number;
}

export async function benchDownload(): Promise<Row[]> {
  let bytes = 100 * MIB;
  const { origin, close } = await startServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'audio/mpeg', 'content-length': String(bytes) });
    let sent = 0;
    const pump = (): void => {
      while (sent < bytes) {
        sent += CHUNK.length;
        if (!res.write(CHUNK)) return void res.once('drain', pump);
      }
      res.end();
    };
    pump();
  });
  const run = (mode: string): Promise<Measure> =>
    new Promise((resolve, reject) => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', join(import.meta.dirname, 'download-child.ts'), mode, origin, String(bytes)],
        {
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.on('exit', (code) =>
        code === 0
          ? resolve(JSON.parse(out.trim().split('\n').at(-1) as string) as Measure)
          : reject(new Error(`download child ${mode} exited ${code}`)),
      );
    });
  const bare: Measure[] = [];
  const ours: Measure[] = [];
  for (let round = 0; round < 3; round += 1) {
    bare.push(await run('bare'));
    ours.push(await run('ours'));
  }
  // The same download at 4x the size: streaming keeps the growth flat instead of proportional.
  bytes = 400 * MIB;
  const large = await run('ours');
  await close();
  const best = (list: Measure[]) => Math.max(...list.map((m) => m.mbPerSecond));
  const peak = (list: Measure[]) => Math.max(...list.map((m) => m.rssGrowthMb));
  return [
    {
      section: 'download',
      measure: '100 MiB preview streamed from loopback to disk (best of 3, fresh process each)',
      ours: `${fmt(best(ours))} MiB/s`,
      baseline: `${fmt(best(bare))} MiB/s bare undici stream`,
      ratio: fmt(best(ours) / best(bare), 3),
    },
    {
      section: 'download',
      measure: 'peak RSS growth during that download',
      ours: `${fmt(peak(ours), 1)} MiB`,
      baseline: `${fmt(peak(bare), 1)} MiB bare undici stream`,
      ratio: fmt(peak(ours) / Math.max(peak(bare), 0.1), 2),
      note: `garbage-collector slack, not buffering: a 400 MiB body grows RSS by ${fmt(large.rssGrowthMb, 1)} MiB`,
    },
  ];
}
