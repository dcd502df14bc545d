import type { SpotifyScraperError } from '../errors.js';

export interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

/** A result printed as it is, not as JSON (`lyrics --format lrc`). */
export class TextOutput {
  constructor(readonly text: string) {}
}

/**
 * Writes results in input order as soon as each one and every one before it is done: one value prints
 * one JSON document; several print NDJSON (a line per value, a failed value as `{value, error}`), or
 * with `pretty` one JSON array, streamed element by element. A failure of a single value prints
 * nothing on stdout (the reason goes to stderr). Results that arrive early wait in a buffer the runner
 * keeps bounded.
 */
export class ResultWriter {
  #next = 0;
  #waiting = new Map<number, string | null>();
  #wroteArray = false;
  #wroteText = false;

  /** Whether a text result was written: the run prints text, its failures go to stderr only. */
  #text = false;

  readonly #stdout: NodeJS.WritableStream;
  readonly #count: number;
  readonly #pretty: boolean;

  constructor(stdout: NodeJS.WritableStream, count: number, pretty: boolean) {
    this.#stdout = stdout;
    this.#count = count;
    this.#pretty = pretty;
  }

  /** The run prints text (`--format lrc|text`): one result after another, a blank line between. */
  set text(value: boolean) {
    this.#text = value;
  }

  /** How many results have been written (or skipped) in order. */
  get written(): number {
    return this.#next;
  }

  ok(index: number, result: unknown): void {
    this.#put(index, result);
  }

  fail(index: number, value: string, error: SpotifyScraperError): void {
    this.#put(
      index,
      this.#count === 1 || this.#text ? undefined : { value, error: { name: error.name, message: error.message } },
    );
  }

  /** Closes the JSON array, when one was opened. */
  end(): void {
    if (this.#wroteArray) this.#stdout.write('\n]\n');
    else if (this.#pretty && this.#count > 1) this.#stdout.write('[]\n');
  }

  #put(index: number, document: unknown): void {
    this.#waiting.set(index, document === undefined ? null : this.#format(document));
    for (let text = this.#waiting.get(this.#next); text !== undefined; text = this.#waiting.get(this.#next)) {
      this.#waiting.delete(this.#next);
      this.#next += 1;
      if (text !== null) this.#write(text);
    }
  }

  #format(document: unknown): string {
    if (document instanceof TextOutput) return document.text;
    return JSON.stringify(document, null, this.#pretty ? 2 : undefined);
  }

  #write(text: string): void {
    if (this.#text) {
      this.#stdout.write(this.#wroteText ? `\n${text}\n` : `${text}\n`);
      this.#wroteText = true;
      return;
    }
    if (this.#count === 1 || !this.#pretty) {
      this.#stdout.write(`${text}\n`);
      return;
    }
    const indented = text.replace(/\n/g, '\n  ');
    this.#stdout.write(this.#wroteArray ? `,\n  ${indented}` : `[\n  ${indented}`);
    this.#wroteArray = true;
  }
}

/**
 * Watches stdout for a reader that went away (`… | head -1`): `onClosed` runs once, and later
 * writes are dropped instead of throwing EPIPE.
 */
export function watchStdout(stdout: NodeJS.WritableStream, onClosed: () => void): () => void {
  let closed = false;
  // EPIPE in practice; any write error means nothing more can be written.
  const onError = (): void => {
    if (closed) return;
    closed = true;
    onClosed();
  };
  stdout.on('error', onError);
  return () => stdout.off('error', onError);
}
