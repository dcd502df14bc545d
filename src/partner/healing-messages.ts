/** The words of healing (SPEC §9): the one warning of a call that healed, and the error when nothing did. */
import type { Candidate, Endpoint } from './healing.js';

/** What a call tried, for the error when nothing answers. */
export interface Tried {
  endpoint: Endpoint;
  hash: string;
  source: string;
  /** The hash was refused, or the endpoint was. */
  refused: 'hash' | 'endpoint';
}

const short = (hash: string): string => `${hash.slice(0, 8)}…`;

/** How long ago `at` (epoch ms) was, in words: "just now", "12 min ago". */
export function ago(at: number): string {
  const minutes = Math.round((Date.now() - at) / 60_000);
  return minutes < 1 ? 'just now' : `${minutes} min ago`;
}

/** The one warning of a call that healed: what was refused, what worked, from where. */
export function healingMessage(
  name: string,
  tried: readonly Tried[],
  worked: Candidate,
  steps: readonly string[],
  endpoint: Endpoint,
): string {
  const hashes = tried.filter((t) => t.refused === 'hash');
  const refused =
    hashes.length === 0
      ? ''
      : `hash ${hashes.map((t) => `${short(t.hash)} (${t.source}, ${t.endpoint})`).join(', ')} refused; `;
  const how = steps.length === 0 ? '' : `${steps.join('; ')}; `;
  return `${name}: ${refused}${how}${short(worked.hash)} (${worked.source}) answers on pathfinder/${endpoint}`;
}

export function notHealedMessage(
  kind: string,
  name: string,
  tried: readonly Tried[],
  discovery: string | undefined,
): string {
  const hashes =
    tried.length === 0
      ? 'no candidate was left (every one refused within the last 24 h)'
      : tried.map((t) => `${short(t.hash)} (${t.source}) on pathfinder/${t.endpoint}`).join(', ');
  return (
    `The partner API's ${name} failed: every hash and endpoint tried was refused (${hashes}). ` +
    `The web player's bundle: ${discovery ?? 'not read'}. If Spotify rotated its hash, run spotify-scraper doctor, ` +
    `or give the new hash with the client option operations.${kind} ({ hash: '<64 hex>' })`
  );
}
