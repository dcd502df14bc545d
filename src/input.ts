import { InvalidInputError } from './errors.js';
import { ENTITY_TYPES, isEntityType, type EntityType } from './models/entities.js';
import { withArticle } from './words.js';

export { ENTITY_TYPES, type EntityType };

/** A value reduced to what identifies it. `type` is `null` for a bare id given without an expected type. */
export interface SpotifyRef<T extends EntityType | null = EntityType | null> {
  type: T;
  id: string;
}

const ID = /^[0-9A-Za-z]{22}$/;
const URI = /^spotify:([a-z]+):([^:]+)$/i;
const PAGE_HOSTS = new Set(['open.spotify.com', 'play.spotify.com']);
const SHORT_LINK_HOSTS = new Set(['spotify.link', 'spotify.app.link']);
const INTL_SEGMENT = /^intl-[a-z]{2}(?:[-_][a-z0-9]{2,4})?$/i;

function describe(value: string): string {
  const shown = value.length > 80 ? `${value.slice(0, 77)}...` : value;
  return JSON.stringify(shown);
}

function invalid(value: string, why: string): InvalidInputError {
  return new InvalidInputError(`Not a Spotify id, URI or URL: ${describe(value)} (${why})`);
}

function checkId(value: string, id: string): string {
  if (!ID.test(id)) throw invalid(value, `an id is 22 letters and digits, got ${id.length} characters`);
  return id;
}

function checkType(value: string, type: string): EntityType {
  const lower = type.toLowerCase();
  if (!isEntityType(lower)) throw invalid(value, `"${type}" is not one of ${ENTITY_TYPES.join(', ')}`);
  return lower;
}

/** Adds a scheme to `open.spotify.com/...`-style values so that URL can read them. */
function toUrl(value: string): URL | null {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`;
  try {
    return new URL(withScheme);
  } catch {
    return null;
  }
}

function fromPageUrl(value: string, url: URL): SpotifyRef<EntityType> {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw invalid(value, 'only http(s) URLs are read');
  const segments = url.pathname.split('/').filter((segment) => segment !== '');
  if (segments[0] !== undefined && INTL_SEGMENT.test(segments[0])) segments.shift();
  if (segments[0]?.toLowerCase() === 'embed') segments.shift();
  if (segments.length !== 2) throw invalid(value, 'expected a path of the form /TYPE/ID');
  const [type, id] = segments as [string, string];
  return { type: checkType(value, type), id: checkId(value, id) };
}

/** True for `spotify.link/...` short links, which only a request can resolve. */
export function isShortLink(value: string): boolean {
  if (!value.includes('.link')) return false;
  const url = toUrl(value.trim());
  return url !== null && SHORT_LINK_HOSTS.has(url.hostname.toLowerCase()) && url.pathname.length > 1;
}

/**
 * Reads a bare id, a `spotify:TYPE:ID` URI or an open.spotify.com / play.spotify.com URL.
 * With `expected`, a bare id takes that type and a value of another type is rejected.
 * @throws {InvalidInputError} for anything else, before any request is made.
 */
export function parseSpotifyUrl(value: unknown): SpotifyRef;
export function parseSpotifyUrl<T extends EntityType>(value: unknown, expected: T): SpotifyRef<T>;
export function parseSpotifyUrl(value: unknown, expected?: EntityType): SpotifyRef {
  if (typeof value !== 'string') throw new InvalidInputError(`Expected a string, got ${typeof value}`);
  const ref = parseAny(value);
  if (expected === undefined) return ref;
  if (ref.type !== null && ref.type !== expected) {
    throw new InvalidInputError(
      `Expected ${withArticle(expected)}, got ${withArticle(ref.type)}: ${describe(value.trim())}`,
    );
  }
  return { type: expected, id: ref.id };
}

function parseAny(raw: string): SpotifyRef {
  const value = raw.trim();
  if (value === '') throw invalid(raw, 'empty');
  if (ID.test(value)) return { type: null, id: value };
  if (/^[0-9A-Za-z]{10,40}$/.test(value)) checkId(value, value);

  const uri = URI.exec(value);
  if (uri) return { type: checkType(value, uri[1] as string), id: checkId(value, uri[2] as string) };
  if (/^spotify:/i.test(value)) throw invalid(value, 'URIs are spotify:TYPE:ID (user and legacy URIs are not read)');

  const url = toUrl(value);
  if (url === null || !url.hostname.includes('.')) throw invalid(value, 'not an id, URI or URL');
  const host = url.hostname.toLowerCase();
  if (SHORT_LINK_HOSTS.has(host)) throw invalid(value, 'short links are resolved by the client, not parsed');
  if (!PAGE_HOSTS.has(host)) throw invalid(value, `host ${host} is not open.spotify.com`);
  return fromPageUrl(value, url);
}

const USER_ID = /^[A-Za-z0-9._-]{1,128}$/;

/**
 * A user's id from `spotify:user:<id>`, `https://open.spotify.com/user/<id>` (with or without scheme,
 * `intl-xx`, query or fragment), or a bare id. User ids are not 22-character ids (`spotify`, `smedjan`).
 * @throws {InvalidInputError} for anything else, before any request is made.
 */
export function parseUserValue(value: unknown): string {
  if (typeof value !== 'string') throw new InvalidInputError(`Expected a string, got ${typeof value}`);
  const trimmed = value.trim();
  const uri = /^spotify:user:([^:]+)$/i.exec(trimmed);
  const candidate = uri ? uri[1] : USER_ID.test(trimmed) ? trimmed : fromUserUrl(trimmed);
  let id: string | undefined;
  try {
    id = candidate === undefined ? undefined : decodeURIComponent(candidate);
  } catch {
    id = undefined;
  }
  if (id === undefined || !USER_ID.test(id))
    throw new InvalidInputError(
      `Not a Spotify user id, spotify:user: URI or open.spotify.com/user/ URL: ${describe(trimmed)}`,
    );
  return id;
}

function fromUserUrl(value: string): string | undefined {
  const url = toUrl(value);
  if (url === null || !PAGE_HOSTS.has(url.hostname.toLowerCase())) return undefined;
  const segments = url.pathname.split('/').filter((segment) => segment !== '');
  if (segments[0] !== undefined && INTL_SEGMENT.test(segments[0])) segments.shift();
  return segments.length === 2 && segments[0]?.toLowerCase() === 'user' ? segments[1] : undefined;
}
