import { InvalidInputError } from '../errors.js';
import { readFileSync } from 'node:fs';
import type { CaptureFile, RecordedExchange } from '../capture/recording.js';
import type { FakeAnswer } from './fake-answer.js';

/** JSON with sorted keys: two variables objects match whatever their key order. */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (typeof value === 'object' && value !== null)
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stable((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/** The key a request is matched on: method, host, path, operation, variables, hash. */
export function replayKey(request: {
  method: string;
  host: string;
  path: string;
  operation: string | null;
  variables: Record<string, unknown> | null;
  hash: string | null;
}): string {
  return [
    request.method,
    request.host,
    request.path,
    request.operation ?? '',
    stable(request.variables ?? null),
    request.hash ?? '',
  ].join(' ');
}

/**
 * A capture served back: each request gets the answers recorded for it in order, the last one
 * repeating. A page's token (removed by the capture) is given back its recorded lifetime from now.
 */
export class Replay {
  readonly #answers = new Map<string, RecordedExchange[]>();
  readonly #served = new Map<string, number>();

  constructor(file: CaptureFile | string) {
    const capture = typeof file === 'string' ? readCapture(file) : file;
    if (capture?.format !== 'spotify-scraper-capture' || !Array.isArray(capture.exchanges))
      throw new InvalidInputError(
        `${typeof file === 'string' ? file : 'This'} is not a capture of spotify-scraper (spotify-scraper capture … --out FILE makes one)`,
      );
    for (const exchange of capture.exchanges) {
      const key = replayKey(exchange);
      this.#answers.set(key, [...(this.#answers.get(key) ?? []), exchange]);
    }
  }

  answer(request: Parameters<typeof replayKey>[0]): FakeAnswer | undefined {
    const key = replayKey(request);
    const answers = this.#answers.get(key);
    if (!answers || answers.length === 0) return undefined;
    const served = this.#served.get(key) ?? 0;
    this.#served.set(key, served + 1);
    const exchange = answers[Math.min(served, answers.length - 1)] as RecordedExchange;
    let body: string | Buffer =
      exchange.base64 === undefined ? (exchange.body ?? '') : Buffer.from(exchange.base64, 'base64');
    if (exchange.tokenLifetimeMs !== undefined && typeof body === 'string')
      body = body.replace(
        /"accessTokenExpirationTimestampMs":0\b/g,
        `"accessTokenExpirationTimestampMs":${Date.now() + exchange.tokenLifetimeMs}`,
      );
    return { status: exchange.status, headers: exchange.headers, body };
  }
}

function readCapture(path: string): CaptureFile | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new InvalidInputError(
      `Cannot read the capture ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  try {
    return JSON.parse(text) as CaptureFile;
  } catch {
    return undefined;
  }
}
