import { HttpError, NotFoundError, ParseError } from '../errors.js';
import { authorizedRequest, type TokenSource } from '../http/authorized.js';
import type { HttpClient } from '../http/http-client.js';
import { readText } from '../http/transport.js';
import { at, isRaw, list, str, type Raw } from '../parse/raw.js';
import { MAX_QUOTED, quote } from '../redact.js';
import { PARTNER_FAMILY, PARTNER_V2_FAMILY, REFUSAL_CODES } from './family.js';
import type { Candidate, Endpoint, Healing } from './healing.js';
import { ago, healingMessage, notHealedMessage, type Tried } from './healing-messages.js';
import {
  OPERATIONS,
  PARTNER_API_V2_URL,
  operationBody,
  operationUrl,
  type OperationKind,
  type ResolvedOperation,
} from './operations.js';

/** What one call needs to query the partner API. */
export interface QueryContext {
  http: HttpClient;
  /** The token source: the anonymous embed token, or the account token (canvas with cookies). */
  tokens: TokenSource;
  operations: Readonly<Record<OperationKind, ResolvedOperation>>;
  healing: Healing;
  warn: (message: string) => void;
  maxBytes: number;
  signal: AbortSignal | undefined;
  /**
   * The token this call uses: an entity's own embed page token, or one leased on the first query.
   * Every query of the call shares it; a 401 replaces it.
   */
  token?: string | undefined;
}

/** How one try of one hash on one endpoint ended, when it did not end in data or an error. */
export type Outcome = { kind: 'data'; root: Raw } | { kind: 'refused' } | { kind: 'endpoint'; why: string };

/**
 * Runs one persisted query and returns `data.<root>`, healing what Spotify changed (SPEC §9): the
 * candidate hashes are tried in order (yours, discovered, built-in); a refused one is marked dead for
 * 24 h and the next is tried at once; when every one is refused, the web player is read for new ones;
 * when v1 refuses in another way than a hash, the same query goes to v2 as a POST (with a client token
 * when v2 asks for one), and the client remembers it. Each healing step is one warning; when nothing
 * heals, a ParseError names the operation, every hash and endpoint tried, the bundle and the way out.
 * A 401 gets one fresh token and one more try; a root of `__typename: "NotFound"` is a NotFoundError.
 */
export async function runQuery(
  context: QueryContext,
  kind: OperationKind,
  variables: Readonly<Record<string, unknown>>,
): Promise<Raw> {
  const operation = context.operations[kind];
  const { healing } = context;
  const tried: Tried[] = [];
  const healed: string[] = [];
  let candidates = await healing.candidates(kind, operation);
  let discovery: string | undefined;
  for (let round = 0; round < 2; round += 1) {
    for (let index = 0; index < candidates.length; index += 1) {
      const candidate = candidates[index] as Candidate;
      const endpoint = healing.endpoint;
      const dead = healing.isDead(endpoint, kind, candidate.hash);
      if (dead === true || (dead !== false && (await dead))) continue;
      const outcome = await attempt(context, kind, operation.name, candidate.hash, variables, endpoint, healed);
      if (outcome.kind === 'data') {
        if (tried.length > 0 || healed.length > 0)
          context.warn(healingMessage(operation.name, tried, candidate, healed, endpoint));
        if (candidate.source.startsWith('discovered')) await healing.answered(kind, candidate);
        return outcome.root;
      }
      tried.push({
        endpoint,
        hash: candidate.hash,
        source: candidate.source,
        refused: outcome.kind === 'refused' ? 'hash' : 'endpoint',
      });
      if (outcome.kind === 'refused') {
        await healing.markDead(endpoint, kind, candidate.hash);
      } else if (endpoint === 'v1') {
        // v1 refuses the endpoint, not the hash: the same operation as a POST to v2, from the first candidate.
        healing.useEndpoint('v2');
        healed.push(`pathfinder/v1 refused (${outcome.why}); sent as a POST to pathfinder/v2`);
        index = -1;
      } else {
        break;
      }
    }
    if (round > 0) break;
    try {
      const { candidates: found, found: where } = await healing.discover(operation.name, context.signal);
      discovery = `${where.source} (read ${ago(where.at)})`;
      const fresh = found.filter((candidate) => !tried.some((done) => done.hash === candidate.hash));
      if (fresh.length === 0) break;
      candidates = fresh;
    } catch (error) {
      if (context.signal?.aborted) throw context.signal.reason;
      discovery = `failed: ${error instanceof Error ? error.message : String(error)}`;
      break;
    }
  }
  throw new ParseError(notHealedMessage(kind, operation.name, tried, discovery), { url: PARTNER_API_V2_URL });
}

/**
 * One try of one hash on one endpoint, without healing: what `doctor` probes. Resolves to data, a
 * refusal of the hash or of the endpoint; rejects with the transport's or the answer's error.
 */
export async function probeOperation(
  context: QueryContext,
  kind: OperationKind,
  hash: string,
  variables: Readonly<Record<string, unknown>>,
  endpoint: Endpoint,
): Promise<{ outcome: Outcome; steps: string[] }> {
  const steps: string[] = [];
  const outcome = await attempt(context, kind, context.operations[kind].name, hash, variables, endpoint, steps);
  return { outcome, steps };
}

