import { DEFAULTS } from '../defaults.js';
import { InvalidInputError, optionError } from '../errors.js';
import { quote } from '../redact.js';
import type { Image } from '../models/common.js';
import { ENTITY_TYPES, isEntityType, type EntityType } from '../models/entities.js';
import { SEARCH_TYPES, type SearchType } from '../models/search-results.js';
import { chooseImage } from '../media/images.js';
import type { SearchRequest } from '../partner/search.js';
import type { SearchOptions } from './call-options.js';

/** Per-call arguments, checked before any request: a bad one is an InvalidInputError naming it. */

/** An entity type given as data (`client.get(type, …)`): one of ENTITY_TYPES. */
export function entityTypeOf<T extends EntityType>(type: T): T {
  if (typeof type === 'string' && isEntityType(type)) return type;
  throw new InvalidInputError(`Unknown entity type ${quote(type, 40)}; known: ${ENTITY_TYPES.join(', ')}`);
}

/** A count such as `maxTracks`: a whole number >= 0, or Infinity for all. */
export function limitOption(field: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (value === Infinity) return Infinity;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw optionError(field, `must be a whole number >= 0 or Infinity, got ${quote(value, 80)}`, '');
  }
  return value;
}

/** A whole number within [min, max]. */
export function wholeInRange(field: string, value: unknown, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `from ${min} to ${max}`;
    throw optionError(field, `must be a whole number ${range}, got ${quote(value, 80)}`, '');
  }
  return value;
}

export const MAX_QUERY_LENGTH = 500;
/** Half a surrogate pair: text no URL or cache key can hold (encodeURIComponent throws a URIError). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A search's query (trimmed, inner whitespace collapsed), types, limit and offset. */
export function searchRequest(
  query: unknown,
  options: Pick<SearchOptions, 'types' | 'limit' | 'offset'>,
): SearchRequest {
  if (typeof query !== 'string') throw new InvalidInputError(`A search query is a string, got ${typeof query}`);
  const normalised = query.trim().replace(/\s+/g, ' ');
  if (normalised === '') throw new InvalidInputError('A search query cannot be empty or blank');
  if (LONE_SURROGATE.test(normalised))
    throw new InvalidInputError('A search query must be well-formed text (it has half of a UTF-16 surrogate pair)');
  if (normalised.length > MAX_QUERY_LENGTH) {
    throw new InvalidInputError(`A search query is at most ${MAX_QUERY_LENGTH} characters, got ${normalised.length}`);
  }
  return {
    query: normalised,
    types: searchTypes(options.types),
    limit: wholeInRange('limit', options.limit, DEFAULTS.searchLimit, 1, 100),
    offset: wholeInRange('offset', options.offset, DEFAULTS.searchOffset, 0, Number.MAX_SAFE_INTEGER),
  };
}

function searchTypes(types: unknown): ReadonlySet<SearchType> {
  if (types === undefined) return new Set(SEARCH_TYPES);
  if (!Array.isArray(types)) throw optionError('types', `must be a list of ${SEARCH_TYPES.join(', ')}`, '');
  if (types.length === 0)
    throw optionError('types', `cannot be empty: leave it out to search ${SEARCH_TYPES.join(', ')}`, '');
  for (const type of types) {
    if (!(SEARCH_TYPES as readonly unknown[]).includes(type)) {
      throw optionError('types', `holds an unknown search type ${quote(type)}; known: ${SEARCH_TYPES.join(', ')}`, '');
    }
  }
  return new Set(types as SearchType[]);
}

const IMAGE_ID = /^[0-9a-f]{40}$/;
const IMAGE_HOSTS = /^(?:i\.scdn\.co|image-cdn-[a-z0-9-]+\.spotifycdn\.com)$/;

/**
 * The image id `getColors` asks about: from `https://i.scdn.co/image/<id>` (or Spotify's image CDN),
 * `spotify:image:<id>`, or any model with `images` (its largest picture).
 */
export function imageIdOf(value: unknown): string {
  if (typeof value === 'string') return imageIdOfText(value);
  const images = (value as { images?: unknown } | null)?.images;
  if (typeof value !== 'object' || value === null || !Array.isArray(images)) {
    throw new InvalidInputError('getColors takes an image URL, a spotify:image: URI or a model with images');
  }
  if (!images.every((entry) => typeof entry === 'object' && entry !== null))
    throw new InvalidInputError('getColors: the model has an image that is not an object');
  const image = chooseImage(images as Image[], 'largest');
  if (!image) throw new InvalidInputError('getColors: the model has no images');
  if (typeof image.url !== 'string')
    throw new InvalidInputError('getColors: the model has an image whose url is not a string');
  return imageIdOfText(image.url);
}

function imageIdOfText(value: string): string {
  const trimmed = value.trim();
  const uri = /^spotify:image:(.+)$/.exec(trimmed);
  if (uri) {
    if (IMAGE_ID.test(uri[1] as string)) return uri[1] as string;
    throw new InvalidInputError(`Not a Spotify image id: ${quote(trimmed)} (40 lowercase hex characters)`);
  }
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new InvalidInputError(`Not an image URL or spotify:image: URI: ${quote(trimmed)}`);
  }
  const id = /^\/image\/([^/]+)$/.exec(url.pathname)?.[1];
  if (url.protocol !== 'https:' || !IMAGE_HOSTS.test(url.hostname) || id === undefined || !IMAGE_ID.test(id)) {
    throw new InvalidInputError(
      `Not an image on Spotify's image host (https://i.scdn.co/image/<40 hex>): ${quote(trimmed)}`,
    );
  }
  return id;
}

/**
 * A method's options object: absent is `{}`; anything but a plain object, a name the method does not
 * know (`maxTrack` for `maxTracks`), or a `signal` that is not an AbortSignal is refused.
 */
export function checkCallOptions<O extends object>(
  options: O | null | undefined,
  known: readonly string[],
  method: string,
): O {
  if (options === undefined) return {} as O;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new InvalidInputError(`${method}: options must be an object, got ${quote(options)}`);
  }
  for (const name of Object.keys(options)) {
    if (!known.includes(name)) {
      throw new InvalidInputError(`${method}: unknown option ${quote(name, 60)}; known: ${known.join(', ')}`, {
        option: name,
      });
    }
  }
  const signal = (options as { signal?: unknown }).signal;
  if (signal !== undefined && !isAbortSignal(signal))
    throw optionError('signal', `must be an AbortSignal, got ${quote(signal)}`, '');
  const fresh = (options as { fresh?: unknown }).fresh;
  if (fresh !== undefined && typeof fresh !== 'boolean')
    throw optionError('fresh', `must be true or false, got ${quote(fresh)}`, '');
  return options;
}

function isAbortSignal(value: unknown): value is AbortSignal {
  if (value instanceof AbortSignal) return true;
  const candidate = value as Partial<AbortSignal> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.aborted === 'boolean' &&
    typeof candidate.addEventListener === 'function' &&
    typeof candidate.removeEventListener === 'function' &&
    typeof candidate.throwIfAborted === 'function'
  );
}
