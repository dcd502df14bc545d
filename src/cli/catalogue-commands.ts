import { DEFAULTS } from '../defaults.js';
import { InvalidInputError } from '../errors.js';
import type { SearchType } from '../models/search-types.js';
import { wholeNumber } from './client-options.js';
import type { CommandSpec, Flags, StreamOpener } from './command-spec.js';
import { FETCH_MANY, PARTNER_MANY } from './option-groups.js';
import type { AsyncSpotifyClient } from '../index.js';
import { ValueGatherer } from '../client/value-gatherer.js';

/** Values whose tasks wait at once when they are gathered into list requests (two groups of 100). */
const GATHERED_AT_ONCE = 200;

/**
 * `track`: each value's track; with `--summary` (name, artists, album, duration, preview) or `--isrc`
 * the values are read 50 a request (SPEC §11) instead of one by one.
 */
export const trackCommand: CommandSpec = {
  name: 'track',
  args: '[values...]',
  summary: 'print the track of each value as JSON (--summary: 50 tracks a request)',
  input: 'values',
  uses: FETCH_MANY,
  options: (command) =>
    command
      .option('--summary', 'what a list request carries (no play count, numbers or date): 50 tracks a request')
      .option('--isrc', 'add "isrc" (from spclient; null when Spotify gives none)'),
  tasksAtOnce: (flags) => (gathered(flags) ? GATHERED_AT_ONCE : undefined),
  prepare: (flags) => {
    if (!gathered(flags)) return (client, value, signal) => client.getTrack(value, { signal });
    const options = {
      detail: flags['summary'] === true ? 'summary' : 'full',
      externalIds: flags['isrc'] === true,
    } as const;
    // Values gathered into getTracks calls of 100 (two list requests of 50); one gatherer per run.
    let gatherer: ValueGatherer<unknown> | undefined;
    return (client, value, signal) => {
      gatherer ??= gathererOf(client, options);
      return gatherer.load(value, signal);
    };
  },
};

function gathererOf(
  client: AsyncSpotifyClient,
  options: { detail: 'summary' | 'full'; externalIds: boolean },
): ValueGatherer<unknown> {
  return new ValueGatherer<unknown>((values, signal) => client.getTracks(values, { ...options, signal }));
}

function gathered(flags: Flags): boolean {
  return flags['summary'] === true || flags['isrc'] === true;
}

export const recommendationsCommand: CommandSpec = {
  name: 'recommendations',
  args: '[tracks...]',
  summary: 'print the tracks Spotify recommends from each track (summaries)',
  input: 'values',
  uses: PARTNER_MANY,
  options: (command) =>
    command.option('--limit <n>', `tracks per track, 1-100 (default ${DEFAULTS.recommendationsLimit})`),
  prepare: (flags) => {
    const limit = flags['limit'] === undefined ? undefined : wholeNumber('--limit', String(flags['limit']), 1);
    return (client, value, signal) => client.getRecommendations(value, { signal, limit });
  },
};

/** The `--stream` option's help, by what is streamed. */
export const streamHelp = (items: string): string =>
  `print the ${items} as NDJSON, one line each, as their pages arrive (nothing held whole)`;

/** The stream of a list command when `--stream` was given. */
export function streamWhen(flags: Flags, open: StreamOpener): StreamOpener | undefined {
  return flags['stream'] === true ? open : undefined;
}

/** `search --stream`: one type's hits, page after page, up to `--limit` (default all). */
export function searchStream(flags: Flags): StreamOpener | undefined {
  if (flags['stream'] !== true) return undefined;
  const types = flags['type'] as SearchType[] | undefined;
  if (types?.length !== 1) throw new InvalidInputError('search --stream takes one --type (track, album, …)');
  const type = types[0] as SearchType;
  const max = flags['limit'] === undefined ? undefined : wholeNumber('--limit', String(flags['limit']), 1);
  return (client, query, signal) => client.iterateSearch(query, { type, max, signal });
}
