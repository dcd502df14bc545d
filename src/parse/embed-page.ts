import { NotFoundError, ParseError } from '../errors.js';
import { readPageJson } from './page-json.js';
import { quote } from '../redact.js';
import { at, count, isRaw, num, text, type Raw } from './raw.js';

/** The anonymous session an embed page carries; its token opens the partner API. */
export interface EmbedSession {
  accessToken: string;
  expiresAtMs: number | null;
}

/** What an embed page says about the entity it shows. */
export interface EmbedPage {
  entity: Raw;
  /** `embeded_entity_uri`: the entity asked for (for a show, the show; `entity` is then its latest episode). */
  entityUri: string | null;
  session: EmbedSession | null;
  /** Where `entity` sits in the page's JSON, for messages: `props.pageProps.state.data.entity` or `data.entity`. */
  entityPath: string;
}

/**
 * Reads an embed page into its entity and session.
 * @throws {NotFoundError} for Spotify's "Page not found" page, whatever its HTTP status.
 * @throws {ParseError} naming the url and the path that is missing, for anything unrecognised.
 */
export function readEmbedPage(html: string, pageUrl: string): EmbedPage {
  const { format, json } = readPageJson(html, pageUrl);
  const state = format === 'next-data' ? nextDataState(json, pageUrl) : json;
  const entity = at(state, 'data', 'entity');
  const entityPath = format === 'next-data' ? 'props.pageProps.state.data.entity' : 'data.entity';
  if (!isRaw(entity)) throw new ParseError(`Missing ${entityPath} in ${pageUrl}`, { url: pageUrl });
  return {
    entity,
    entityUri: text(at(state, 'data', 'embeded_entity_uri')) ?? null,
    session: readSession(at(state, 'settings', 'session')),
    entityPath,
  };
}

function nextDataState(json: unknown, pageUrl: string): unknown {
  const pageProps = at(json, 'props', 'pageProps');
  if (!isRaw(pageProps)) throw new ParseError(`Missing props.pageProps in ${pageUrl}`, { url: pageUrl });
  const state = pageProps['state'];
  const forbidden = text(pageProps['forbiddenReason']) ?? text(at(state, 'data', 'forbiddenReason'));
  if (forbidden !== undefined && !isRaw(at(state, 'data', 'entity'))) {
    // Spotify has the entity but will not show it here: for the caller it is not there.
    const where = forbidden === 'GEO_RESTRICTED' ? "not available in the client's country" : 'not available';
    throw new NotFoundError(`Spotify says the entity is ${where} (${quote(forbidden, 40)}): ${pageUrl}`, {
      url: pageUrl,
      status: 404,
    });
  }
  if (isRaw(state)) return state;
  const status = num(pageProps['status']) ?? num(pageProps['statusCode']);
  if (status === 404 || status === 410 || (status === undefined && pageProps['title'] === 'Page not found')) {
    throw new NotFoundError(`Spotify has no such entity: ${pageUrl}`, { url: pageUrl, status: 404 });
  }
  const why = status === undefined ? '' : ` (pageProps.status is ${status})`;
  throw new ParseError(`Missing props.pageProps.state in ${pageUrl}${why}`, { url: pageUrl, status });
}

function readSession(session: unknown): EmbedSession | null {
  const accessToken = text(at(session, 'accessToken'));
  if (accessToken === undefined) return null;
  return { accessToken, expiresAtMs: count(at(session, 'accessTokenExpirationTimestampMs')) };
}
