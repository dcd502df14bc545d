import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';
import type { Crawl, CrawlProgress, CrawlStatus } from '../crawl/index.js';
import { InvalidInputError } from '../errors.js';
import type { CommandSpec, Flags, WholeRun } from './command-spec.js';
import { EXIT } from './messages.js';
import { canDrawProgress, ProgressLine } from './progress.js';
import { collectValues } from './values.js';

const ACTIONS = ['add', 'work', 'status', 'export', 'retry', 'drop'] as const;
type Action = (typeof ACTIONS)[number];

/**
 * `spotify-scraper crawl add|work|status|export|retry|drop --redis URL --name NAME`: a durable crawl on
 * BullMQ (SPEC §12). `work` runs until the crawl is done (or Ctrl-C / SIGTERM: the active jobs finish
 * or go back, exit 0), with a progress line on a terminal.
 */
export const crawlCommand: CommandSpec = {
  name: 'crawl',
  args: '<action> [values...]',
  firstArgument: 'action',
  summary:
    'a durable crawl on Redis (needs bullmq): add seeds, work on it from any number of processes, status, export NDJSON, retry, drop',
  input: 'none',
  uses: ['input', 'network', 'pace', 'retries', 'batch', 'fleet'],
  options: (command) =>
    command
      .requiredOption('--redis <url>', 'the Redis the crawl lives on (redis://host:port)')
      .requiredOption('--name <name>', 'the crawl (letters, digits, _ - .)')
      .option('--no-expand', "add: the seeds only, not their items (a playlist's tracks, an artist's albums…)")
      .option('--summary', 'work: tracks and episodes as list summaries, 50 a request')
      .option('--out <file>', 'export: write the NDJSON here (written whole or not at all; default stdout)')
      .option('--json', 'status: as JSON'),
  prepare: (flags) => {
    actionOf(flags);
    return () => Promise.resolve(undefined);
  },
  whole: async (run) => {
    const action = actionOf(run.flags);
    const { Crawl } = await import('../crawl/index.js');
    const crawl = new Crawl({
      name: String(run.flags['name']),
      redis: String(run.flags['redis']),
      client: run.options,
      detail: run.flags['summary'] === true ? 'summary' : 'full',
    });
    try {
      return await ACTION_RUNS[action](crawl, run);
    } finally {
      await crawl.close();
    }
  },
};

function actionOf(flags: Flags): Action {
  const action = flags['action'];
  if (!(ACTIONS as readonly unknown[]).includes(action))
    throw new InvalidInputError(
      `crawl takes ${ACTIONS.join(', ')}; got ${JSON.stringify(String(action)).slice(0, 40)}`,
    );
  return action as Action;
}

const json = (run: WholeRun, value: unknown): void => void run.io.stdout.write(`${JSON.stringify(value)}\n`);

const ACTION_RUNS: Readonly<Record<Action, (crawl: Crawl, run: WholeRun) => Promise<number>>> = {
  add: async (crawl, run) => {
    const values = await collectValues(run.args, run.flags['input'] as string | undefined, run.stdin as never);
    json(run, await crawl.add(values, { expand: run.flags['expand'] !== false }));
    return EXIT.ok;
  },
  work: async (crawl, run) => {
    const stop = new AbortController();
    const onSignal = (): void => stop.abort();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    const stderr = run.io.stderr as NodeJS.WritableStream & { isTTY?: boolean };
    const quiet = run.flags['quiet'] === true || run.flags['progress'] === false;
    const line = !quiet && canDrawProgress(stderr, 2) ? new ProgressLine(stderr, 1) : undefined;
    try {
      const concurrency = run.flags['concurrency'] === undefined ? undefined : Number(run.flags['concurrency']);
      const { stored } = await crawl.work({
        concurrency,
        signal: stop.signal,
        onProgress: (progress) => line?.show(progressText(crawl.name, progress)),
      });
      line?.done();
      json(run, { stored, stopped: stop.signal.aborted });
      return EXIT.ok;
    } finally {
      line?.done();
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  },
  status: async (crawl, run) => {
    const status = await crawl.status();
    if (run.flags['json'] === true) run.io.stdout.write(`${JSON.stringify(status, null, 2)}\n`);
    else run.io.stdout.write(statusText(status));
    return EXIT.ok;
  },
  export: async (crawl, run) => {
    const out = run.flags['out'] as string | undefined;
    if (out === undefined) {
      for await (const entity of crawl.results()) run.io.stdout.write(`${JSON.stringify(entity)}\n`);
      return EXIT.ok;
    }
    const written = await exportTo(crawl, out);
    run.io.stderr.write(`wrote ${written} entities to ${out}\n`);
    return EXIT.ok;
  },
  retry: async (crawl, run) => {
    json(run, { retried: await crawl.retryFailed() });
    return EXIT.ok;
  },
  drop: async (crawl, run) => {
    await crawl.drop();
    json(run, { dropped: crawl.name });
    return EXIT.ok;
  },
};

/** `done/total by type, rate, ETA` on one line. */
export function progressText(name: string, progress: CrawlProgress): string {
  const done = Object.values(progress.done).reduce((sum, count) => sum + (count ?? 0), 0);
  const byType = Object.entries(progress.done)
    .map(([type, count]) => `${type} ${count}`)
    .join(', ');
  const left = Math.max(0, progress.total - done - progress.failed);
  const eta = progress.perSecond > 0 ? ` ETA ${clock(left / progress.perSecond)}` : '';
  const failed = progress.failed > 0 ? `, ${progress.failed} failed` : '';
  return `crawl ${name}: ${done}/${progress.total} (${byType || 'nothing yet'}${failed}) ${progress.perSecond.toFixed(1)}/s${eta}`;
}

function clock(seconds: number): string {
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

function statusText(status: CrawlStatus): string {
  const { jobs } = status;
  const lines = [
    `crawl ${status.name}${status.paused ? ' (paused)' : ''}`,
    `jobs: ${jobs.waiting} waiting, ${jobs.active} active, ${jobs.delayed} delayed, ${jobs.completed} done, ${jobs.failed} failed`,
    `results: ${status.results} (${
      Object.entries(status.done)
        .map(([type, count]) => `${type} ${count}`)
        .join(', ') || 'none'
    })`,
    ...status.failed.map((job) => `failed: ${job.type} ${job.id}: ${job.reason}`),
  ];
  return `${lines.join('\n')}\n`;
}

/** The results as NDJSON in a hidden temp file beside `out`, renamed once whole: never a partial file. */
async function exportTo(crawl: Crawl, out: string): Promise<number> {
  const temp = join(dirname(out), `.${basename(out)}.${randomBytes(6).toString('hex')}.part`);
  let count = 0;
  try {
    const file = createWriteStream(temp, { flags: 'wx' });
    const failed = new Promise<never>((_resolve, reject) => file.once('error', reject));
    failed.catch(() => undefined);
    for await (const entity of crawl.results()) {
      if (!file.write(`${JSON.stringify(entity)}\n`)) await Promise.race([once(file, 'drain'), failed]);
      count += 1;
    }
    await Promise.race([new Promise<void>((resolve) => file.end(resolve)), failed]);
    await rename(temp, out);
    return count;
  } catch (error) {
    await rm(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code) throw new InvalidInputError(`Cannot write --out ${out}: ${code}`);
    throw error;
  }
}

function once(stream: NodeJS.WritableStream, event: string): Promise<void> {
  return new Promise((resolve) => stream.once(event, () => resolve()));
}
