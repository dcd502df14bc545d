import { z } from 'zod';
import type { AsyncSpotifyClient } from '../client.js';
import { SEARCH_TYPES } from '../models/search-types.js';
import type { EntityType } from '../models/entities.js';
import { ENTITY_TYPES } from '../models/entities.js';

/** The input shape of a tool: zod schemas with descriptions a model can follow. */
type Shape = Record<string, z.ZodType>;

/** One tool of the server: a public method of the client, named as the method in snake_case. */
export interface ToolSpec {
  name: string;
  description: string;
  input: Shape;
  /** Which tools the server offers: always, with `--downloads DIR`, or with an account cookie. */
  needs?: 'downloads' | 'account' | undefined;
  run: (client: AsyncSpotifyClient, args: Record<string, unknown>, context: ToolContext) => Promise<unknown>;
}

export interface ToolContext {
  signal: AbortSignal;
  /** The folder downloads go into (`--downloads DIR`). */
  downloads: string | undefined;
}

const VALUE = z
  .string()
  .min(1)
  .max(300)
  .describe(
    'A Spotify value: an open.spotify.com URL, a spotify:TYPE:ID URI, a spotify.link short link, or a 22-character id',
  );
const VALUES = z.array(VALUE).min(1).max(500).describe('Spotify values (up to 500), as for a single value');
const LIMIT = (what: string, fallback: number) =>
  z.number().int().min(1).max(100).optional().describe(`${what}, 1-100 (default ${fallback})`);
const MAX = (what: string, fallback: string) =>
  z
    .number()
    .int()
    .min(1)
    .max(100_000)
    .optional()
    .describe(`${what} to return (default ${fallback}); a result cut short says so`);
const DETAIL = z
  .enum(['summary', 'full'])
  .optional()
  .describe("'summary': what a list request carries, 50 a request (no play count, numbers or date); 'full' (default)");

const str = (args: Record<string, unknown>, key: string): string => args[key] as string;
const num = (args: Record<string, unknown>, key: string): number | undefined => args[key] as number | undefined;

/** A getter of one entity type. */
const getter = (
  type: EntityType,
  extra: Shape = {},
  options?: (args: Record<string, unknown>) => object,
): ToolSpec => ({
  name: `get_${type}`,
  description: `The ${type} of a Spotify value, as a validated model`,
  input: { value: VALUE, ...extra },
  run: (client, args, { signal }) => client.get(type, str(args, 'value'), { signal, ...options?.(args) }),
});

/** A batch helper: one entry per value, in order, each `{ value, ok, result | error }`. */
const batch = (
  name: string,
  what: string,
  call: (
    client: AsyncSpotifyClient,
    values: string[],
    args: Record<string, unknown>,
    signal: AbortSignal,
  ) => Promise<unknown>,
  extra: Shape = {},
): ToolSpec => ({
  name,
  description: `${what} for many values: one entry per value, in input order ({ value, ok, result } or { value, ok: false, error })`,
  input: { values: VALUES, ...extra },
  run: (client, args, { signal }) => call(client, args['values'] as string[], args, signal),
});

