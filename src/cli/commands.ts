import { InvalidArgumentError, Option, type Command } from 'commander';
import { ACCOUNT_COMMANDS } from './account-commands.js';
import { captureCommand } from './capture-command.js';
import { crawlCommand } from './crawl-command.js';
import { SESSION_COMMANDS } from './session-commands.js';
import { mcpCommand } from './mcp-command.js';
import { doctorCommand } from './doctor-command.js';
import { fakeSpotifyCommand } from './fake-spotify-command.js';
import type { AsyncSpotifyClient, EntityType } from '../index.js';
import { DEFAULTS } from '../defaults.js';
import { InvalidInputError } from '../errors.js';
import { SEARCH_TYPES, type SearchType } from '../models/search-types.js';
import { limitFlag, wholeNumber } from './client-options.js';
import type { CommandSpec, Flags } from './command-spec.js';
import { FETCH_MANY, PARTNER_MANY } from './option-groups.js';
import { recommendationsCommand, searchStream, streamHelp, streamWhen, trackCommand } from './catalogue-commands.js';
import type { StreamOpener } from './command-spec.js';

function entityCommand(type: Exclude<EntityType, 'playlist' | 'show'>): CommandSpec {
  return {
    name: type,
    args: '[values...]',
    summary: `print the ${type} of each value as JSON`,
    input: 'values',
    uses: FETCH_MANY,
    prepare: () => (client, value, signal) => client.get(type, value, { signal }),
  };
}

/**
 * A command whose result is a list cut at a default size (playlists at 100 items, shows at 50
 * episodes): when the default cut it short, a note says so and how to get all.
 */
function listCommand<R extends { id: string }>(spec: {
  name: string;
  summary: string;
  flag: string;
  optionKey: string;
  fallback: number;
  noun: string;
  /** The noun in the singular, for "pass … all for every <one>". */
  one: string;
  fetch: (client: AsyncSpotifyClient, value: string, signal: AbortSignal, max: number, flags: Flags) => Promise<R>;
  counts: (result: R) => { shown: number; total: number | null };
  /** The items one after another (`--stream`). */
  iterate: StreamOpener;
  /** Options of its own besides the limit. */
  options?: (command: Command) => void;
}): CommandSpec {
  return {
    name: spec.name,
    args: '[values...]',
    summary: spec.summary,
    input: 'values',
    uses: FETCH_MANY,
    options: (command) => {
      command
        .option(`${spec.flag} <n>`, `${spec.noun} to return, or "all" (default ${spec.fallback})`)
        .option('--stream', streamHelp(`${spec.noun} of each value`));
      spec.options?.(command);
    },
    stream: (flags) => streamWhen(flags, spec.iterate),
    prepare: (flags) => {
      const given = limitFlag(spec.flag, flags[spec.optionKey] as string | undefined);
      return async (client, value, signal, note) => {
        const result = await spec.fetch(client, value, signal, given ?? spec.fallback, flags);
        const { shown, total } = spec.counts(result);
        if (given === undefined && total !== null && shown < total) {
          note(
            `${spec.name} ${result.id}: ${shown} of ${total} ${spec.noun} (the default ${spec.flag} ${spec.fallback}); pass ${spec.flag} all for every ${spec.one}`,
          );
        }
        return result;
      };
    },
  };
}

const playlist = listCommand({
  name: 'playlist',
  summary: 'print each playlist with its items as JSON',
  flag: '--max-tracks',
  optionKey: 'maxTracks',
  fallback: DEFAULTS.maxTracks,
  noun: 'items',
  one: 'item',
  fetch: (client, value, signal, maxTracks, flags) =>
    client.getPlaylist(value, { signal, maxTracks, previews: flags['previews'] === true }),
  counts: (result) => ({ shown: result.tracks.length, total: result.totalTracks }),
  iterate: (client, value, signal) => client.iteratePlaylist(value, { signal }),
  options: (command) =>
    command.option('--previews', 'fill the preview URLs past the first 100 items (+1 request per 50 items)'),
});

const show = listCommand({
  name: 'show',
  summary: 'print each podcast show with its episodes as JSON',
  flag: '--max-episodes',
  optionKey: 'maxEpisodes',
  fallback: DEFAULTS.maxEpisodes,
  noun: 'episodes',
  one: 'episode',
  fetch: (client, value, signal, maxEpisodes) => client.getShow(value, { signal, maxEpisodes }),
  counts: (result) => ({ shown: result.episodes.length, total: result.totalEpisodes }),
  iterate: (client, value, signal) => client.iterateShow(value, { signal }),
});

const download: CommandSpec = {
  name: 'download',
  args: '<what> [values...]',
  firstArgument: 'what',
  summary: 'download covers (any value) or 30-second previews (tracks and episodes); prints {"path"} per value',
  input: 'values',
  uses: FETCH_MANY,
  options: (command) =>
    command
      .requiredOption('--dest <dir>', 'directory to write into (created if missing)')
      .option('--embed-cover', 'tag previews with title, artist and cover (ID3v2)')
      .option('--overwrite', 'replace a file of the same name (default: take a free name, "name (2).jpg")')
      .addOption(new Option('--size <size>', 'which cover').choices(['largest', 'smallest']).default('largest')),
  prepare: (flags) => {
    const what = flags['what'];
    if (what !== 'cover' && what !== 'preview')
      throw new InvalidInputError(
        `download takes "cover" or "preview", got ${JSON.stringify(String(what)).slice(0, 60)}`,
      );
    const dest = String(flags['dest']);
    const overwrite = flags['overwrite'] === true;
    return async (client, value, signal) => {
      // The type first, from the value alone where it says (a bare id is a track): a preview of an
      // album is refused before any request. A short link is resolved first.
      const known = await client.resolve(value, { signal });
      const type = known.type ?? 'track';
      if (what === 'preview' && type !== 'track' && type !== 'episode') {
        throw new InvalidInputError(`Only tracks and episodes have previews, not ${type}s`);
      }
      const entity = await client.get(type, known.id, { signal });
      if (what === 'cover')
        return {
          path: await client.downloadCover(entity, dest, {
            signal,
            overwrite,
            size: flags['size'] === 'smallest' ? 'smallest' : 'largest',
          }),
        };
      if (entity.type !== 'track' && entity.type !== 'episode')
        throw new InvalidInputError(`Only tracks and episodes have previews, not ${entity.type}s`);
      return {
        path: await client.downloadPreview(entity, dest, {
          signal,
          overwrite,
          embedCover: flags['embedCover'] === true,
        }),
      };
    };
  },
};

