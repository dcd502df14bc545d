/** Runs one chaos soak: the chaos server and the client driver, each in a process of its own. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { request } from 'undici';

export interface SoakResult {
  calls: number;
  outcomes: Record<string, number>;
  unexpected: string[];
  unhandled: string[];
  warnings: number;
  /** The worst scheduling delay the driver and the server measured, ms. */
  delayMs: number;
  serverDelayMs: number;
  longestMs: number;
  longestShare: number;
  heap: { start: number; middle: number; end: number; afterClose: number };
  rate: { perSecond: number; burst: number };
  closedAt: number;
  /** The driver's exit code, and how long after close() it exited by itself. */
  code: number | null;
  exitAfterCloseMs: number;
  /** Arrival times at the server (ms) per host, and the faults it injected. */
  arrivals: Record<string, number[]>;
  faults: Record<string, number>;
}

const HERE = import.meta.dirname;

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const end = out.indexOf('\n');
      if (end >= 0) resolve(out.slice(0, end));
    });
    child.on('exit', (code) => reject(new Error(`the chaos server exited (${code}) before it started`)));
  });
}

export async function runSoak(options: { calls: number; seed: number; cache: string }): Promise<SoakResult> {
  const server = spawn(process.execPath, ['--import', 'tsx', join(HERE, 'server.ts'), String(options.seed)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const { origin, catalogue } = JSON.parse(await firstLine(server)) as { origin: string; catalogue: unknown };
    const driver = spawn(
      process.execPath,
      [
        '--expose-gc',
        '--import',
        'tsx',
        join(HERE, 'driver.ts'),
        origin,
        JSON.stringify(catalogue),
        String(options.calls),
        String(options.seed),
        options.cache,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    driver.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => driver.on('exit', resolve));
    const exitedAt = Date.now();
    const result = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as SoakResult;
    const stats = (await (await request(`${origin}/__chaos/stats`)).body.json()) as Pick<
      SoakResult,
      'arrivals' | 'faults' | 'serverDelayMs'
    >;
    return { ...result, ...stats, code, exitAfterCloseMs: exitedAt - result.closedAt };
  } finally {
    server.kill('SIGTERM');
  }
}
