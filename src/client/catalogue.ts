import { z } from 'zod';
import { InvalidInputError, NotFoundError, SpotifyScraperError, optionError } from '../errors.js';
import { EpisodeSummarySchema, type EpisodeSummary } from '../models/episode-summary.js';
import { ENTITY_SCHEMAS, entityUri, type EntityType } from '../models/entities.js';
import type { Episode, Track } from '../models/index.js';
import { TrackSummarySchema, type TrackSummary } from '../models/track-summary.js';
import { validateModel } from '../parse/validate.js';
import { OPERATIONS } from '../partner/operations.js';
import { callOperation } from '../partner/query.js';
import { quote } from '../redact.js';
import { loadPLimit, type BatchResult } from './batch.js';
import type { BatchOptions, Detail, EpisodeBatchOptions, TrackBatchOptions } from './call-options.js';
import { queryContext, type ClientContext } from './context.js';
import { getEntity, loadEntity } from './entity-loader.js';
import type { Outcome } from '../cache/remember.js';
import { ListLoader } from './list-loader.js';
import { resolveId } from './short-link.js';

/** How a value of a list batch was read: by a list operation, by its own getter, or from the cache. */
export type BatchMode = 'list' | 'entity' | 'cache';

/** One entry of `getTracks` / `getEpisodes`: a batch entry, and how its value was read. */
export type ListBatchResult<T> = BatchResult<T> & { mode: BatchMode };

/** What a track of `getTracks` is, by its options: a summary or a track, with `isrc` when asked. */
export type TrackOf<O> = (O extends { detail: 'summary' } ? TrackSummary : Track) &
  (O extends { externalIds: true } ? { isrc: string | null } : unknown);

/** A model with `isrc` when the options ask for external ids. */
export type WithIsrc<O, T> = O extends { externalIds: true } ? T & { isrc: string | null } : T;

/** What an episode of `getEpisodes` is, by its options. */
export type EpisodeOf<O> = O extends { detail: 'summary' } ? EpisodeSummary : Episode;

const NullableIsrc = z.string().nullable();

/** Reads one batch's values, recording each one's mode and the list operations that failed. */
class BatchRun {
  readonly modes = new Map<string, BatchMode>();
  readonly failures = new Map<string, { count: number; why: string }>();

  constructor(
    readonly context: ClientContext,
    readonly signal: AbortSignal | undefined,
    readonly fresh: boolean | undefined,
  ) {}

  /** A list operation failed as a whole for `count` values: they take their own getters (said once). */
  failed(operation: string, error: unknown, count = 1): void {
    if (this.signal?.aborted) throw this.signal.reason;
    const entry = this.failures.get(operation) ?? { count: 0, why: messageOf(error) };
    entry.count += count;
    this.failures.set(operation, entry);
  }

  warn(): void {
    for (const [operation, { count, why }] of this.failures)
      this.context.options.onWarning?.(
        `${operation} failed (${why}): ${count} value(s) of this batch took their own getters instead`,
      );
  }

  /** The value of one id through the cache and single flight; its mode recorded (a hit is 'cache'). */
  async read<T>(
    parts: ReadonlyArray<string | number | boolean | null>,
    schema: z.ZodType,
    id: string,
    work: (signal: AbortSignal | undefined, outcome: Outcome) => Promise<{ value: T; mode: BatchMode }>,
  ): Promise<T> {
    let mode: BatchMode = 'cache';
    const value = (await this.context.remember(
      parts,
      schema,
      { fresh: this.fresh, signal: this.signal },
      async (inner, outcome) => {
        const done = await work(inner, outcome);
        mode = done.mode;
        return done.value;
      },
    )) as T;
    if (!this.modes.has(id) || mode !== 'cache') this.modes.set(id, mode);
    return value;
  }
}

function detailOf(detail: unknown): Detail {
  if (detail === undefined || detail === 'full' || detail === 'summary') return detail ?? 'full';
  throw optionError('detail', `must be 'summary' or 'full', got ${quote(detail)}`, '');
}