/** A whole-number flag that may be left out. */
function optionalWhole(flag: string, value: unknown, min: number): number | undefined {
  return value === undefined ? undefined : wholeNumber(flag, String(value), min);
}

function searchTypes(value: string): SearchType[] {
  const types = value
    .split(',')
    .map((type) => type.trim().toLowerCase())
    .filter((type) => type !== '');
  for (const type of types) {
    if (!(SEARCH_TYPES as readonly string[]).includes(type))
      throw new InvalidArgumentError(
        `unknown type ${JSON.stringify(type).slice(0, 40)}; known: ${SEARCH_TYPES.join(', ')}`,
      );
  }
  if (types.length === 0) throw new InvalidArgumentError('expected at least one type');
  return types as SearchType[];
}

const search: CommandSpec = {
  name: 'search',
  args: '<query...>',
  summary: 'search Spotify; prints one JSON object of hits (tracks, albums, artists, playlists, shows, episodes)',
  input: 'query',
  uses: ['output', 'network', 'pace', 'retries', 'cache', 'fleet'],
  options: (command) =>
    command
      .option('--type <types>', `comma-separated: ${SEARCH_TYPES.join(',')} (default all)`, searchTypes)
      .option('--limit <n>', `hits per type, 1-100 (default ${DEFAULTS.searchLimit}); with --stream, hits in all`)
      .option('--offset <n>', `hits to skip per type (default ${DEFAULTS.searchOffset})`)
      .option('--stream', `${streamHelp('hits of one --type')}: past the first page`),
  stream: searchStream,
  prepare: (flags) => {
    const types = flags['type'] as SearchType[] | undefined;
    const limit = optionalWhole('--limit', flags['limit'], 1);
    const offset = optionalWhole('--offset', flags['offset'], 0);
    return (client, query, signal) => client.search(query, { signal, types, limit, offset });
  },
};

const discography: CommandSpec = {
  name: 'discography',
  args: '[artists...]',
  summary: "print each artist's releases (albums, singles, EPs) as a JSON array, newest first",
  input: 'values',
  uses: PARTNER_MANY,
  options: (command) =>
    command
      .option('--max-releases <n>', 'releases to return, or "all" (default all)')
      .option('--stream', streamHelp('releases of each artist')),
  stream: (flags) => streamWhen(flags, (client, value, signal) => client.iterateDiscography(value, { signal })),
  prepare: (flags) => {
    const maxReleases = limitFlag('--max-releases', flags['maxReleases'] as string | undefined);
    return (client, value, signal) => client.getArtistDiscography(value, { signal, maxReleases });
  },
};

const similar: CommandSpec = {
  name: 'similar',
  args: '[tracks...]',
  summary: 'print the albums Spotify recommends from each track',
  input: 'values',
  uses: PARTNER_MANY,
  options: (command) =>
    command.option('--limit <n>', `albums per track, 1-100 (default ${DEFAULTS.similarAlbumsLimit})`),
  prepare: (flags) => {
    const limit = optionalWhole('--limit', flags['limit'], 1);
    return (client, value, signal) => client.getSimilarAlbums(value, { signal, limit });
  },
};

const colors: CommandSpec = {
  name: 'colors',
  args: '[images...]',
  summary:
    'print the colours Spotify extracts from an image URL, a spotify:image: URI, or the cover of any entity value',
  input: 'values',
  uses: FETCH_MANY,
  prepare: () => async (client, value, signal, note) => {
    if (/^(?:spotify:image:|https?:\/\/[^/]+\/image\/)/i.test(value.trim())) return client.getColors(value, { signal });
    const known = await client.resolve(value, { signal });
    const type = known.type ?? 'track';
    if (known.type === null)
      note(`colors ${known.id}: a bare id is read as a track (give spotify:album:${known.id} for an album's cover)`);
    return client.getColors(await client.get(type, known.id, { signal }), { signal });
  },
};

/** Every command, in the order `--help` lists them. */
export const COMMANDS: readonly CommandSpec[] = [
  trackCommand,
  entityCommand('album'),
  entityCommand('artist'),
  playlist,
  entityCommand('episode'),
  show,
  search,
  discography,
  {
    name: 'related',
    args: '[artists...]',
    summary: 'print the artists Spotify relates to each artist',
    input: 'values',
    uses: PARTNER_MANY,
    prepare: () => (client, value, signal) => client.getRelatedArtists(value, { signal }),
  },
  similar,
  recommendationsCommand,
  {
    name: 'concerts',
    args: '[artists...]',
    summary: 'print the concerts Spotify lists for each artist',
    input: 'values',
    uses: PARTNER_MANY,
    prepare: () => (client, value, signal) => client.getArtistConcerts(value, { signal }),
  },
  colors,
  ...ACCOUNT_COMMANDS,
  ...SESSION_COMMANDS,
  download,
  crawlCommand,
  mcpCommand,
  doctorCommand,
  captureCommand,
  fakeSpotifyCommand,
];
