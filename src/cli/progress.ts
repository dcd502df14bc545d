const WIDTH = 24;

export interface ProgressBar {
  update(completed: number, failed: number): void;
  done(): void;
}

type Stream = NodeJS.WritableStream & { isTTY?: boolean; columns?: number };

/**
 * Whether a progress bar may be drawn on `stream`: a terminal (not `TERM=dumb`), for more than one
 * value. It uses no escape sequence, only `\r` and spaces, so `NO_COLOR` terminals show it plainly.
 */
export function canDrawProgress(stream: Stream, total: number, env: NodeJS.ProcessEnv = process.env): boolean {
  return stream.isTTY === true && total >= 2 && env['TERM'] !== 'dumb';
}

/**
 * A one-line progress bar on stderr that never glues itself to other output: `wrap` gives streams
 * whose every write first clears the bar (a `\r`, spaces, a `\r`) and then draws it again, so a JSON
 * line on stdout or an error line on stderr of the same terminal starts on a clean line.
 */
export class ProgressLine implements ProgressBar {
  readonly #stderr: Stream;
  readonly #total: number;
  #text = '';
  #shown = false;

  constructor(stderr: Stream, total: number) {
    this.#stderr = stderr;
    this.#total = total;
  }

  update(completed: number, failed: number): void {
    const filled = Math.round((completed / this.#total) * WIDTH);
    this.#clear();
    this.#text = `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${completed}/${this.#total}${failed > 0 ? ` (${failed} failed)` : ''}`;
    this.#draw();
  }

  /** Shows `text` as the line (a crawl's: done by type, rate, ETA). */
  show(text: string): void {
    this.#clear();
    this.#text = text;
    this.#draw();
  }

  done(): void {
    this.#clear();
    this.#text = '';
  }

  /** A stream whose writes go around the bar: cleared before, drawn again after. */
  wrap<S extends NodeJS.WritableStream>(stream: S): S {
    const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
    return new Proxy(stream, {
      get: (target, key, receiver) => {
        if (key !== 'write') return Reflect.get(target, key, receiver) as unknown;
        return (...args: unknown[]) => {
          this.#clear();
          const result = write(...args);
          this.#draw();
          return result;
        };
      },
    });
  }

  #clear(): void {
    if (!this.#shown) return;
    this.#shown = false;
    this.#stderr.write(`\r${' '.repeat(this.#text.length)}\r`);
  }

  #draw(): void {
    if (this.#text === '' || this.#shown) return;
    this.#shown = true;
    this.#stderr.write(this.#text);
  }
}

/** A progress line on `stream` where one can be drawn, else undefined. */
export function progressBar(
  stream: Stream,
  total: number,
  env: NodeJS.ProcessEnv = process.env,
): ProgressLine | undefined {
  return canDrawProgress(stream, total, env) ? new ProgressLine(stream, total) : undefined;
}
