import { runBatch, type BatchResult } from '../client/batch.js';
import type { AsyncSpotifyClient } from '../client.js';
import { SpotifyScraperError } from '../errors.js';
import { parseSpotifyUrl, type EntityType } from '../input.js';
import { EXIT, exitCodeFor } from './exit-codes.js';
import { progressBar } from './progress.js';

export interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WriteStream;
}

export interface FetchFlags {
  pretty?: boolean;
  maxTracks?: number;
  maxEpisodes?: number;
}

/** Fetches every value as `type`, prints JSON (one value) or NDJSON (several), returns the exit code. */
export async function runFetch(client: AsyncSpotifyClient, type: EntityType, values: string[], flags: FetchFlags, io: Io, concurrency: number): Promise<number> {
  const fetchOne = (value: string, signal: AbortSignal | undefined): Promise<unknown> => {
    const base = signal ? { signal } : {};
    switch (type) {
      case 'playlist':
        return client.getPlaylist(value, flags.maxTracks === undefined ? base : { ...base, maxTracks: flags.maxTracks });
      case 'show':
        return client.getShow(value, flags.maxEpisodes === undefined ? base : { ...base, maxEpisodes: flags.maxEpisodes });
      case 'track':
        return client.getTrack(value, base);
      case 'album':
        return client.getAlbum(value, base);
      case 'artist':
        return client.getArtist(value, base);
      case 'episode':
        return client.getEpisode(value, base);
    }
  };
  return report(await batch(values, concurrency, io, fetchOne), flags.pretty === true, io);
}

/** Runs `fetchOne` over every value and prints the results as the fetch commands do. */
export async function runValues(values: string[], pretty: boolean, io: Io, concurrency: number, fetchOne: (value: string, signal: AbortSignal | undefined) => Promise<unknown>): Promise<number> {
  return report(await batch(values, concurrency, io, fetchOne), pretty, io);
}

export interface DownloadFlags {
  dest: string;
  embedCover?: boolean;
  size?: 'largest' | 'smallest';
  pretty?: boolean;
}

/** Fetches each value's entity (a bare id is a track) and downloads its cover or preview. */
export async function runDownload(client: AsyncSpotifyClient, what: 'cover' | 'preview', values: string[], flags: DownloadFlags, io: Io, concurrency: number): Promise<number> {
  const downloadOne = async (value: string): Promise<{ value: string; path: string }> => {
    const type = parseSpotifyUrl(value).type ?? 'track';
    const entity = await fetchAny(client, type, value);
    if (what === 'cover') return { value, path: await client.downloadCover(entity, flags.dest, flags.size ? { size: flags.size } : {}) };
    if (entity.type !== 'track' && entity.type !== 'episode') {
      throw new SpotifyScraperError(`Only tracks and episodes have previews; ${value} is a ${entity.type}`);
    }
    return { value, path: await client.downloadPreview(entity, flags.dest, { embedCover: flags.embedCover === true }) };
  };
  const results = await batch(values, concurrency, io, downloadOne);
  return report(
    results.map((entry) => (entry.ok ? { ...entry, result: { path: entry.result.path } } : entry)),
    flags.pretty === true,
    io,
  );
}

export function fetchAny(client: AsyncSpotifyClient, type: EntityType, value: string) {
  const getters = {
    track: () => client.getTrack(value),
    album: () => client.getAlbum(value),
    artist: () => client.getArtist(value),
    playlist: () => client.getPlaylist(value),
    episode: () => client.getEpisode(value),
    show: () => client.getShow(value),
  } as const;
  return getters[type]();
}

async function batch<T>(values: string[], concurrency: number, io: Io, fetchOne: (value: string, signal: AbortSignal | undefined) => Promise<T>): Promise<Array<BatchResult<T>>> {
  const bar = progressBar(io.stderr, values.length);
  try {
    return await runBatch(values, { concurrency, onProgress: bar.update }, concurrency, fetchOne);
  } finally {
    bar.done();
  }
}

function report(results: Array<BatchResult<unknown>>, pretty: boolean, io: Io): number {
  const lines = results.map((entry) => (entry.ok ? entry.result : { value: entry.value, error: { name: entry.error.name, message: entry.error.message } }));
  if (results.length === 1 && results[0]?.ok) io.stdout.write(`${JSON.stringify(lines[0], null, pretty ? 2 : undefined)}\n`);
  else if (pretty) io.stdout.write(`${JSON.stringify(lines, null, 2)}\n`);
  else for (const line of lines) io.stdout.write(`${JSON.stringify(line)}\n`);
  let code: number = EXIT.ok;
  for (const entry of results) {
    if (entry.ok) continue;
    io.stderr.write(`error: ${entry.value}: ${entry.error.name}: ${entry.error.message}\n`);
    if (code === EXIT.ok) code = exitCodeFor(entry.error);
  }
  return code;
}
