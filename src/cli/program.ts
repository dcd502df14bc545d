import { Command, CommanderError } from 'commander';
import { AsyncSpotifyClient, DEFAULTS, InvalidInputError, type ClientOptions } from '../index.js';
import { clientOptionsFrom, type ClientFlags } from './client-options.js';
import { openCacheStore } from './cache-store.js';
import type { CommandSpec, Flags } from './command-spec.js';
import { COMMANDS } from './commands.js';
import { EXIT, cliMessage, exitCodeFor } from './messages.js';
import type { Io } from './output.js';
import { runValues } from './run.js';
import { collectValues } from './values.js';

const EPILOG = `
Values are ids, spotify: URIs, open.spotify.com URLs or spotify.link short links: as arguments, lines of
--input FILE, or stdin. One value prints one JSON document; several print NDJSON (one line per value,
in input order, as soon as it and the ones before it are done; a failed value is a line
{"value", "error"} there, and its reason goes to stderr). Put options after the command.

Exit codes: 0 ok, 1 other error, 2 invalid input, 3 not found, 4 rate limited, 5 account refused
(a rejected or expired cookie, stale TOTP secrets).
Account cookie (lyrics, transcript, user, account; credits and canvas use it when given): --cookies FILE
(a browser's cookies.txt or a file holding the sp_dc value) or the SPOTIFY_SP_DC environment variable.
Proxies: --proxy URL, else HTTPS_PROXY / HTTP_PROXY (and NO_PROXY) from the environment.

Examples:
  spotify-scraper track https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC --pretty
  spotify-scraper playlist 37i9dQZF1DXcBWIGoYBM5M --max-tracks all > playlist.json
  cat ids.txt | spotify-scraper album --rate 1 --burst 2 > albums.ndjson
  spotify-scraper search daft punk --type track,artist --limit 5
  spotify-scraper download preview spotify:track:4uLU6hMCjMI75M1A2tKUQC --dest previews --embed-cover
  spotify-scraper lyrics 4uLU6hMCjMI75M1A2tKUQC --cookies cookies.txt --format lrc > song.lrc
  spotify-scraper chart top-50-global --max-tracks 10
  spotify-scraper track 4uLU6hMCjMI75M1A2tKUQC --origin http://127.0.0.1:8080   # a test server`;

const HINT = '(add --help for usage)';

/** The options every command takes. */
function addSharedOptions(command: Command): void {
  command
    .option('--input <file>', 'read values from a file, one per line ("-" for stdin)')
    .option('--pretty', 'indent the JSON (several values: one JSON array)')
    .option('--concurrency <n>', `values fetched at once (default ${DEFAULTS.maxConcurrency})`)
    .option('--proxy <url>', 'http(s) proxy, user:pass@ allowed (default: HTTPS_PROXY / HTTP_PROXY)')
    .option('--rate <perSecond>', `requests per second per host (default ${DEFAULTS.rateLimit.perSecond})`)
    .option('--burst <n>', `requests at once per host (default ${DEFAULTS.rateLimit.burst})`)
    .option('--timeout <ms>', `per-attempt timeout in ms (default ${DEFAULTS.timeout})`)
    .option('--retries <n>', `retries after the first attempt (default ${DEFAULTS.retry.maxAttempts - 1})`)
    .option('--locale <tag>', 'BCP-47 locale sent as Accept-Language')
    .option('--no-partner-api', 'embed pages only: one request per value, playlists capped at 100')
    .option(
      '--origin <url>',
      'send every request to this server instead of Spotify (a replay or test server); the host meant goes in the x-spotify-scraper-host header',
    )
    .option(
      '--cache <url>',
      'share results through Redis across runs and machines (redis://host:port; needs keyv and @keyv/redis)',
    )
    .option(
      '--fleet-redis <url>',
      'share the rate limit with every process naming this Redis (redis://host:port; needs ioredis)',
    )
    .option('--fleet-key <key>', `namespace of the shared budget in Redis (default ${DEFAULTS.fleet.key})`)
    .option(
      '--fleet-workers <n>',
      `processes sharing the budget: each falls back to rate / n when Redis is away (default ${DEFAULTS.fleet.workers})`,
    )
    .option('-q, --quiet', 'no warnings, notes or progress bar on stderr (errors still)')
    .option('--no-progress', 'no progress bar');
}