/** One hash on one endpoint: data, a refusal of the hash, a refusal of the endpoint, or an error. */
async function attempt(
  context: QueryContext,
  kind: OperationKind,
  name: string,
  hash: string,
  variables: Readonly<Record<string, unknown>>,
  endpoint: Endpoint,
  healed: string[],
): Promise<Outcome> {
  try {
    const json =
      endpoint === 'v1'
        ? await sendV1(context, name, hash, variables)
        : await sendV2(context, name, hash, variables, healed);
    if (isRefusal(json)) return { kind: 'refused' };
    return { kind: 'data', root: readRoot(json, kind, name, context.token ?? '', subjectOf(variables)) };
  } catch (error) {
    if (error instanceof HttpError && error.code === REFUSAL_CODES.hash) return { kind: 'refused' };
    if (error instanceof HttpError && REFUSAL_CODES.endpoint.includes(error.code))
      return { kind: 'endpoint', why: `HTTP ${error.status}: ${ENDPOINT_REASONS[error.code] ?? error.code}` };
    throw error;
  }
}

async function sendV1(context: QueryContext, name: string, hash: string, variables: Readonly<Record<string, unknown>>) {
  const url = operationUrl(name, hash, variables);
  const { value, token } = await authorizedRequest(context.http, PARTNER_FAMILY, context.tokens, {
    url,
    signal: context.signal,
    token: context.token,
    consume: (response) => readText(response, context.maxBytes),
  });
  context.token = token;
  return parseJson(value, url);
}

/** v2: a JSON POST; when it asks for a client token (400 client-token-error, or 403), one is minted and sent. */
async function sendV2(
  context: QueryContext,
  name: string,
  hash: string,
  variables: Readonly<Record<string, unknown>>,
  healed: string[],
): Promise<unknown> {
  const { clientTokens } = context.healing;
  const post = async (clientToken: string | undefined): Promise<unknown> => {
    const { value, token } = await authorizedRequest(context.http, PARTNER_V2_FAMILY, context.tokens, {
      url: PARTNER_API_V2_URL,
      method: 'POST',
      body: operationBody(name, hash, variables),
      headers:
        clientToken === undefined
          ? { 'content-type': 'application/json' }
          : { 'content-type': 'application/json', 'client-token': clientToken },
      signal: context.signal,
      token: context.token,
      consume: (response) => readText(response, context.maxBytes),
    });
    context.token = token;
    return parseJson(value, PARTNER_API_V2_URL);
  };
  const held = clientTokens.minted ? await clientTokens.lease(context.signal) : undefined;
  try {
    return await post(held);
  } catch (error) {
    if (!(error instanceof HttpError) || error.code !== REFUSAL_CODES.clientToken) throw error;
    const fresh =
      held === undefined ? await clientTokens.lease(context.signal) : await clientTokens.renew(held, context.signal);
    if (held === undefined)
      healed.push("pathfinder/v2 asked for a client token; minted one with the web player's clientVersion");
    return post(fresh);
  }
}

/** v1's refusal of a hash: HTTP 200 with `errors[].message` "PersistedQueryNotFound" (and no data). */
function isRefusal(json: unknown): boolean {
  if (isRaw(at(json, 'data'))) return false;
  return list(at(json, 'errors')).some((error) => String(at(error, 'message')).includes('PersistedQueryNotFound'));
}

function parseJson(body: string, url: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    // No cause: the engine's message quotes the body, which may echo the token.
    throw new ParseError(`The partner API answered ${url} with something that is not JSON`, { url });
  }
}

/** What a query is about, for a NotFoundError: `the artist 0TnOYISbd1XYRBk9myaseg`, or undefined. */
function subjectOf(variables: Readonly<Record<string, unknown>>): string | undefined {
  const images = variables['imageUris'];
  const uri = [
    variables['uri'],
    variables['artistUri'],
    variables['trackUri'],
    Array.isArray(images) ? images[0] : undefined,
  ].find((value): value is string => typeof value === 'string');
  const match = uri === undefined ? null : /^spotify:([a-z]+):([0-9A-Za-z]{1,64})$/.exec(uri);
  return match ? `the ${match[1]} ${match[2]}` : undefined;
}

function readRoot(json: unknown, kind: OperationKind, name: string, token: string, subject?: string): Raw {
  const { root } = OPERATIONS[kind];
  const value = at(json, 'data', root);
  const missing = (said: string) =>
    new NotFoundError(
      subject === undefined
        ? `The partner API has no such entity (${name}: ${said})`
        : `Spotify does not know ${subject} (the partner API's ${name} answered ${said})`,
      { status: 404 },
    );
  if (isRaw(value)) {
    if (value['__typename'] === 'NotFound' || value['__typename'] === 'GenericError')
      throw missing(String(value['__typename']));
    return value;
  }
  // Some operations answer a list at the root (extractedColors).
  if (Array.isArray(value)) return { items: value };
  // The server's own words, which may echo the token it was sent: quoted short, with that token redacted.
  const message = str(at(list(at(json, 'errors'))[0], 'message'));
  if (message === 'NotFound' || message?.startsWith('NotFound:')) throw missing(quote(message, 80, [token]));
  const why = message === undefined ? `no data.${root}` : quote(message, MAX_QUOTED, [token]);
  throw new ParseError(`The partner API's ${name} failed: ${why}`);
}

const ENDPOINT_REASONS: Readonly<Record<string, string>> = {
  ENDPOINT_GONE: 'the endpoint is gone',
  EDGE_REFUSED: 'an HTML edge page',
  BAD_REQUEST: 'refused without a reason',
};
