import { HttpError, NotFoundError, ParseError } from '../errors.js';
import { authorizedRequest, type TokenSource } from '../http/authorized.js';
import type { HttpClient } from '../http/http-client.js';
import { readText } from '../http/transport.js';
import { at, isRaw, list, str, type Raw } from '../parse/raw.js';
import { MAX_QUOTED, quote } from '../redact.js';
import { PARTNER_FAMILY, PARTNER_V2_FAMILY, REFUSAL_CODES } from './family.js';
import type { Candidate, Endpoint, Healing } from './healing.js';
import { ago, healingMessage, notHealedMessage, type Tried } from './healing-messages.js';
import { PARTNER_API_V2_URL, operationBody, operationUrl, type Operation, type Variables } from './operation.js';
import type { ResolvedOperation } from './operations.js';

/** What one call needs to query the partner API. */
export interface QueryContext {
  http: HttpClient;
  /** The token source: the anonymous embed token, or the account token (canvas with cookies). */
  tokens: TokenSource;
  /** The `operations` option, by row kind (a row it does not name runs with its own name and hashes). */
  operations: Readonly<Partial<Record<string, ResolvedOperation>>>;
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
export type Outcome =
  { kind: 'data'; root: Raw } | { kind: 'refused'; why?: string | undefined } | { kind: 'endpoint'; why: string };

/** A row as a call runs it: only what is about the wire (a call's reader is the row's own). */
export type QueryRow = Pick<Operation, 'kind' | 'name' | 'hash' | 'alternates' | 'root' | 'route'>;

/** One call of an operation: its variables from `input`, the query (healed as runQuery heals), the row's reader. */
export async function callOperation<I, R>(
  context: QueryContext,
  row: QueryRow & { variables: (input: I) => Variables; read: (root: Raw, input: I) => R },
  input: I,
): Promise<R> {
  return row.read(await runQuery(context, row, row.variables(input)), input);
}

/** The operation as this client calls it: the `operations` option's name and hashes, else the row's. */
function resolvedOf(context: QueryContext, row: QueryRow): ResolvedOperation {
  return context.operations[row.kind] ?? { name: row.name, userHashes: [] };
}

/**
 * Runs one persisted query and returns `data.<root>`, healing what Spotify changed (SPEC §9): the
 * candidate hashes are tried in order (yours, discovered, built-in); a refused one is marked dead for
 * 24 h and the next is tried at once; when every one is refused, the web player is read for new ones;
 * when v1 refuses in another way than a hash, the same query goes to v2 as a POST (with a client token
 * when v2 asks for one), and the client remembers it. Each healing step is one warning; when nothing
 * heals, a ParseError names the operation, every hash and endpoint tried, the bundle and the way out.
 * A 401 gets one fresh token and one more try; a root of `__typename: "NotFound"` is a NotFoundError.
 */
export async function runQuery(context: QueryContext, row: QueryRow, variables: Variables): Promise<Raw> {
  const { kind } = row;
  const operation = resolvedOf(context, row);
  const { healing } = context;
  const tried: Tried[] = [];
  const healed: string[] = [];
  const refusedEndpoints = new Set<Endpoint>();
  let candidates = await healing.candidates(row, operation);
  let discovery: string | undefined;
  for (let round = 0; round < 2; round += 1) {
    for (let index = 0; index < candidates.length; index += 1) {
      const candidate = candidates[index] as Candidate;
      const endpoint = healing.endpoint;
      const dead = healing.isDead(endpoint, kind, candidate.hash);
      if (dead === true || (dead !== false && (await dead))) continue;
      let outcome = await attempt(context, row, operation.name, candidate.hash, variables, endpoint, healed);
      const about = outcome.kind === 'data' ? otherEntity(outcome.root, variables) : undefined;
      if (about !== undefined) {
        // A hash found in the web player is kept as good (and shared) only when it answers about what was
        // asked: one that does not is refused. A known hash that does is an answer not to merge.
        if (!candidate.source.startsWith('discovered'))
          throw new ParseError(
            `The partner API's ${operation.name} answered about ${about}, not ${String(subjectUri(variables))}: not merged`,
          );
        outcome = { kind: 'refused', why: `it answered about ${about}` };
      }
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
        continue;
      }
      // The endpoint refused, not the hash: the same operation on the other endpoint, from the first
      // candidate (v1 -> a POST to v2; v2 -> back to v1), unless it refused this call already.
      refusedEndpoints.add(endpoint);
      const other: Endpoint = endpoint === 'v1' ? 'v2' : 'v1';
      if (refusedEndpoints.has(other)) break;
      healing.useEndpoint(other);
      healed.push(
        endpoint === 'v1'
          ? `pathfinder/v1 refused (${outcome.why}); sent as a POST to pathfinder/v2`
          : `pathfinder/v2 refused (${outcome.why}); back to pathfinder/v1`,
      );
      index = -1;
    }
    if (round > 0) break;
    try {
      const { candidates: found, found: where } = await healing.discover(
        { name: operation.name, route: row.route },
        context.signal,
      );
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
  row: QueryRow,
  hash: string,
  variables: Variables,
  endpoint: Endpoint,
): Promise<{ outcome: Outcome; steps: string[] }> {
  const steps: string[] = [];
  const outcome = await attempt(context, row, resolvedOf(context, row).name, hash, variables, endpoint, steps);
  return { outcome, steps };
}

/** One hash on one endpoint: data, a refusal of the hash, a refusal of the endpoint, or an error. */
async function attempt(
  context: QueryContext,
  row: QueryRow,
  name: string,
  hash: string,
  variables: Variables,
  endpoint: Endpoint,
  healed: string[],
): Promise<Outcome> {
  try {
    const json =
      endpoint === 'v1'
        ? await sendV1(context, name, hash, variables)
        : await sendV2(context, name, hash, variables, healed);
    if (isRefusal(json)) return { kind: 'refused' };
    // Data without this operation's root is another operation's answer: the hash is not this one's.
    const data = at(json, 'data');
    if (isRaw(data) && !Object.hasOwn(data, row.root)) return { kind: 'refused', why: `no data.${row.root}` };
    return { kind: 'data', root: readRoot(json, row.root, name, context.token ?? '', subjectOf(variables)) };
  } catch (error) {
    if (error instanceof HttpError && error.code === REFUSAL_CODES.hash) return { kind: 'refused' };
    if (error instanceof HttpError && REFUSAL_CODES.endpoint.includes(error.code))
      return { kind: 'endpoint', why: `HTTP ${error.status}: ${ENDPOINT_REASONS[error.code] ?? error.code}` };
    throw error;
  }
}

async function sendV1(context: QueryContext, name: string, hash: string, variables: Variables) {
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
  variables: Variables,
  healed: string[],
): Promise<unknown> {
  const { clientToken } = context.healing;
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
  const held = clientToken.minted ? await clientToken.lease(context.signal) : undefined;
  try {
    return await post(held);
  } catch (error) {
    if (!(error instanceof HttpError) || error.code !== REFUSAL_CODES.clientToken) throw error;
    const fresh =
      held === undefined ? await clientToken.lease(context.signal) : await clientToken.renew(held, context.signal);
    if (held === undefined)
      healed.push("pathfinder/v2 asked for a client token; minted one with the web player's clientVersion");
    try {
      return await post(fresh);
    } catch (refused) {
      // A token minted for this very call refused too: no new one is minted for a while (each mint
      // costs the web player's page and a request).
      if (refused instanceof HttpError && refused.code === REFUSAL_CODES.clientToken) clientToken.refused(fresh);
      throw refused;
    }
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

/** The uri a query is about (`uri`, `artistUri`, `trackUri`, the first of `imageUris`), or undefined. */
function subjectUri(variables: Variables): string | undefined {
  const images = variables['imageUris'];
  return [
    variables['uri'],
    variables['artistUri'],
    variables['trackUri'],
    Array.isArray(images) ? images[0] : undefined,
  ].find((value): value is string => typeof value === 'string');
}

/** What a query is about, for a NotFoundError: `the artist 0TnOYISbd1XYRBk9myaseg`, or undefined. */
function subjectOf(variables: Variables): string | undefined {
  const uri = subjectUri(variables);
  const match = uri === undefined ? null : /^spotify:([a-z]+):([0-9A-Za-z]{1,64})$/.exec(uri);
  return match ? `the ${match[1]} ${match[2]}` : undefined;
}

/** The uri an answer is about when it names another entity than the one asked for (quoted short), else undefined. */
function otherEntity(root: Raw, variables: Variables): string | undefined {
  const asked = subjectUri(variables);
  const uri = root['uri'];
  return asked !== undefined && typeof uri === 'string' && uri !== asked ? quote(uri, 80) : undefined;
}

function readRoot(json: unknown, root: string, name: string, token: string, subject?: string): Raw {
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
