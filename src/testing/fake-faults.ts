import type { ServerResponse } from 'node:http';
import { InvalidInputError } from '../errors.js';
import { ENTITY_TYPES, type EntityType } from '../models/entities.js';
import type { FakeAnswer } from './fake-answer.js';

/** How the fake fails a request it was told to fail (`fail()`): one of these. */
export type FakeFault =
  /** An HTTP status (429, 500, 503, 403…), with `Retry-After: <retryAfter>` seconds when given. */
  | { status: number; retryAfter?: number | undefined }
  /** The answer's body sent in two halves, `ms` apart. */
  | { slowBodyMs: number }
  /** Half the answer's body, then the connection closed (the Content-Length says the whole). */
  | { truncated: true }
  /** The partner API refuses the query's hash, as after a rotation (a page is not refused). */
  | { rotatedHash: true };

/** Which requests fail: about one value (id, URI or URL), one entity type, or every entity request; how many. */
export interface FakeFaultScope {
  /** An id, `spotify:TYPE:ID` or open.spotify.com URL: requests about that entity (a list operation is about its first uri). */
  value?: string | undefined;
  /** Requests about entities of this type. */
  type?: EntityType | undefined;
  /** How many matching requests fail (then the fake answers as usual). @default 1 */
  times?: number | undefined;
}

/** What a request is about, as the fake reads it: an embed page's entity, or a query's `uri`. */
export interface FaultTarget {
  type: EntityType | undefined;
  id: string | undefined;
  /** A partner API query (a hash can be refused). */
  query: boolean;
}

interface Armed {
  fault: FakeFault;
  type: EntityType | undefined;
  id: string | undefined;
  left: number;
}

const ID = /([0-9A-Za-z]{22})\/?(?:[?#].*)?$/;

/** The entity calls a test told the fake to fail, and how each failure is served. */
export class FakeFaults {
  readonly #armed: Armed[] = [];

  add(fault: FakeFault, scope: FakeFaultScope = {}): void {
    const times = scope.times ?? 1;
    if (!Number.isSafeInteger(times) || times < 1) throw new InvalidInputError('fail(): times is a whole number >= 1');
    const value = scope.value?.trim();
    const typed =
      value === undefined ? undefined : /^spotify:([a-z]+):|open\.spotify\.com\/(?:embed\/)?([a-z]+)\//.exec(value);
    const type = scope.type ?? (typed ? ((typed[1] ?? typed[2]) as EntityType) : undefined);
    if (type !== undefined && !ENTITY_TYPES.includes(type))
      throw new InvalidInputError(`fail(): unknown entity type ${JSON.stringify(type)}`);
    const id = value === undefined ? undefined : ID.exec(value)?.[1];
    if (value !== undefined && id === undefined)
      throw new InvalidInputError(`fail(): ${JSON.stringify(value)} names no entity`);
    this.#armed.push({ fault, type, id, left: times });
  }

  /** Forgets every failure still armed. */
  clear(): void {
    this.#armed.length = 0;
  }

  /** The failure for a request about `target`, when one is armed for it (counted as used). */
  take(target: FaultTarget): FakeFault | undefined {
    if (target.type === undefined && target.id === undefined) return undefined;
    const index = this.#armed.findIndex(
      (armed) =>
        (armed.type === undefined || armed.type === target.type) &&
        (armed.id === undefined || armed.id === target.id) &&
        (!('rotatedHash' in armed.fault) || target.query),
    );
    const armed = this.#armed[index];
    if (!armed) return undefined;
    armed.left -= 1;
    if (armed.left === 0) this.#armed.splice(index, 1);
    return armed.fault;
  }
}

/** The answer of a failure that replaces the usual one (a status, a refused hash), else undefined. */
export function faultAnswer(fault: FakeFault, endpoint: 'v1' | 'v2' | undefined): FakeAnswer | undefined {
  if ('status' in fault)
    return {
      status: fault.status,
      headers: {
        'content-type': 'text/plain',
        ...(fault.retryAfter === undefined ? {} : { 'retry-after': String(fault.retryAfter) }),
      },
      body: `fake failure: HTTP ${fault.status}`,
    };
  if ('rotatedHash' in fault)
    return endpoint === 'v2'
      ? {
          status: 412,
          headers: { 'content-type': 'application/json' },
          body: '{"errors":[{"message":"Invalid query hash"}]}',
        }
      : {
          status: 200,
          headers: { 'content-type': 'application/json' },
          body: '{"errors":[{"message":"PersistedQueryNotFound","extensions":{"code":"PERSISTED_QUERY_NOT_FOUND"}}]}',
        };
  return undefined;
}

/** Sends `answer` the way `fault` spoils it (slowly, or cut short); false when it is not such a fault. */
export function sendSpoiled(fault: FakeFault, answer: FakeAnswer, response: ServerResponse): boolean {
  if (!('slowBodyMs' in fault) && !('truncated' in fault)) return false;
  const body = Buffer.from(answer.body);
  const half = body.subarray(0, Math.floor(body.length / 2));
  response.writeHead(answer.status, { 'content-length': String(body.length), ...answer.headers });
  response.write(half);
  if ('truncated' in fault) {
    response.socket?.destroy();
    return true;
  }
  const timer = setTimeout(() => response.end(body.subarray(half.length)), fault.slowBodyMs);
  response.on('close', () => clearTimeout(timer));
  return true;
}
