import { SpotifyScraperError } from '../errors.js';
import { EXIT, cliMessage, exitCodeFor, shownValue } from './messages.js';
import { watchStdout, type Io } from './output.js';

/** What a `--stream` command iterates for one value. */
export type StreamTask = (value: string, signal: AbortSignal) => AsyncIterable<unknown>;

/**
 * `--stream`: each value's items as NDJSON lines, one per item, as their pages arrive (nothing is held
 * whole). Values go one after another; a failed value is a line on stderr and the run goes on; the exit
 * code is the first failure's. A reader that goes away (`| head -5`) stops the paging, exit code 0.
 */
export async function runStream(values: readonly string[], open: StreamTask, io: Io): Promise<number> {
  const controller = new AbortController();
  let closed = false;
  const unwatch = watchStdout(io.stdout, () => {
    closed = true;
    controller.abort(new Error('stdout closed'));
  });
  let code: number = EXIT.ok;
  try {
    for (const value of values) {
      if (closed) break;
      try {
        for await (const item of open(value, controller.signal)) {
          if (closed) break;
          const more = io.stdout.write(`${JSON.stringify(item)}\n`);
          // A slow reader: wait for it before the next page is asked for.
          if (!more && 'once' in io.stdout)
            await new Promise<void>((resolve) => {
              (io.stdout as NodeJS.WritableStream).once('drain', resolve);
              controller.signal.addEventListener('abort', () => resolve(), { once: true });
            });
        }
      } catch (error) {
        if (closed) break;
        const failure =
          error instanceof SpotifyScraperError ? error : new SpotifyScraperError(String(error), { cause: error });
        io.stderr.write(`error: ${shownValue(value)}: ${cliMessage(failure)}\n`);
        if (code === EXIT.ok) code = exitCodeFor(failure);
      }
    }
  } finally {
    unwatch();
  }
  return closed ? EXIT.ok : code;
}