/** Builds the `spotify-scraper` program. Nothing here calls process.exit. */
export function buildProgram(
  version: string,
  io: Io,
  stdin: NodeJS.ReadableStream & { isTTY?: boolean },
): { program: Command; exitCode: () => number } {
  let exitCode: number = EXIT.ok;
  const program = new Command('spotify-scraper')
    .description(
      'Public Spotify metadata without an API key, as JSON: tracks, albums, artists, playlists, episodes, shows, search and more.',
    )
    .version(version, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help (each command has its own: spotify-scraper playlist --help)')
    .showHelpAfterError(HINT)
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .addHelpText('after', EPILOG)
    .exitOverride();

  for (const spec of COMMANDS) {
    const command = program.command(`${spec.name} ${spec.args}`).description(spec.summary);
    spec.options?.(command);
    if (spec.account)
      command.option(
        '--cookies <file>',
        "the account's sp_dc cookie: a browser's cookies.txt or a file holding the value (default: SPOTIFY_SP_DC)",
      );
    addSharedOptions(command);
    command.action(async (...args: unknown[]) => {
      exitCode = await runCommand(spec, args, version, io, stdin);
    });
  }
  return { program, exitCode: () => exitCode };
}

async function runCommand(
  spec: CommandSpec,
  args: unknown[],
  _version: string,
  io: Io,
  stdin: NodeJS.ReadableStream & { isTTY?: boolean },
): Promise<number> {
  const command = args.at(-1) as Command;
  const flags: Flags & ClientFlags & { input?: string; pretty?: boolean; progress?: boolean } = command.opts();
  const positional = args.slice(0, -2);
  // `download <what> [values...]`: the first argument is what to download.
  if (spec.name === 'download') flags['what'] = positional.shift();
  const task = spec.prepare(flags);
  const cookies = accountCookies(spec, flags['cookies'] as string | undefined);
  if (cookies === null) {
    // One line: what is missing and the two ways to give it.
    io.stderr.write(
      `error: ${spec.name} needs a Spotify account: pass --cookies FILE (a browser's cookies.txt or a file holding the sp_dc value) or set SPOTIFY_SP_DC\n`,
    );
    return EXIT.invalidInput;
  }
  const words = (positional[0] as string[] | undefined) ?? [];
  const quiet = flags.quiet === true;
  const warn = (message: string): void => {
    if (!quiet) io.stderr.write(`warning: ${message}\n`);
  };
  if (spec.whole) {
    const { options, owned } = await clientOptionsFrom(flags, warn);
    if (cookies) options.cookies = cookies;
    const cache = typeof flags['cache'] === 'string' ? await openCacheStore(flags['cache']) : undefined;
    if (cache) options.cache = { store: cache.store };
    let client: AsyncSpotifyClient | undefined;
    try {
      return await spec.whole({
        flags,
        args: words,
        options,
        io,
        client: () => (client ??= new AsyncSpotifyClient(options)),
      });
    } finally {
      await client?.close();
      await owned?.close();
      await cache?.close();
    }
  }
  const values = spec.input === 'query' ? [words.join(' ')] : await collectValues(words, flags.input, stdin as never);
  const { options, owned } = await clientOptionsFrom(flags, warn);
  if (cookies) options.cookies = cookies;
  const concurrency = options.maxConcurrency ?? DEFAULTS.maxConcurrency;
  const cache = typeof flags['cache'] === 'string' ? await openCacheStore(flags['cache']) : undefined;
  if (cache) options.cache = { store: cache.store };
  const client = new AsyncSpotifyClient(options);
  try {
    return await runValues(
      values,
      (value, signal, note) => task(client, value, signal, quiet ? () => undefined : note),
      {
        io,
        concurrency,
        pretty: flags.pretty === true,
        progress: !quiet && flags.progress !== false,
        text: typeof flags['format'] === 'string' && flags['format'] !== 'json',
      },
    );
  } finally {
    await client.close();
    await owned?.close();
    await cache?.close();
  }
}

/**
 * The account cookie of a command that uses one: `--cookies FILE`, else SPOTIFY_SP_DC; null when the
 * command needs one and has neither (a usage error naming both, before any request).
 */
function accountCookies(spec: CommandSpec, file: string | undefined): ClientOptions['cookies'] | null {
  if (!spec.account) return undefined;
  if (file !== undefined) return { file };
  const fromEnv = (process.env['SPOTIFY_SP_DC'] ?? '').trim();
  if (fromEnv !== '') return fromEnv;
  return spec.account === 'optional' ? undefined : null;
}

/** Runs the CLI with `argv` (without node and script) and resolves to the exit code. */
export async function runCli(
  argv: string[],
  version: string,
  io: Io,
  stdin: NodeJS.ReadableStream & { isTTY?: boolean },
): Promise<number> {
  const { program, exitCode } = buildProgram(version, io, stdin);
  if (argv.includes('-V')) argv = argv.map((arg) => (arg === '-V' ? '--version' : arg));
  const first = argv[0];
  if (first === undefined || (first.startsWith('-') && !['-h', '--help', '-v', '--version'].includes(first))) {
    io.stderr.write(`error: no command given (options go after the command)\n${HINT}\n`);
    return EXIT.invalidInput;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode();
  } catch (error) {
    if (error instanceof CommanderError) {
      if (['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code)) return EXIT.ok;
      return EXIT.invalidInput; // commander printed the problem and the hint
    }
    io.stderr.write(`error: ${cliMessage(error)}\n${error instanceof InvalidInputError ? `${HINT}\n` : ''}`);
    return exitCodeFor(error);
  }
}
