import { NotFoundError, ParseError } from '../errors.js';
import type { HttpClient } from '../http/http-client.js';
import { authorizedRequest } from '../http/authorized.js';
import { readText } from '../http/transport.js';
import { at, isRaw, list, str, type Raw } from '../parse/raw.js';
import { OPERATIONS, operationUrl, type OperationKind, type PersistedOperation } from './operations.js';
import type { AccessTokens } from './token.js';
import { PARTNER_FAMILY } from './family.js';
import { MAX_QUOTED, quote } from '../redact.js';

/** What one call needs to query the partner API. */
export interface QueryContext {
  http: HttpClient;
  tokens: AccessTokens;
  operations: Readonly<Record<OperationKind, PersistedOperation>>;
  maxBytes: number;
  signal: AbortSignal | undefined;
  /**
   * The token this call uses: an entity's own embed page token, or one leased on the first query.
   * Every query of the call shares it; a 401 replaces it.
   */
  token?: string | undefined;
}

/**
 * Runs one persisted query and returns `data.<root>`. A 401 gets one fresh token and one more try.
 * GraphQL errors (a rotated hash answers "PersistedQueryNotFound") are ParseErrors naming the
 * operation and the `operations` key that overrides it; a root of `__typename: "NotFound"` is a NotFoundError.
 */
export async function runQuery(
  context: QueryContext,
  kind: OperationKind,
  variables: Readonly<Record<string, unknown>>,
): Promise<Raw> {
  const operation = context.operations[kind];
  const url = operationUrl(operation, variables);
  const { value: body, token } = await authorizedRequest(context.http, PARTNER_FAMILY, context.tokens, {
    url,
    signal: context.signal,
    token: context.token,
    consume: (response) => readText(response, context.maxBytes),
  });
  context.token = token;
  return readRoot(parseJson(body, url), kind, operation, url, token);
}

function parseJson(body: string, url: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    // No cause: the engine's message quotes the body, which may echo the token.
    throw new ParseError(`The partner API answered ${url} with something that is not JSON`, { url });
  }
}

function readRoot(json: unknown, kind: OperationKind, operation: PersistedOperation, url: string, token: string): Raw {
  const { root } = OPERATIONS[kind];
  const value = at(json, 'data', root);
  if (isRaw(value)) {
    if (value['__typename'] === 'NotFound' || value['__typename'] === 'GenericError') {
      throw new NotFoundError(`The partner API has no such entity (${operation.name})`, { url, status: 404 });
    }
    return value;
  }
  // Some operations answer a list at the root (extractedColors).
  if (Array.isArray(value)) return { items: value };
  // The server's own words, which may echo the token it was sent: quoted short, with that token redacted.
  const message = str(at(list(at(json, 'errors'))[0], 'message'));
  if (message === 'NotFound' || message?.startsWith('NotFound:'))
    throw new NotFoundError(`The partner API has no such entity (${operation.name}: ${quote(message, 80, [token])})`, {
      url,
      status: 404,
    });
  const why = message === undefined ? `no data.${root}` : quote(message, MAX_QUOTED, [token]);
  // The way out is named only when the answer says the hash is what failed.
  const hint = message?.includes('PersistedQueryNotFound')
    ? `. If Spotify rotated its hash, override it with the client option operations.${kind}`
    : '';
  throw new ParseError(`The partner API's ${operation.name} failed: ${why}${hint}`, { url });
}
