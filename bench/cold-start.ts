/**
 * Cold start: a fresh process importing the package, and `spotify-scraper --help`, each against a
 * fresh bare `node -e 0`, median of 10 runs each, taken in turn (A B A B …) so drift hits both.
 * `BENCH_BEFORE_DIST=/path/to/an/older/dist` adds the same rows for another build, in the same run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fmt, type Row } from './util.js';

const RUNS = 10;

function wallMs(args: string[]): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status}`);
  return performance.now() - start;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** Medians of `command` and of bare node, measured in turn. */
function pair(command: string[]): { ours: number; bare: number } {
  const ours: number[] = [];
  const bare: number[] = [];
  wallMs(command); // warm the file cache
  for (let run = 0; run < RUNS; run += 1) {
    ours.push(wallMs(command));
    bare.push(wallMs(['-e', '0']));
  }
  return { ours: median(ours), bare: median(bare) };
}

function rows(dist: string, label: string): Row[] {
  const index = pathToFileURL(join(dist, 'index.js')).href;
  const cases: Array<[string, string[]]> = [
    [
      `${label}: import('spotify-scraper') in a fresh process`,
      ['--input-type=module', '-e', `await import(${JSON.stringify(index)})`],
    ],
    [`${label}: spotify-scraper --help`, [join(dist, 'cli.js'), '--help']],
  ];
  return cases.map(([measure, command]) => {
    const { ours, bare } = pair(command);
    const above = (ours - bare) / 1000;
    return {
      section: 'cold-start',
      measure: `${measure} vs bare node -e 0 (median of ${RUNS})`,
      ours: `${fmt(ours / 1000, 3)} s`,
      baseline: `${fmt(bare / 1000, 3)} s`,
      ratio: `${fmt(ours / bare, 2)}×`,
      note: `${fmt(above, 3)} s above bare node; goal ≤ 0.150 s`,
    };
  });
}

export async function benchColdStart(): Promise<Row[]> {
  const dist = join(import.meta.dirname, '..', 'dist');
  if (!existsSync(join(dist, 'cli.js'))) throw new Error('cold-start needs a build: npm run build');
  const before = process.env['BENCH_BEFORE_DIST'];
  return [...(before ? rows(before, 'before') : []), ...rows(dist, before ? 'after' : 'this build')];
}
