import { Command, CommanderError } from 'commander';
import type { AsyncSpotifyClient } from '../index.js';
import { InvalidInputError } from '../errors.js';
import { DEFAULTS } from '../defaults.js';
import { clientOptionsFrom, type ClientFlags } from './client-options.js';
import { openCacheStore } from './cache-store.js';
import type { CommandSpec, Flags, WithClient } from './command-spec.js';
import { COMMANDS } from './commands.js';
import { accountCookies } from './cookies.js';
import { EXIT, cliMessage, exitCodeFor } from './messages.js';
import { addOptionGroups } from './option-groups.js';
import type { Io } from './output.js';
import { progressBar } from './progress.js';
import { runValues } from './run.js';
import { runStream } from './stream.js';
import { collectValues } from './values.js';

const EPILOG = `
Values are ids, spotify: URIs, open.spotify.com URLs or spotify.link short links: as arguments, lines of
--input FILE, or stdin. One value prints one JSON document; several print NDJSON (one line per value,
in input order, as soon as it and the ones before it are done; a failed value is a line
{"value", "error"} there, and its reason goes to stderr). Put options after the command; each
command's --help lists the options it takes.

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

/** How a command gets its client: made, used, closed (capture records what it does instead). */
const ownClient: WithClient = async (options, run) => {
  const { AsyncSpotifyClient } = await import('../index.js');
  const client = new AsyncSpotifyClient(options);
  try {
    return await run(client);
  } finally {
    await client.close();
  }
};

/**
 * Builds the `spotify-scraper` program. Nothing here calls process.exit, and nothing of the library
 * is loaded until a command runs (`--help` costs commander only). `withClient` is how a command's
 * client is made (capture wraps it).
 */
export function buildProgram(
  version: string,
  io: Io,
  stdin: NodeJS.ReadableStream & { isTTY?: boolean },
  withClient: WithClient = ownClient,
): { program: Command; exitCode: () => number } {
  let exitCode: number = EXIT.ok;
  const output = { writeOut: (s: string) => io.stdout.write(s), writeErr: (s: string) => io.stderr.write(s) };
  const program = new Command('spotify-scraper')
    .description(
      'Public Spotify metadata without an API key, as JSON: tracks, albums, artists, playlists, episodes, shows, search and more.',
    )
    .version(version, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help (each command has its own: spotify-scraper playlist --help)')
    .enablePositionalOptions()
    .showHelpAfterError(HINT)
    .configureOutput(output)
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
    addOptionGroups(command, spec.uses);
    command.configureOutput({
      ...output,
      // An option the command does not take: said about the command, not as a bare "unknown option".
      outputError: (message, write) =>
        write(
          message.replace(
            /^error: unknown option '([^']*)'.*$/m,
            (_all, flag: string) =>
              `error: ${spec.name} does not take ${flag} (spotify-scraper ${spec.name} --help lists what it takes)`,
          ),
        ),
    });
    if (spec.passThrough) command.allowUnknownOption().passThroughOptions();
    command.action(async (...args: unknown[]) => {
      exitCode = await runCommand(spec, args, io, stdin, withClient, version);
    });
  }
  return { program, exitCode: () => exitCode };
}

async function runCommand(
  spec: CommandSpec,
  args: unknown[],
  io: Io,
  stdin: NodeJS.ReadableStream & { isTTY?: boolean },
  withClient: WithClient,
  version: string,
): Promise<number> {
  const command = args.at(-1) as Command;
  const flags: Flags & ClientFlags & { input?: string; pretty?: boolean; progress?: boolean } = command.opts();
  const positional = args.slice(0, -2);
  // `download <what> [values...]`, `crawl <action> [values...]`: the first argument is a flag of its own.
  if (spec.firstArgument) flags[spec.firstArgument] = positional.shift();
  const task = spec.prepare(flags);
  const cookies = await accountCookies(spec, flags['cookies'] as string | undefined);
  if (cookies === null) {
    // One line: what is missing and the two ways to give it.
    io.stderr.write(
      `error: ${spec.name} needs a Spotify account: pass --cookies FILE (a browser's cookies.txt or a file holding the sp_dc value) or set SPOTIFY_SP_DC\n`,
    );
    return EXIT.invalidInput;
  }
  const words = (positional[0] as string[] | undefined) ?? [];
  const quiet = flags.quiet === true;
  const values = spec.whole
    ? []
    : spec.input === 'values'
      ? await collectValues(words, flags.input, stdin as never)
      : [words.join(' ')];
  const streamer = spec.stream?.(flags);
  // The bar, when there is one, is drawn around every other write of the run (its own lines stay whole).
  const bar = !quiet && flags.progress !== false && !streamer ? progressBar(io.stderr, values.length) : undefined;
  const out: Io = bar ? { stdout: bar.wrap(io.stdout), stderr: bar.wrap(io.stderr) } : io;
  const warn = (message: string): void => {
    if (!quiet) out.stderr.write(`warning: ${message}\n`);
  };
  const { options, owned } = await clientOptionsFrom(flags, warn);
  if (cookies) options.cookies = cookies;
  const cache = typeof flags['cache'] === 'string' ? await openCacheStore(flags['cache']) : undefined;
  if (cache) options.cache = { store: cache.store };
  try {
    if (spec.whole) {
      return await spec.whole({
        flags,
        args: words,
        options,
        io: out,
        stdin,
        version,
        withClient: (run) => withClient(options, run),
        commands: COMMANDS.map((each) => each.name),
        rerun: (argv, inner, recording) => runCli(argv, version, inner, stdin, recording),
      });
    }
    if (streamer)
      return await withClient(options, (client: AsyncSpotifyClient) =>
        runStream(values, (value, signal) => streamer(client, value, signal), out),
      );
    return await withClient(options, (client: AsyncSpotifyClient) =>
      runValues(values, (value, signal, note) => task(client, value, signal, quiet ? () => undefined : note), {
        io: out,
        concurrency: spec.tasksAtOnce?.(flags) ?? options.maxConcurrency ?? DEFAULTS.maxConcurrency,
        pretty: flags.pretty === true,
        bar,
        text: typeof flags['format'] === 'string' && flags['format'] !== 'json',
      }),
    );
  } finally {
    await owned?.close();
    await cache?.close();
  }
}

/** Runs the CLI with `argv` (without node and script) and resolves to the exit code. */
export async function runCli(
  argv: string[],
  version: string,
  io: Io,
  stdin: NodeJS.ReadableStream & { isTTY?: boolean },
  withClient?: WithClient,
): Promise<number> {
  const { program, exitCode } = buildProgram(version, io, stdin, withClient);
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
