import { Command, InvalidArgumentError } from 'commander';
import type { AsyncSpotifyClient } from '../client.js';
import { InvalidInputError } from '../errors.js';
import { parseSpotifyUrl } from '../input.js';
import { SEARCH_TYPES, type SearchType } from '../models/search-results.js';
import { limitFlag } from './client-options.js';
import type { Io } from './run.js';
import { fetchAny, runValues } from './run.js';
import { collectValues } from './values.js';

/** What a discovery command needs from the program: flags, values and a client to run with. */
export interface CommandContext {
  io: Io;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  withClient: (flags: DiscoveryFlags, work: (client: AsyncSpotifyClient, concurrency: number) => Promise<number>) => Promise<void>;
}

export interface DiscoveryFlags {
  input?: string;
  pretty?: boolean;
  type?: SearchType[];
  limit?: string;
  offset?: string;
  maxReleases?: string;
}

type Discover = (client: AsyncSpotifyClient, value: string, flags: DiscoveryFlags, signal: AbortSignal | undefined) => Promise<unknown>;

const withSignal = (signal: AbortSignal | undefined) => (signal ? { signal } : {});

/** The discovery commands: each prints one JSON value per input value, like the fetch commands. */
const COMMANDS: ReadonlyArray<{ name: string; args: string; description: string; options?: (command: Command) => Command; run: Discover }> = [
  {
    name: 'discography',
    args: '[artists...]',
    description: "print each artist's releases (albums, singles, EPs) as a JSON array",
    options: (command) => command.option('--max-releases <n>', 'releases to return, or "all"', 'all'),
    run: (client, value, flags, signal) => {
      const maxReleases = limitFlag('--max-releases', flags.maxReleases);
      return client.getArtistDiscography(value, { ...withSignal(signal), ...(maxReleases === undefined ? {} : { maxReleases }) });
    },
  },
  { name: 'related', args: '[artists...]', description: 'print the artists Spotify relates to each artist', run: (client, value, _flags, signal) => client.getRelatedArtists(value, withSignal(signal)) },
  {
    name: 'similar',
    args: '[tracks...]',
    description: 'print the albums Spotify recommends from each track',
    options: (command) => command.option('--limit <n>', 'albums per track, 1-100', '10'),
    run: (client, value, flags, signal) => client.getSimilarAlbums(value, { ...withSignal(signal), limit: wholeFlag('--limit', flags.limit ?? '10') }),
  },
  { name: 'concerts', args: '[artists...]', description: 'print the concerts Spotify lists for each artist', run: (client, value, _flags, signal) => client.getArtistConcerts(value, withSignal(signal)) },
  {
    name: 'colors',
    args: '[images...]',
    description: 'print the colours Spotify extracts from an image URL, a spotify:image: URI, or the cover of any entity value',
    run: async (client, value, _flags, signal) => {
      if (/^(?:spotify:image:|https?:\/\/[^/]+\/image\/)/i.test(value.trim())) return client.getColors(value, withSignal(signal));
      const entity = await fetchAny(client, parseSpotifyUrl(value).type ?? 'track', value);
      return client.getColors(entity, withSignal(signal));
    },
  },
];

export function addDiscoveryCommands(program: Command, context: CommandContext): void {
  program
    .command('search <query...>')
    .description('search Spotify and print the hits (tracks, albums, artists, playlists, shows, episodes) as one JSON object')
    .option('--type <types>', `comma-separated: ${SEARCH_TYPES.join(',')} (default all)`, searchTypes)
    .option('--limit <n>', 'hits per type, 1-100', '20')
    .option('--offset <n>', 'hits to skip per type', '0')
    .action(async (words: string[], _options: unknown, command: Command) => {
      const flags = command.optsWithGlobals<DiscoveryFlags>();
      const options = { limit: wholeFlag('--limit', flags.limit ?? '20'), offset: wholeFlag('--offset', flags.offset ?? '0'), ...(flags.type ? { types: flags.type } : {}) };
      await context.withClient(flags, (client, concurrency) =>
        runValues([words.join(' ')], flags.pretty === true, context.io, concurrency, (query, signal) => client.search(query, { ...options, ...withSignal(signal) })),
      );
    });

  for (const spec of COMMANDS) {
    const command = program.command(`${spec.name} ${spec.args}`).description(spec.description);
    spec.options?.(command);
    command.action(async (args: string[], _options: unknown, self: Command) => {
      const flags = self.optsWithGlobals<DiscoveryFlags>();
      const values = await collectValues(args, flags.input, context.stdin as never);
      await context.withClient(flags, (client, concurrency) =>
        runValues(values, flags.pretty === true, context.io, concurrency, (value, signal) => spec.run(client, value, flags, signal)),
      );
    });
  }
}

function searchTypes(value: string): SearchType[] {
  const types = value.split(',').map((type) => type.trim().toLowerCase()).filter((type) => type !== '');
  for (const type of types) {
    if (!(SEARCH_TYPES as readonly string[]).includes(type)) throw new InvalidArgumentError(`unknown type "${type}"; known: ${SEARCH_TYPES.join(', ')}`);
  }
  if (types.length === 0) throw new InvalidArgumentError('expected at least one type');
  return types as SearchType[];
}

function wholeFlag(flag: string, value: string): number {
  if (!/^\d+$/.test(value.trim())) throw new InvalidInputError(`${flag} must be a whole number, got "${value}"`);
  return Number(value);
}
