import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { capture, InvalidInputError } from '../index.js';
import type { CommandSpec } from './command-spec.js';
import { EXIT } from './messages.js';

const CODES: Readonly<Record<string, number>> = {
  InvalidInputError: EXIT.invalidInput,
  NotFoundError: EXIT.notFound,
  RateLimitedError: EXIT.rateLimited,
};

/** `spotify-scraper capture <value...> --out FILE`: one redacted recording of every request and answer. */
export const captureCommand: CommandSpec = {
  name: 'capture',
  args: '<values...>',
  summary:
    'record every request and answer of the getters of these values into one redacted JSON file (a bare id is a track), for a bug report',
  input: 'values',
  options: (command) => command.requiredOption('--out <file>', 'the capture file to write'),
  prepare: () => () => Promise.resolve(undefined),
  whole: async ({ flags, args, options, io }) => {
    if (args.length === 0) throw new InvalidInputError('capture takes at least one value');
    const path = resolve(String(flags['out']));
    const file = await capture(args, options);
    // Written whole or not at all.
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
  },
};
