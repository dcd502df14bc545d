import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Writable } from 'node:stream';
import { Command } from 'commander';
import type { CaptureFile, EntityType } from '../index.js';
import { InvalidInputError, SpotifyScraperError } from '../errors.js';
import { clientOptionsFrom, limitFlag } from './client-options.js';
import type { CommandSpec, WithClient } from './command-spec.js';
import { EXIT } from './messages.js';
import { addOptionGroups, type OptionGroup } from './option-groups.js';
import type { Io } from './output.js';

const CODES: Readonly<Record<string, number>> = {
  InvalidInputError: EXIT.invalidInput,
  NotFoundError: EXIT.notFound,
  RateLimitedError: EXIT.rateLimited,
  AuthenticationError: EXIT.authentication,
};

/** Commands that are not a call to record. */
const NOT_RECORDED = new Set(['capture', 'doctor', 'fake-spotify', 'charts']);

/** `--out FILE`, `--out=FILE`, `--command NAME` anywhere in the words; the rest is the recorded command line. */
function ownFlags(words: readonly string[]): { out?: string; command?: string; rest: string[] } {
  const found: { out?: string; command?: string } = {};
  const rest: string[] = [];
  for (let index = 0; index < words.length; index += 1) {
    const word = words[index] as string;
    const [name, inline] = word.startsWith('--') ? word.split(/=(.*)/s) : [word];
    if (name === '--out' || name === '--command') {
      const value = inline ?? words[(index += 1)];
      if (value === undefined) throw new InvalidInputError(`capture: ${name} needs a value`);
      found[name === '--out' ? 'out' : 'command'] = value;
    } else rest.push(word);
  }
  return { ...found, rest };
}

/**
 * `spotify-scraper capture [--out FILE] <command> <its values and options…>`: one redacted recording of
 * every request and answer of any command (`capture search "daft punk" --out f.json`, `capture
 * --command discography <artist> --out f.json`, `capture lyrics <track> --cookies cookies.txt --out
 * f.json`); values alone run their getters (a bare id is a track).
 */
export const captureCommand: CommandSpec = {
  name: 'capture',
  args: '[words...]',
  summary:
    'record every request and answer of a command (capture search "daft punk" --out f.json; values alone: their getters) into one redacted JSON file, for a bug report',
  input: 'none',
  uses: [],
  passThrough: true,
  options: (command) =>
    command
      .option('--out <file>', 'the capture file to write (required)')
      .option('--command <name>', 'the command to record (else the first word, when it names one)'),
  prepare: () => () => Promise.resolve(undefined),
  whole: async (run) => {
    const { flags, args, io } = run;
    const own = ownFlags(args);
    const out = own.out ?? (flags['out'] as string | undefined);
    if (out === undefined) throw new InvalidInputError('capture needs --out FILE: where to write the capture');
    const named = own.command ?? (flags['command'] as string | undefined);
    const first = own.rest[0];
    const command = named ?? (first !== undefined && run.commands.includes(first) ? first : undefined);
    if (command !== undefined && (NOT_RECORDED.has(command) || !run.commands.includes(command)))
      throw new InvalidInputError(`capture cannot record ${JSON.stringify(command).slice(0, 40)}`);
    const words = command !== undefined && named === undefined ? own.rest.slice(1) : own.rest;
    if (words.length === 0 && command === undefined) throw new InvalidInputError('capture takes a command or values');
    // Values alone: the getters of their types, with the getters' and the client's options.
    if (command === undefined) return captureValues(words, out, io);
    // A command: run as on its own, its client recorded, its results not printed (the file has them).
    let file: CaptureFile | undefined;
    const recording: WithClient = async (options, work) => {
      const { capture } = await import('../index.js');
      const { cache: _cache, fleet: _fleet, ...recorded } = options;
      let result: Awaited<ReturnType<typeof work>> | undefined;
      file = await capture(async (client) => (result = await work(client)), recorded);
      return result as Awaited<ReturnType<typeof work>>;
    };
    const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
    const code = await run.rerun([command, ...words], { stdout: silent, stderr: io.stderr }, recording);
    if (file === undefined) return code; // the command failed before it made a request
    file.calls = [{ value: [command, ...words].join(' ').slice(0, 500), type: command, ok: code === EXIT.ok }];
    await write(out, file, io);
    return code;
  },
};

/** The options a capture of values takes: the client's, and the limits of the getters. */
const VALUE_GROUPS: readonly OptionGroup[] = ['network', 'pace', 'retries', 'partner'];

async function captureValues(words: readonly string[], out: string, io: Io): Promise<number> {
  const parser = new Command('capture')
    .exitOverride()
    .configureOutput({ writeOut: () => undefined, writeErr: () => undefined })
    .argument('[values...]')
    .option('--max-tracks <n>', 'items of a playlist')
    .option('--max-episodes <n>', 'episodes of a show');
  addOptionGroups(parser, VALUE_GROUPS);
  try {
    parser.parse([...words], { from: 'user' });
  } catch (error) {
    throw new InvalidInputError(
      `capture: ${error instanceof Error ? error.message.replace(/^error: /, '') : String(error)}`,
    );
  }
  const flags = parser.opts();
  const values = parser.processedArgs[0] as string[];
  const limits = {
    maxTracks: limitFlag('--max-tracks', flags['maxTracks'] as string | undefined),
    maxEpisodes: limitFlag('--max-episodes', flags['maxEpisodes'] as string | undefined),
  };
  const { options, owned } = await clientOptionsFrom(flags, () => undefined);
  const { capture } = await import('../index.js');
  const calls: CaptureFile['calls'] = [];
  try {
    const file = await capture(async (client) => {
      for (const value of values) {
        let type: EntityType = 'track';
        try {
          type = (await client.resolve(value)).type ?? 'track';
          const given =
            type === 'playlist'
              ? { maxTracks: limits.maxTracks }
              : type === 'show'
                ? { maxEpisodes: limits.maxEpisodes }
                : {};
          await client.get(type, value, given);
          calls.push({ value, type, ok: true });
        } catch (error) {
          calls.push({ value, type, ok: false, error: error instanceof SpotifyScraperError ? error.name : 'Error' });
        }
      }
    }, options);
    file.calls = calls;
    return await write(out, file, io);
  } finally {
    await owned?.close();
  }
}

/** The capture written whole or not at all; `{path, exchanges, calls}` on stdout; the exit code of its calls. */
async function write(out: string, file: CaptureFile, io: Pick<Io, 'stdout'>): Promise<number> {
  const path = resolve(out);
  const temp = `${path}.${randomBytes(4).toString('hex')}.part`;
  try {
    await writeFile(temp, `${JSON.stringify(file, null, 2)}\n`, { flag: 'wx' });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw new InvalidInputError(
      `Cannot write --out ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  io.stdout.write(`${JSON.stringify({ path, exchanges: file.exchanges.length, calls: file.calls })}\n`);
  const failed = file.calls.find((call) => !call.ok);
  return failed ? (CODES[failed.error ?? ''] ?? EXIT.other) : EXIT.ok;
}
