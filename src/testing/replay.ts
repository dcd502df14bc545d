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
    capture.exchanges.forEach((exchange: unknown, index: number) => checkExchange(exchange, index));
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

/** How deep a recorded query's variables may nest (Spotify's are two or three levels). */
const MAX_DEPTH = 32;

/**
 * An exchange as `capture` writes it, or an InvalidInputError naming the exchange and what is wrong
 * with it (a hand-edited or damaged file fails here, not deep in the fake's answer).
 */
function checkExchange(value: unknown, index: number): asserts value is RecordedExchange {
  const bad = (why: string): never => {
    throw new InvalidInputError(`The capture's exchange ${index} ${why}`);
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) bad('is not an object');
  const exchange = value as Record<string, unknown>;
  const isText = (key: string) => typeof exchange[key] === 'string';
  const orNull = (key: string) => exchange[key] === null || isText(key);
  if (exchange['method'] !== 'GET' && exchange['method'] !== 'POST') bad('has no method GET or POST');
  if (!isText('host') || !isText('path')) bad('has no host or path');
  if (!orNull('operation') || !orNull('hash')) bad('has an operation or hash that is not a string');
  const status = exchange['status'];
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599)
    bad('has no HTTP status');
  const headers = exchange['headers'];
  if (typeof headers !== 'object' || headers === null || Object.values(headers).some((v) => typeof v !== 'string'))
    bad('has headers that are not strings');
  if (exchange['body'] !== undefined && !isText('body')) bad('has a body that is not a string');
  if (exchange['base64'] !== undefined && !isText('base64')) bad('has a base64 body that is not a string');
  const lifetime = exchange['tokenLifetimeMs'];
  if (lifetime !== undefined && (typeof lifetime !== 'number' || !Number.isFinite(lifetime) || lifetime < 0))
    bad('has a token lifetime that is not a number of ms');
  const variables = exchange['variables'];
  if (variables !== null && (typeof variables !== 'object' || Array.isArray(variables)))
    bad('has variables that are not an object');
  if (variables !== null && depthOf(variables) > MAX_DEPTH) bad(`has variables nested deeper than ${MAX_DEPTH}`);
}

/** How deep a JSON value nests, counted without recursion (a hostile file may nest thousands deep). */
function depthOf(value: unknown): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop() as [unknown, number];
    if (typeof item !== 'object' || item === null) continue;
    deepest = Math.max(deepest, depth);
    if (deepest > MAX_DEPTH) return deepest;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return deepest;
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
