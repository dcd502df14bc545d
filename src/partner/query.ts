import { HttpError, NotFoundError, ParseError } from '../errors.js';
import type { HttpClient } from '../http/http-client.js';
import { readText } from '../http/transport.js';
import { at, isRaw, list, str } from '../parse/raw.js';
import { operationUrl, type PersistedOperation } from './operations.js';

/** The embed page's anonymous token, and a way to get a fresh one when the API answers 401. */
export interface PartnerAuth {
  token: string;
  refresh(signal: AbortSignal | undefined): Promise<string>;
}

export interface QueryContext {
  http: HttpClient;
  auth: PartnerAuth;
  maxBytes: number;
  signal: AbortSignal | undefined;
}

/**
 * Runs one persisted query and returns `data.<root>`. A 401 gets one fresh token and one more try.
 * GraphQL errors (a rotated hash answers "PersistedQueryNotFound") are ParseErrors; a root of
 * `__typename: "NotFound"` is a NotFoundError.
 */
export async function runQuery(
  context: QueryContext,
  operation: PersistedOperation,
  variables: Readonly<Record<string, unknown>>,
  root: string,
): Promise<unknown> {
  const url = operationUrl(operation, variables);
  let json: unknown;
  try {
    json = await send(context, url);
  } catch (error) {
    if ((error as { status?: unknown }).status !== 401) throw error;
    context.auth.token = await context.auth.refresh(context.signal);
    json = await send(context, url);
  }
  return readRoot(json, operation, root, url);
}

async function send(context: QueryContext, url: string): Promise<unknown> {
  const body = await context.http
    .get(url, {
      signal: context.signal,
      headers: { authorization: `Bearer ${context.auth.token}`, 'app-platform': 'WebPlayer', accept: 'application/json' },
      consume: (response) => readText(response, context.maxBytes),
    })
    .catch((error: unknown) => {
      // The embed page proved the entity exists: an HTTP 404 here is the endpoint failing, not the
      // entity missing (that is a `NotFound` root), so it degrades to embed data like other failures.
      if (error instanceof NotFoundError) throw new HttpError(`The partner API answered HTTP 404: ${url}`, { url, status: 404, cause: error });
      throw error;
    });
  try {
    return JSON.parse(body);
  } catch (error) {
    throw new ParseError(`The partner API answered ${url} with something that is not JSON`, { url, cause: error });
  }
}

function readRoot(json: unknown, operation: PersistedOperation, root: string, url: string): unknown {
  const errors = list(at(json, 'errors'));
  const value = at(json, 'data', root);
  if (!isRaw(value)) {
    const why = str(at(errors[0], 'message')) ?? `no data.${root}`;
    throw new ParseError(`The partner API's ${operation.name} failed: ${why}`, { url });
  }
  if (value['__typename'] === 'NotFound' || value['__typename'] === 'GenericError') {
    throw new NotFoundError(`The partner API has no such entity (${operation.name})`, { url, status: 404 });
  }
  return value;
}
