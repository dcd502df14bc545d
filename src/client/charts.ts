import { InvalidInputError } from '../errors.js';
import { quote } from '../redact.js';

/** One of Spotify's chart playlists: `getChart(key)` is `getPlaylist(playlistId)`. */
export interface Chart {
  readonly key: string;
  readonly name: string;
  readonly playlistId: string;
}

/** The charts `getChart` knows, by key (SPEC §10). */
export const CHARTS: readonly Chart[] = Object.freeze(
  [
    { key: 'top-50-global', name: 'Top 50 - Global', playlistId: '37i9dQZEVXbMDoHDwVN2tF' },
    { key: 'top-50-usa', name: 'Top 50 - USA', playlistId: '37i9dQZEVXbLRQDuF5jeBp' },
    { key: 'top-songs-global', name: 'Top Songs - Global', playlistId: '37i9dQZEVXbNG2KDcFcKOF' },
    { key: 'todays-top-hits', name: "Today's Top Hits", playlistId: '37i9dQZF1DXcBWIGoYBM5M' },
  ].map((chart) => Object.freeze(chart)),
);

/** The chart of `key`, or an InvalidInputError listing the keys. */
export function chartOf(key: unknown): Chart {
  const chart = typeof key === 'string' ? CHARTS.find((entry) => entry.key === key.trim().toLowerCase()) : undefined;
  if (chart) return chart;
  throw new InvalidInputError(
    `Unknown chart ${quote(key, 60)}: the keys are ${CHARTS.map((entry) => entry.key).join(', ')}`,
  );
}
