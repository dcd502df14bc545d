/** A persisted GraphQL query: Spotify serves it by name and sha256 hash. */
export interface PersistedOperation {
  name: string;
  hash: string;
}

/** What the client knows of one operation: how to call it, where its answer is, how it pages. */
interface OperationSpec extends PersistedOperation {
  /** The key under `data` that holds the answer. */
  root: string;
  /** Items (or release groups) per page, for operations that page. */
  pageSize?: number;
  /** A safety bound on the items paging collects, far above what Spotify serves (a playlist holds at most 10,000). */
  maxItems?: number;
}

/**
 * Every partner API operation the client uses, with hashes as Spotify's web player sent them (2026).
 * They rotate when Spotify redeploys; users override them with the `operations` client option (keyed
 * like this table) rather than waiting for a release.
 */
export const OPERATIONS = {
  track: {
    name: 'getTrack',
    hash: '612585ae06ba435ad26369870deaae23b5c8800a256cd8a57e08eddc25a37294',
    root: 'trackUnion',
  },
  album: {
    name: 'getAlbum',
    hash: 'b9bfabef66ed756e5e13f68a942deb60bd4125ec1f1be8cc42769dc0259b4b10',
    root: 'albumUnion',
    pageSize: 50,
    maxItems: 2_000,
  },
  artist: {
    name: 'queryArtistOverview',
    hash: 'ae0e2958a4ab645b35ca19ac04d0495ae12d9c5d7b7286217674801a9aab281a',
    root: 'artistUnion',
  },
  playlist: {
    name: 'fetchPlaylist',
    hash: 'a65e12194ed5fc443a1cdebed5fabe33ca5b07b987185d63c72483867ad13cb4',
    root: 'playlistV2',
    pageSize: 100,
    maxItems: 20_000,
  },
  episode: {
    name: 'getEpisodeOrChapter',
    hash: '3416929067571ac4b79db16716be3c6ea5f6265f7975a0ee94b1fc5ee1dc1e9d',
    root: 'episodeUnionV2',
  },
  show: {
    name: 'queryShowMetadataV2',
    hash: 'aaad798a17a43c0f443c45d630a83df39d2ca1062a090c2e4fb045d6b00ab360',
    root: 'podcastUnionV2',
  },
  showEpisodes: {
    name: 'queryPodcastEpisodes',
    hash: '06046f9b939d56c8eb7cdbb687da938de1164c006871aec91dc26e4dc7d8eb08',
    root: 'podcastUnionV2',
    pageSize: 50,
    maxItems: 20_000,
  },
  search: {
    name: 'searchDesktop',
    hash: 'eff59fa0a3d026b88b56fddbcf4bdfa16a186b8175a5c1a358c072e053c2e5b0',
    root: 'searchV2',
  },
  discography: {
    name: 'queryArtistDiscographyAll',
    hash: '5e07d323febb57b4a56a42abbf781490e58764aa45feb6e3dc0591564fc56599',
    root: 'artistUnion',
    pageSize: 50,
    maxItems: 5_000,
  },
  relatedArtists: {
    name: 'queryArtistRelated',
    hash: '3d031d6cb22a2aa7c8d203d49b49df731f58b1e2799cc38d9876d58771aa66f3',
    root: 'artistUnion',
  },
  similarAlbums: {
    name: 'similarAlbumsBasedOnThisTrack',
    hash: '1d1f93a737498adca2c892c73af87fc0b052afe4e1a33c989540c32413dfae17',
    root: 'seoRecommendedTrackAlbum',
  },
  concerts: {
    name: 'ArtistConcerts',
    hash: 'ef53c43b865496b9890b7167eab1dc614a8949ef9451b3c41184ea888de8bd2b',
    root: 'concerts',
  },
  colors: {
    name: 'fetchExtractedColors',
    hash: '36e90fcaea00d47c695fce31874efeb2519b97d4cd0ee1abfb4f8dc9348596ea',
    root: 'extractedColors',
  },
} as const satisfies Record<OperationKind, OperationSpec>;

/** The partner API operations, by the key the `operations` option uses (the table above has a row for each). */
export type OperationKind =
  | 'track'
  | 'album'
  | 'artist'
  | 'playlist'
  | 'episode'
  | 'show'
  | 'showEpisodes'
  | 'search'
  | 'discography'
  | 'relatedArtists'
  | 'similarAlbums'
  | 'concerts'
  | 'colors';

export const OPERATION_KINDS = Object.freeze(Object.keys(OPERATIONS)) as readonly OperationKind[];

/** The built-in names and hashes, as the `operations` option overrides them. */
export const DEFAULT_OPERATIONS: Readonly<Record<OperationKind, PersistedOperation>> = Object.freeze(
  Object.fromEntries(
    OPERATION_KINDS.map((kind) => [kind, Object.freeze({ name: OPERATIONS[kind].name, hash: OPERATIONS[kind].hash })]),
  ) as Record<OperationKind, PersistedOperation>,
);

export const PARTNER_API_URL = 'https://api-partner.spotify.com/pathfinder/v1/query';

/** The GET URL of one persisted query. */
export function operationUrl(operation: PersistedOperation, variables: Readonly<Record<string, unknown>>): string {
  const url = new URL(PARTNER_API_URL);
  url.searchParams.set('operationName', operation.name);
  url.searchParams.set('variables', JSON.stringify(variables));
  url.searchParams.set('extensions', JSON.stringify({ persistedQuery: { version: 1, sha256Hash: operation.hash } }));
  return url.href;
}
