import { at, isRaw, list, str } from '../parse/raw.js';
import { SPCLIENT } from './family.js';

const BASE62 = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** A base62 id (22 characters) as the 32 hex digits spclient's metadata calls a gid. */
export function gidOf(id: string): string {
  let value = 0n;
  for (const character of id) {
    const digit = BASE62.indexOf(character);
    if (digit < 0) throw new RangeError('not a base62 id');
    value = value * 62n + BigInt(digit);
  }
  return value.toString(16).padStart(32, '0');
}

/** `metadata/4/track/{gid}` of a track, its market the token's (SPEC §11). */
export function trackMetadataUrl(id: string): string {
  return `${SPCLIENT}/metadata/4/track/${gidOf(id)}?market=from_token`;
}

/** An ISRC: two letters, three letters or digits, two digits, five digits (ISO 3901). */
const ISRC = /^[A-Z]{2}[A-Z0-9]{3}\d{7}$/;

/** The ISRC among a track's `external_id[]`, or null (none, or not one). */
export function readIsrc(json: unknown): string | null {
  if (!isRaw(json)) return null;
  for (const entry of list(at(json, 'external_id'))) {
    const type = str(at(entry, 'type'));
    const id = str(at(entry, 'id'))?.toUpperCase().replace(/-/g, '');
    if (type?.toLowerCase() === 'isrc' && id !== undefined && ISRC.test(id)) return id;
  }
  return null;
}

/** The base62 id of a gid (32 hex digits), as `gidOf` reverses. */
export function idOfGid(gid: string): string {
  let value = BigInt(`0x${gid}`);
  let id = '';
  for (let index = 0; index < 22; index += 1) {
    id = BASE62[Number(value % 62n)] + id;
    value /= 62n;
  }
  return id;
}