function concurrencyOf(context: ClientContext, options: BatchOptions): number {
  const concurrency = options.concurrency ?? context.options.maxConcurrency;
  if (!Number.isSafeInteger(concurrency) || concurrency < 1)
    throw optionError('concurrency', `must be a whole number >= 1, got ${quote(concurrency)}`, '');
  return concurrency;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A track as a summary: what a `Track` has that a `TrackSummary` has too. */
export function summaryOfTrack(track: Track): TrackSummary {
  const { type, id, uri, url, name, durationMs, explicit, playable, previewUrl, artists, images, album } = track;
  return { type, id, uri, url, name, durationMs, explicit, playable, previewUrl, artists, images, album };
}

/** An episode as a summary. */
export function summaryOfEpisode(episode: Episode): EpisodeSummary {
  const { show } = episode;
  return {
    type: 'episode',
    id: episode.id,
    uri: episode.uri,
    url: episode.url,
    name: episode.name,
    description: episode.description,
    durationMs: episode.durationMs,
    explicit: episode.explicit,
    playable: episode.playable,
    releaseDate: episode.releaseDate,
    images: episode.images,
    previewUrl: episode.previewUrl,
    show: show && { id: show.id, uri: show.uri, name: show.name, publisher: show.publisher },
  };
}

/**
 * Runs `each` over the values' ids, every one at once (they wait on their group's request), and gives
 * the entries in input order: a value that is not one of `type` is its entry's error; duplicates are
 * read once; an abort rejects the batch.
 */
export async function runListBatch<T>(
  context: ClientContext,
  type: EntityType,
  values: readonly string[],
  options: BatchOptions,
  each: (run: BatchRun, id: string) => Promise<T>,
): Promise<Array<ListBatchResult<T>>> {
  if (!Array.isArray(values)) throw new InvalidInputError('A batch takes an array of values');
  const { signal, onProgress } = options;
  signal?.throwIfAborted();
  const run = new BatchRun(context, signal, options.fresh);
  const byId = new Map<string, Promise<T>>();
  let completed = 0;
  const entries = values.map(async (value): Promise<ListBatchResult<T>> => {
    let entry: ListBatchResult<T>;
    let id: string | undefined;
    try {
      id = await resolveId(context.http, type, value, signal);
      let reading = byId.get(id);
      if (!reading) byId.set(id, (reading = each(run, id)));
      entry = { value, ok: true, result: await reading, mode: run.modes.get(id) ?? 'entity' };
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      const failure =
        error instanceof SpotifyScraperError ? error : new SpotifyScraperError(String(error), { cause: error });
      entry = {
        value,
        ok: false,
        error: failure,
        mode: (id === undefined ? undefined : run.modes.get(id)) ?? 'entity',
      };
    }
    completed += 1;
    onProgress?.({ completed, total: values.length, value, ok: entry.ok });
    return entry;
  });
  try {
    return await Promise.all(entries);
  } finally {
    // However the batch ended, its list failures are said once.
    if (!signal?.aborted) run.warn();
  }
}

/** A track or episode has no list to cut. */
const WHOLE = { maxTracks: Infinity, maxEpisodes: Infinity };

/** The loaders of one batch's list operations, `concurrency` groups at a time. */
type Limit = <R>(work: () => Promise<R>) => Promise<R>;

function loaders(context: ClientContext, run: BatchRun, limit: Limit) {
  const query = () => queryContext(context, run.signal);
  return {
    tracks: new ListLoader((uris) =>
      limit(() => callOperation(query(), OPERATIONS.decorateTracks, { uris: [...uris] })),
    ),
    episodes: new ListLoader((uris) =>
      limit(() => callOperation(query(), OPERATIONS.decorateEpisodes, { uris: [...uris] })),
    ),
    previews: new ListLoader((uris) =>
      limit(() => callOperation(query(), OPERATIONS.trackPreview, { uris: [...uris] })),
    ),
  };
}

/** `getTracks(values, options)`: summaries or full tracks, read 50 at a time where Spotify answers so. */
export async function trackBatch(
  context: ClientContext,
  values: readonly string[],
  options: TrackBatchOptions,
): Promise<Array<ListBatchResult<TrackSummary | Track>>> {
  const detail = detailOf(options.detail);
  // The requests of the batch (list groups, a track's own) go `concurrency` at a time.
  const limit = (await loadPLimit())(concurrencyOf(context, options));
  let load: ReturnType<typeof loaders> | undefined;
  return runListBatch(context, 'track', values, options, async (run, id) => {
    load ??= loaders(context, run, limit);
    const lists = load;
    const model =
      detail === 'summary'
        ? await summaryTrack(context, run, lists, limit, id)
        : await fullTrack(context, run, lists, limit, id);
    if (options.externalIds !== true) return model;
    return { ...model, isrc: await isrcOf(context, run, id) };
  });
}

type Lists = ReturnType<typeof loaders>;

function summaryTrack(
  context: ClientContext,
  run: BatchRun,
  lists: Lists,
  limit: Limit,
  id: string,
): Promise<TrackSummary> {
  const uri = entityUri('track', id);
  return run.read(['trackSummary', id], TrackSummarySchema, id, async (signal) => {
    if (context.options.partnerApi) {
      try {
        const [summary, previews] = await Promise.all([lists.tracks.load(uri), lists.previews.load(uri)]);
        if (summary !== undefined) {
          const value = validateModel(
            TrackSummarySchema,
            { ...summary, previewUrl: previews ?? null },
            'decorateContextTracks',
          );
          return { value, mode: 'list' };
        }
      } catch (error) {
        run.failed('decorateContextTracks / trackPreview', error);
      }
    }
    const track = await limit(() => getEntity(context, 'track', id, {}, signal));
    return { value: summaryOfTrack(track), mode: 'entity' };
  });
}

function fullTrack(context: ClientContext, run: BatchRun, lists: Lists, limit: Limit, id: string): Promise<Track> {
  const uri = entityUri('track', id);
  const schema = ENTITY_SCHEMAS.track;
  return run.read(['track', id, null], schema, id, async (signal, outcome) => {
    if (context.options.partnerApi) {
      try {
        const preview = await lists.previews.load(uri);
        const track = await limit(() =>
          callOperation(queryContext(context, signal), OPERATIONS.track, {
            uri,
            previews: new Map([[uri, preview ?? null]]),
          }),
        );
        if (track !== undefined) return { value: validateModel(schema, track, 'getTrack') as Track, mode: 'list' };
      } catch (error) {
        if (error instanceof NotFoundError) throw error;
        run.failed('trackPreview / getTrack', error);
      }
    }
    // The entity's own path (its embed page with its preview, then the partner API), under this read's
    // cache key: getEntity would wait on the same key's single flight.
    const track = await limit(() => loadEntity(context, 'track', id, { signal, limits: WHOLE, outcome }));
    return { value: track, mode: 'entity' };
  });
}

/** `getEpisodes(values, options)`: summaries 50 at a time, or full episodes by their getter. */
export async function episodeBatch(
  context: ClientContext,
  values: readonly string[],
  options: EpisodeBatchOptions,
): Promise<Array<ListBatchResult<EpisodeSummary | Episode>>> {
  const detail = detailOf(options.detail);
  const limit = (await loadPLimit())(concurrencyOf(context, options));
  let load: Lists | undefined;
  return runListBatch(context, 'episode', values, options, async (run, id) => {
    if (detail === 'full')
      return run.read(['episode', id, null], ENTITY_SCHEMAS.episode, id, async (signal, outcome) => ({
        value: await limit(() => loadEntity(context, 'episode', id, { signal, limits: WHOLE, outcome })),
        mode: 'entity' as const,
      }));
    load ??= loaders(context, run, limit);
    const lists = load;
    return run.read(['episodeSummary', id], EpisodeSummarySchema, id, async (signal) => {
      if (context.options.partnerApi) {
        try {
          const summary = await lists.episodes.load(entityUri('episode', id));
          if (summary !== undefined)
            return {
              value: validateModel(EpisodeSummarySchema, summary, 'decorateContextEpisodesOrChapters'),
              mode: 'list',
            };
        } catch (error) {
          run.failed('decorateContextEpisodesOrChapters', error);
        }
      }
      const episode = await limit(() => getEntity(context, 'episode', id, {}, signal));
      return { value: summaryOfEpisode(episode), mode: 'entity' };
    });
  });
}

/** A track's ISRC through the cache (null when spclient has none or refused). */
export function isrcOf(
  context: ClientContext,
  run: { signal: AbortSignal | undefined; fresh: boolean | undefined },
  id: string,
): Promise<string | null> {
  return context.remember(['isrc', id], NullableIsrc, { fresh: run.fresh, signal: run.signal }, (signal) =>
    context.isrc.of(id, signal),
  );
}
