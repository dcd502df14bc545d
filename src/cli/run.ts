import { SpotifyScraperError } from '../errors.js';
import { EXIT, cliMessage, exitCodeFor, shownValue } from './messages.js';
import { ResultWriter, watchStdout, type Io } from './output.js';
import type { ProgressBar } from './progress.js';

export interface RunOptions {
  io: Io;
  concurrency: number;
  pretty: boolean;
  /** The progress bar, when one is drawn (`io`'s streams then write around it). */
  bar?: ProgressBar | undefined;
  /** The results are text (`--format lrc|text`), not JSON: a failed value prints nothing on stdout. */
  text?: boolean | undefined;
}

/** What a task can say besides its result: a note on stderr (a result the defaults cut short). */
export type Note = (message: string) => void;

export type Task = (value: string, signal: AbortSignal, note: Note) => Promise<unknown>;

/**
 * Runs `task` over `values`, `concurrency` at a time, and streams the results in input order (see
 * ResultWriter). A value starts only when it is within a window of the last one written, so results
 * that finish early never pile up without bound. A failed value is reported on stderr, in input order
 * too, and the exit code is that of the first failure in input order. If stdout's reader goes away
 * (`| head -1`) the remaining work is cancelled and the run ends quietly with exit code 0.
 */
export async function runValues(values: readonly string[], task: Task, options: RunOptions): Promise<number> {
  const { io, concurrency } = options;
  const writer = new ResultWriter(io.stdout, values.length, options.pretty);
  writer.text = options.text === true;
  const controller = new AbortController();
  let stdoutClosed = false;
  const unwatch = watchStdout(io.stdout, () => {
    stdoutClosed = true;
    controller.abort(new Error('stdout closed'));
  });
  const { bar } = options;
  const window = Math.max(concurrency * 4, 16);
  let completed = 0;
  let failed = 0;
  // Error lines go to stderr in input order, as results go to stdout: each waits for the values
  // before it. The exit code is that of the first failure in input order, whatever the concurrency.
  const settled: Array<{ line: string | undefined; code: number } | undefined> = [];
  let nextLine = 0;
  const settle = (index: number, line: string | undefined, code: number): void => {
    settled[index] = { line, code };
    for (let entry = settled[nextLine]; entry !== undefined; entry = settled[nextLine]) {
      if (entry.line !== undefined && !stdoutClosed) io.stderr.write(entry.line);
      nextLine += 1;
    }
  };

  const runOne = async (index: number): Promise<void> => {
    const value = values[index] as string;
    try {
      const result = await task(value, controller.signal, (message) => io.stderr.write(`note: ${message}\n`));
      if (!stdoutClosed) writer.ok(index, result);
      settle(index, undefined, EXIT.ok);
    } catch (error) {
      if (stdoutClosed) return;
      const failure =
        error instanceof SpotifyScraperError ? error : new SpotifyScraperError(String(error), { cause: error });
      failed += 1;
      settle(index, `error: ${shownValue(value)}: ${cliMessage(failure)}\n`, exitCodeFor(failure));
      writer.fail(index, value, failure);
    } finally {
      completed += 1;
      bar?.update(completed, failed);
    }
  };

  await new Promise<void>((resolve) => {
    let next = 0;
    let active = 0;
    const pump = (): void => {
      while (!stdoutClosed && active < concurrency && next < values.length && next < writer.written + window) {
        active += 1;
        void runOne(next).finally(() => {
          active -= 1;
          pump();
        });
        next += 1;
      }
      if (active === 0 && (stdoutClosed || next >= values.length)) resolve();
    };
    pump();
  });
  bar?.done();
  if (!stdoutClosed) writer.end();
  unwatch();
  const firstFailure = settled.find((entry) => entry !== undefined && entry.code !== EXIT.ok);
  return stdoutClosed ? EXIT.ok : (firstFailure?.code ?? EXIT.ok);
}
