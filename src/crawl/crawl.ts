import type * as BullMQ from 'bullmq';
import type { Job, Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import {
  AsyncSpotifyClient,
  InvalidInputError,
  NotFoundError,
  RateLimitedError,
  SpotifyScraperError,
  parseSpotifyUrl,
} from './library.js';
import type { EntityType } from '../models/entities.js';
import type { ClientOptions } from '../options.js';
import { quote } from '../redact.js';
import { JobFetcher, type CrawlDetail } from './fetch-job.js';
import { JobDataSchema, type JobData } from './job-data.js';
import { loadBullmq, loadIoredis } from './load-bullmq.js';
import { PREFIX, checkName, jobIdOf, keysOf, type CrawlKeys } from './names.js';
import { ResultStore } from './result-store.js';

/** How to reach a crawl and how its workers fetch. */
export interface CrawlOptions {
  /** The crawl's name: letters, digits, `_`, `-`, `.` (it names Redis keys). Crawls of other names never meet. */
  name: string;
  /** The Redis the crawl lives on (`redis://host:port`): its queue (BullMQ), its results, and by default the fleet budget. */
  redis: string;
  /** The options of every worker's client (rate limit, proxy, cache, cookies…). Without `fleet`, the workers share one rate limit on this Redis. */
  client?: ClientOptions | undefined;
  /** Tracks and episodes whole, or as list-request summaries (50 a request: SPEC §11). @default 'full' */
  detail?: CrawlDetail | undefined;
  /** Attempts of a job that fails with a retryable error (network, 5xx) before it ends `failed`. @default 5 */
  attempts?: number | undefined;
  /** How long a worker's hold on a job lasts without renewal: a killed worker's jobs come back after it. @default 30_000 */
  lockDurationMs?: number | undefined;
}

/** How one process works on a crawl. */
export interface WorkOptions {
  /** Jobs at once in this process (the client's rate limit still paces the requests). @default 50 */
  concurrency?: number | undefined;
  /** Called with each entity this process stored (once per entity across the crawl). */
  onResult?: ((entity: unknown) => void) | undefined;
  /** Called about twice a second with the crawl's progress. */
  onProgress?: ((progress: CrawlProgress) => void) | undefined;
  /** Stops taking jobs: the active ones finish (or, after `closeTimeoutMs`, go back to the queue). */
  signal?: AbortSignal | undefined;
  /** Resolve once the crawl has nothing left to do (the default), or only on `signal`. @default true */
  untilDone?: boolean | undefined;
  /** How long a stop waits for the active jobs before it hands them back. @default 10_000 */
  closeTimeoutMs?: number | undefined;
}

/** The crawl's progress, as `work` reports it. */
export interface CrawlProgress {
  /** Entities stored, by type. */
  done: Partial<Record<EntityType, number>>;
  /** Jobs known: done, failed, and still to do. */
  total: number;
  failed: number;
  /** Entities stored per second by this process since `work` started. */
  perSecond: number;
}

/** A job that ended `failed`, and why. */
export interface FailedJob {
  job: string;
  type: string;
  id: string;
  reason: string;
  attempts: number;
}

/** `status()`: the crawl's jobs by state, its results by type, its failed jobs. */
export interface CrawlStatus {
  name: string;
  paused: boolean;
  jobs: { waiting: number; active: number; delayed: number; completed: number; failed: number };
  results: number;
  done: Partial<Record<EntityType, number>>;
  /** The first 100 failed jobs. */
  failed: FailedJob[];
}

const STATES = ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children', 'completed', 'failed'] as const;

/**
 * A durable crawl on BullMQ (SPEC §12): seeds become one job per entity (an entity reached twice is one
 * job), any number of processes on any number of machines `work` on it under one rate limit, results
 * are stored once per uri in Redis, and a killed worker loses nothing (its jobs come back).
 *
 * ```ts
 * await using crawl = new Crawl({ name: 'label', redis: 'redis://127.0.0.1:6379', detail: 'summary' });
 * await crawl.add(['spotify:artist:4tZwfgrHOc3mvqYlEYSvVi']);
 * await crawl.work({ concurrency: 50 });
 * for await (const entity of crawl.results()) console.log(entity);
 * ```
 */
export class Crawl {
  readonly name: string;
  readonly #url: string;
  readonly #keys: CrawlKeys;
  readonly #options: CrawlOptions;
  #parts: Promise<{ bullmq: typeof BullMQ; redis: Redis; queue: Queue; store: ResultStore }> | undefined;

  constructor(options: CrawlOptions) {
    this.name = checkName(options?.name);
    if (typeof options.redis !== 'string' || !/^rediss?:\/\//.test(options.redis))
      throw new InvalidInputError(`A crawl's redis is a redis:// URL, got ${quote(options.redis, 40)}`);
    const detail = options.detail ?? 'full';
    if (detail !== 'full' && detail !== 'summary')
      throw new InvalidInputError(`A crawl's detail is 'full' or 'summary', got ${quote(detail)}`);
    this.#url = options.redis;
    this.#keys = keysOf(this.name);
    this.#options = { ...options, detail };
  }

  /** The queue and the results store, opened by the first call (BullMQ loaded then). */
  #open() {
    this.#parts ??= (async () => {
      const bullmq = await loadBullmq();
      const Redis = loadIoredis();
      const redis = new Redis(this.#url, { maxRetriesPerRequest: 3 });
      redis.on('error', () => undefined);
      const queue = new bullmq.Queue(this.#keys.queue, { connection: redis, prefix: PREFIX });
      queue.on('error', () => undefined);
      return { bullmq, redis, queue, store: new ResultStore(redis, this.#keys) };
    })();
    return this.#parts;
  }

  #jobOf(data: JobData) {
    return {
      name: data.type,
      data,
      opts: {
        jobId: jobIdOf(data.type, data.id),
        attempts: this.#options.attempts ?? 5,
        backoff: { type: 'exponential', delay: 1_000 },
        removeOnComplete: false,
        removeOnFail: false,
      },
    };
  }

  /**
   * Adds seeds: each a Spotify value with its type (a URI or an open.spotify.com URL; a bare id is
   * refused: its type is not known). All are checked before any is added. An entity already in the
   * crawl (added, or reached by an expansion) is not added again.
   */
  async add(values: readonly string[], options: { expand?: boolean } = {}): Promise<{ added: number; known: number }> {
    if (!Array.isArray(values)) throw new InvalidInputError('Crawl.add takes an array of values');
    const expand = options.expand ?? true;
    const seeds = values.map((value) => {
      const ref = parseSpotifyUrl(value);
      if (ref.type === null)
        throw new InvalidInputError(
          `A crawl seed needs its type: ${quote(value, 60)} is a bare id (give spotify:track:ID or its URL)`,
        );
      return { type: ref.type, id: ref.id, expand };
    });
    const { queue } = await this.#open();
    let added = 0;
    for (const seed of seeds) {
      const state = await queue.getJobState(jobIdOf(seed.type, seed.id));
      if (state !== 'unknown') continue;
      const job = this.#jobOf(seed);
      await queue.add(job.name, job.data, job.opts);
      added += 1;
    }
    return { added, known: seeds.length - added };
  }

  /**
   * Works on the crawl in this process until it has nothing left to do (or `signal` stops it). Run it on
   * as many processes and machines as you like: they share the jobs and one rate limit.
   */
  async work(options: WorkOptions = {}): Promise<{ stored: number }> {
    const { bullmq, queue, store } = await this.#open();
    const concurrency = options.concurrency ?? 50;
    if (!Number.isSafeInteger(concurrency) || concurrency < 1)
      throw new InvalidInputError(`concurrency must be a whole number >= 1, got ${quote(concurrency)}`);
    const clientOptions: ClientOptions = { ...this.#options.client };
    clientOptions.fleet ??= { redis: this.#url };
    const client = new AsyncSpotifyClient(clientOptions);
    const fetcher = new JobFetcher(client, this.#options.detail ?? 'full');
    const Redis = loadIoredis();
    // A worker's connection waits for Redis when it goes away (no job is lost; the worker resumes).
    const connection = new Redis(this.#url, { maxRetriesPerRequest: null });
    connection.on('error', () => undefined);
    const stop = new AbortController();
    let stored = 0;
    const processor = async (job: Job): Promise<null> => {
      const parsed = JobDataSchema.safeParse(job.data);
      if (!parsed.success)
        throw new bullmq.UnrecoverableError(`job ${quote(job.id, 60)}: its data is not what Crawl.add wrote`);
      try {
        const fetched = await fetcher.fetch(parsed.data, stop.signal);
        if (fetched.children.length > 0) await queue.addBulk(fetched.children.map((child) => this.#jobOf(child)));
        if (await store.put(parsed.data.type, fetched.uri, fetched.entity)) {
          stored += 1;
          options.onResult?.(fetched.entity);
        }
        return null;
      } catch (error) {
        if (error instanceof RateLimitedError) {
          // Every worker of the crawl waits; the job goes back without using an attempt.
          await queue.rateLimit(Math.max(1_000, error.retryAfterMs ?? 1_000));
          throw bullmq.Worker.RateLimitError();
        }
        if (error instanceof NotFoundError || error instanceof InvalidInputError)
          throw new bullmq.UnrecoverableError(`${error.name}: ${error.message}`);
        throw error instanceof SpotifyScraperError ? new Error(`${error.name}: ${error.message}`) : error;
      }
    };
    const lock = this.#options.lockDurationMs ?? 30_000;
    const worker: Worker = new bullmq.Worker(this.#keys.queue, processor, {
      connection,
      prefix: PREFIX,
      concurrency,
      lockDuration: lock,
      stalledInterval: Math.max(500, Math.floor(lock / 2)),
      maxStalledCount: 10,
    });
    worker.on('error', () => undefined);
    const started = performance.now();
    const progress = async (): Promise<boolean> => {
      const counts = await queue.getJobCounts(...STATES);
      const left = STATES.slice(0, 5).reduce((sum, state) => sum + (counts[state] ?? 0), 0);
      const failed = counts['failed'] ?? 0;
      options.onProgress?.({
        done: await store.doneByType(),
        total: left + (counts['completed'] ?? 0) + failed,
        failed,
        perSecond: stored / Math.max(0.001, (performance.now() - started) / 1000),
      });
      return left === 0;
    };
    const untilDone = options.untilDone ?? true;
    try {
      await new Promise<void>((resolve) => {
        const onAbort = (): void => resolve();
        options.signal?.addEventListener('abort', onAbort, { once: true });
        if (options.signal?.aborted) return resolve();
        const tick = async (): Promise<void> => {
          if (options.signal?.aborted) return;
          const done = await progress().catch(() => false);
          if (done && untilDone) {
            options.signal?.removeEventListener('abort', onAbort);
            resolve();
          } else setTimeout(() => void tick(), 500).unref();
        };
        setTimeout(() => void tick(), 200).unref();
      });
    } finally {
      await closeWorker(worker, options.closeTimeoutMs ?? 10_000);
      stop.abort(new Error('the crawl worker stopped'));
      await client.close();
      await connection.quit().catch(() => connection.disconnect());
    }
    return { stored };
  }

  /** The crawl's jobs by state, its results by type, and its failed jobs. */
  async status(): Promise<CrawlStatus> {
    const { queue, store } = await this.#open();
    const counts = await queue.getJobCounts(...STATES);
    const failedJobs = await queue.getFailed(0, 99);
    return {
      name: this.name,
      paused: await queue.isPaused(),
      jobs: {
        waiting: (counts['waiting'] ?? 0) + (counts['prioritized'] ?? 0) + (counts['waiting-children'] ?? 0),
        active: counts['active'] ?? 0,
        delayed: counts['delayed'] ?? 0,
        completed: counts['completed'] ?? 0,
        failed: counts['failed'] ?? 0,
      },
      results: await store.count(),
      done: await store.doneByType(),
      failed: failedJobs.map((job) => ({
        job: String(job.id),
        type: String((job.data as Partial<JobData> | undefined)?.type ?? ''),
        id: String((job.data as Partial<JobData> | undefined)?.id ?? ''),
        reason: job.failedReason ?? '',
        attempts: job.attemptsMade,
      })),
    };
  }

  /** Every stored entity, each once, in a stable order (by uri). */
  async *results(): AsyncGenerator<unknown, void, undefined> {
    const { store } = await this.#open();
    yield* store.read();
  }

  /** Sends every failed job back to be done again; resolves to how many. */
  async retryFailed(): Promise<number> {
    const { queue } = await this.#open();
    const failed = (await queue.getJobCounts('failed'))['failed'] ?? 0;
    await queue.retryJobs({ state: 'failed' });
    return failed;
  }

  /** Workers stop taking jobs (everywhere) until `resume()`. */
  async pause(): Promise<void> {
    await (await this.#open()).queue.pause();
  }

  async resume(): Promise<void> {
    await (await this.#open()).queue.resume();
  }

  /** Deletes the crawl: its jobs and its results. */
  async drop(): Promise<void> {
    const { queue, store } = await this.#open();
    await queue.obliterate({ force: true });
    await store.drop();
  }

  /** Closes this handle's connections (workers close their own when `work` ends). */
  async close(): Promise<void> {
    const parts = this.#parts;
    this.#parts = undefined;
    if (!parts) return;
    const { queue, redis } = await parts;
    await queue.close();
    await redis.quit().catch(() => redis.disconnect());
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}

/** Closes a worker: its active jobs finish, or after `ms` are handed back (force) for another worker. */
async function closeWorker(worker: Worker, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), ms)));
  const closed = worker.close().then(() => 'closed' as const);
  const first = await Promise.race([closed, timedOut]);
  clearTimeout(timer);
  if (first === 'timeout') await worker.close(true);
}
