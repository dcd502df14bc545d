import { Command, InvalidArgumentError, Option } from 'commander';
import { AsyncSpotifyClient } from '../client.js';
import { InvalidInputError } from '../errors.js';
import { ENTITY_TYPES } from '../input.js';
import { clientOptionsFrom, limitFlag, type CliFlags } from './client-options.js';
import { addDiscoveryCommands } from './discovery-commands.js';
import { EXIT, exitCodeFor } from './exit-codes.js';
import { runDownload, runFetch, type Io } from './run.js';
import { collectValues } from './values.js';

interface GlobalFlags extends CliFlags {
  input?: string;
  pretty?: boolean;
  maxTracks?: string;
  maxEpisodes?: string;
}

const EPILOG = `
Values are ids, spotify: URIs or open.spotify.com URLs, as arguments, lines of --input FILE, or stdin.
One value prints one JSON object; several print NDJSON (one line each, in input order).

Exit codes: 0 ok, 1 other error, 2 invalid input, 3 not found, 4 rate limited.

Examples:
  spotify-scraper track https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC --pretty
  spotify-scraper playlist 37i9dQZF1DXcBWIGoYBM5M --max-tracks all > playlist.json
  cat ids.txt | spotify-scraper album --rate 1 --burst 2
  spotify-scraper download preview spotify:track:4uLU6hMCjMI75M1A2tKUQC --dest previews --embed-cover
  spotify-scraper search daft punk --type track,artist --limit 5
  spotify-scraper discography spotify:artist:4tZwfgrHOc3mvqYlEYSvVi --max-releases 20`;

/** Builds the `spotify-scraper` command. `run` resolves to the exit code; nothing here calls process.exit. */
export function buildProgram(version: string, io: Io, stdin: NodeJS.ReadableStream & { isTTY?: boolean }): { program: Command; exitCode: () => number } {
  let exitCode: number = EXIT.ok;
  const program = new Command('spotify-scraper')
    .description('Public Spotify metadata without an API key: JSON for tracks, albums, artists, playlists, episodes and shows.')
    .version(version, '-V, --version')
    .showHelpAfterError()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .addHelpText('after', EPILOG)
    .exitOverride();
  addGlobalOptions(program);

  const withClient = async (flags: GlobalFlags, work: (client: AsyncSpotifyClient, concurrency: number) => Promise<number>): Promise<void> => {
    const { options, agent } = clientOptionsFrom(flags, (message) => io.stderr.write(`warning: ${message}\n`));
    const client = new AsyncSpotifyClient(options);
    try {
      exitCode = await work(client, options.maxConcurrency ?? 5);
    } finally {
      await client.close();
      await agent?.close();
    }
  };

  for (const type of ENTITY_TYPES) {
    program
      .command(`${type} [values...]`)
      .description(`print the ${type} of each value as JSON`)
      .action(async (args: string[], _options: unknown, command: Command) => {
        const flags = command.optsWithGlobals<GlobalFlags>();
        const values = await collectValues(args, flags.input, stdin as never);
        const maxTracks = limitFlag('--max-tracks', flags.maxTracks);
        const maxEpisodes = limitFlag('--max-episodes', flags.maxEpisodes);
        await withClient(flags, (client, concurrency) =>
          runFetch(client, type, values, { pretty: flags.pretty === true, ...(maxTracks === undefined ? {} : { maxTracks }), ...(maxEpisodes === undefined ? {} : { maxEpisodes }) }, io, concurrency),
        );
      });
  }

  program
    .command('download')
    .description('download covers or 30-second previews')
    .argument('<what>', 'cover or preview', (value: string) => {
      if (value !== 'cover' && value !== 'preview') throw new InvalidArgumentError('expected "cover" or "preview"');
      return value;
    })
    .argument('[values...]')
    .requiredOption('--dest <dir>', 'directory to write into (created if missing)')
    .option('--embed-cover', 'tag previews with title, artist and cover (ID3v2)')
    .addOption(new Option('--size <size>', 'which cover').choices(['largest', 'smallest']).default('largest'))
    .action(async (what: 'cover' | 'preview', args: string[], _options: unknown, command: Command) => {
      const flags = command.optsWithGlobals<GlobalFlags & { dest: string; embedCover?: boolean; size?: 'largest' | 'smallest' }>();
      const values = await collectValues(args, flags.input, stdin as never);
      await withClient(flags, (client, concurrency) =>
        runDownload(client, what, values, { dest: flags.dest, embedCover: flags.embedCover === true, pretty: flags.pretty === true, ...(flags.size ? { size: flags.size } : {}) }, io, concurrency),
      );
    });

  addDiscoveryCommands(program, { io, stdin, withClient });

  return { program, exitCode: () => exitCode };
}

function addGlobalOptions(program: Command): void {
  program
    .option('--input <file>', 'read values from a file, one per line (- for stdin)')
    .option('--pretty', 'pretty-print JSON (several values: one JSON array)')
    .option('--max-tracks <n>', 'playlist items to return, or "all" (default 100)')
    .option('--max-episodes <n>', 'show episodes to return, or "all" (default 50)')
    .option('--proxy <url>', 'http(s) proxy, user:pass@ allowed')
    .option('--rate <perSecond>', 'requests per second per host (default 2)')
    .option('--burst <n>', 'requests at once per host (default 5)')
    .option('--timeout <ms>', 'per-attempt timeout in ms (default 10000)')
    .option('--retries <n>', 'retries after the first attempt (default 3)')
    .option('--concurrency <n>', 'values fetched at once (default 5)')
    .option('--locale <tag>', 'BCP-47 locale sent as Accept-Language')
    .option('--no-partner-api', 'embed pages only: one request per value, playlists capped at 100')
    .addOption(new Option('--origin <url>', 'send every request to this origin (replay servers, tests)').hideHelp());
}

/** Runs the CLI with `argv` (without node and script) and resolves to the exit code. */
export async function runCli(argv: string[], version: string, io: Io, stdin: NodeJS.ReadableStream & { isTTY?: boolean }): Promise<number> {
  const { program, exitCode } = buildProgram(version, io, stdin);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode();
  } catch (error) {
    const commanderCode = (error as { code?: string; exitCode?: number }).code;
    if (commanderCode === 'commander.helpDisplayed' || commanderCode === 'commander.version' || commanderCode === 'commander.help') return EXIT.ok;
    if (typeof commanderCode === 'string' && commanderCode.startsWith('commander.')) return EXIT.invalidInput;
    io.stderr.write(`error: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}\n`);
    return error instanceof InvalidInputError ? EXIT.invalidInput : exitCodeFor(error);
  }
}