/** Every tool, in the order `tools/list` gives them. */
export const TOOLS: readonly ToolSpec[] = [
  {
    name: 'get_track',
    description: 'The track of a Spotify value, as a validated model',
    input: {
      value: VALUE,
      externalIds: z.boolean().optional().describe('Add "isrc" (from spclient; null when Spotify gives none)'),
    },
    run: (client, args, { signal }) =>
      args['externalIds'] === true
        ? client.getTrack(str(args, 'value'), { signal, externalIds: true })
        : client.getTrack(str(args, 'value'), { signal }),
  },
  getter('album'),
  getter('artist'),
  getter(
    'playlist',
    {
      maxTracks: MAX('Items', '100'),
      previews: z.boolean().optional().describe('Fill the preview URLs past the first 100 items (+1 request per 50)'),
    },
    (args) => ({ maxTracks: num(args, 'maxTracks'), previews: args['previews'] === true }),
  ),
  getter('episode'),
  getter('show', { maxEpisodes: MAX('Episodes', '50') }, (args) => ({ maxEpisodes: num(args, 'maxEpisodes') })),
  {
    name: 'resolve',
    description: 'The type and id of a Spotify value (a short link is followed); type is null for a bare id',
    input: { value: VALUE },
    run: (client, args, { signal }) => client.resolve(str(args, 'value'), { signal }),
  },
  {
    name: 'search',
    description: 'Search Spotify: hits per type (tracks, albums, artists, playlists, shows, episodes) and totals',
    input: {
      query: z.string().min(1).max(300).describe('What to search for'),
      types: z
        .array(z.enum(SEARCH_TYPES as unknown as [string, ...string[]]))
        .optional()
        .describe('Types to search (default all)'),
      limit: LIMIT('Hits per type', 10),
      offset: z.number().int().min(0).max(1000).optional().describe('Hits to skip per type (default 0)'),
    },
    run: (client, args, { signal }) =>
      client.search(str(args, 'query'), {
        signal,
        types: args['types'] as never,
        limit: num(args, 'limit'),
        offset: num(args, 'offset'),
      }),
  },
  {
    name: 'get_artist_discography',
    description: "An artist's releases (albums, singles, EPs, compilations), newest first",
    input: { value: VALUE, maxReleases: MAX('Releases', 'all') },
    run: (client, args, { signal }) =>
      client.getArtistDiscography(str(args, 'value'), { signal, maxReleases: num(args, 'maxReleases') }),
  },
  {
    name: 'get_related_artists',
    description: 'The artists Spotify relates to an artist ("Fans also like")',
    input: { value: VALUE },
    run: (client, args, { signal }) => client.getRelatedArtists(str(args, 'value'), { signal }),
  },
  {
    name: 'get_similar_albums',
    description: 'The albums Spotify recommends from a track',
    input: { value: VALUE, limit: LIMIT('Albums', 10) },
    run: (client, args, { signal }) =>
      client.getSimilarAlbums(str(args, 'value'), { signal, limit: num(args, 'limit') }),
  },
  {
    name: 'get_recommendations',
    description: 'The tracks Spotify recommends from a track (summaries)',
    input: { value: VALUE, limit: LIMIT('Tracks', 20) },
    run: (client, args, { signal }) =>
      client.getRecommendations(str(args, 'value'), { signal, limit: num(args, 'limit') }),
  },
  {
    name: 'get_artist_concerts',
    description: 'The concerts Spotify lists for an artist',
    input: { value: VALUE },
    run: (client, args, { signal }) => client.getArtistConcerts(str(args, 'value'), { signal }),
  },
  {
    name: 'get_colors',
    description:
      'The colours Spotify extracts from a picture: an image URL, a spotify:image: URI, or the cover of an entity value',
    input: { value: VALUE },
    run: async (client, args, { signal }) => {
      const value = str(args, 'value');
      if (/^(?:spotify:image:|https?:\/\/[^/]+\/image\/)/i.test(value.trim()))
        return client.getColors(value, { signal });
      const known = await client.resolve(value, { signal });
      return client.getColors(await client.get(known.type ?? 'track', known.id, { signal }), { signal });
    },
  },
  {
    name: 'get_credits',
    description: "A track's credits (performers, writers, producers)",
    input: { value: VALUE },
    run: (client, args, { signal }) => client.getCredits(str(args, 'value'), { signal }),
  },
  {
    name: 'get_canvas',
    description: "A track's Canvas (its short looping video), or null when it has none",
    input: { value: VALUE },
    run: (client, args, { signal }) => client.getCanvas(str(args, 'value'), { signal }),
  },
  {
    name: 'get_chart',
    description: "One of Spotify's charts (a playlist) by key: top-50-global, top-50-usa, todays-top-hits, …",
    input: {
      key: z.string().min(1).max(60).describe('The chart key (see spotify-scraper charts)'),
      maxTracks: MAX('Items', '100'),
    },
    run: (client, args, { signal }) => client.getChart(str(args, 'key'), { signal, maxTracks: num(args, 'maxTracks') }),
  },
  batch(
    'get_tracks',
    'Tracks',
    (client, values, args, signal) =>
      client.getTracks(values, {
        signal,
        detail: args['detail'] as 'summary' | 'full' | undefined,
        externalIds: args['externalIds'] === true,
      }),
    { detail: DETAIL, externalIds: z.boolean().optional().describe('Add "isrc" to each track') },
  ),
  batch('get_albums', 'Albums', (client, values, _args, signal) => client.getAlbums(values, { signal })),
  batch('get_artists', 'Artists', (client, values, _args, signal) => client.getArtists(values, { signal })),
  batch(
    'get_playlists',
    'Playlists',
    (client, values, args, signal) => client.getPlaylists(values, { signal, maxTracks: num(args, 'maxTracks') }),
    { maxTracks: MAX('Items per playlist', '100') },
  ),
  batch(
    'get_episodes',
    'Episodes',
    (client, values, args, signal) =>
      client.getEpisodes(values, { signal, detail: args['detail'] as 'summary' | 'full' | undefined }),
    { detail: DETAIL },
  ),
  batch(
    'get_shows',
    'Shows',
    (client, values, args, signal) => client.getShows(values, { signal, maxEpisodes: num(args, 'maxEpisodes') }),
    { maxEpisodes: MAX('Episodes per show', '50') },
  ),
  {
    name: 'download_cover',
    description: "Downloads an entity's cover into the server's downloads folder; gives the file's path",
    input: { value: VALUE, size: z.enum(['largest', 'smallest']).optional().describe('Which cover (default largest)') },
    needs: 'downloads',
    run: async (client, args, { signal, downloads }) => {
      const known = await client.resolve(str(args, 'value'), { signal });
      const entity = await client.get(known.type ?? 'track', known.id, { signal });
      const size = args['size'] === 'smallest' ? 'smallest' : 'largest';
      return { path: await client.downloadCover(entity, downloads as string, { signal, size }) };
    },
  },
  {
    name: 'download_preview',
    description: "Downloads a track's or episode's 30-second preview (MP3) into the server's downloads folder",
    input: { value: VALUE, embedCover: z.boolean().optional().describe('Tag it with title, artist and cover (ID3)') },
    needs: 'downloads',
    run: async (client, args, { signal, downloads }) => {
      const known = await client.resolve(str(args, 'value'), { signal });
      const type = known.type ?? 'track';
      const entity =
        type === 'episode'
          ? await client.getEpisode(known.id, { signal })
          : await client.getTrack(known.id, { signal });
      return {
        path: await client.downloadPreview(entity, downloads as string, {
          signal,
          embedCover: args['embedCover'] === true,
        }),
      };
    },
  },
  {
    name: 'get_lyrics',
    description: "A track's lyrics, time-synced when Spotify has them (needs the account)",
    input: { value: VALUE },
    needs: 'account',
    run: (client, args, { signal }) => client.getLyrics(str(args, 'value'), { signal }),
  },
  {
    name: 'get_transcript',
    description: "A podcast episode's transcript (needs the account)",
    input: { value: VALUE },
    needs: 'account',
    run: (client, args, { signal }) => client.getTranscript(str(args, 'value'), { signal }),
  },
  {
    name: 'get_user',
    description: "A user's public profile: name, followers, public playlists (needs the account)",
    input: { value: z.string().min(1).max(300).describe('A user URL, spotify:user: URI or user id') },
    needs: 'account',
    run: (client, args, { signal }) => client.getUser(str(args, 'value'), { signal }),
  },
  {
    name: 'get_account',
    description: "The account's product (premium, free…) and country",
    input: {},
    needs: 'account',
    run: (client, _args, { signal }) => client.getAccount({ signal }),
  },
];

/** The entity types a resource URI may name. */
export const RESOURCE_TYPES: readonly string[] = ENTITY_TYPES;
