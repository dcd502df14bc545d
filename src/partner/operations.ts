/** A persisted GraphQL query: Spotify serves it by name and sha256 hash. */
export interface PersistedOperation {
  name: string;
  hash: string;
}

/** What the client knows of one operation: how to call it, where its answer is, how it pages. */
interface OperationSpec extends PersistedOperation {
  /** Other hashes seen for it in the live web player (SPEC §9), tried after `hash`. */
  alternates?: readonly string[];
  /** The key under `data` that holds the answer. */
  root: string;
  /** Items (or release groups) per page, for operations that page. */
  pageSize?: number;
  /** A safety bound on the items paging collects, far above what Spotify serves (a playlist holds at most 10,000). */
  maxItems?: number;
}

/**
 * Every partner API operation the client uses, with hashes as Spotify's web player sent them (2026)
 * and the alternates seen in the live web player on 2026-10-07. They rotate when Spotify redeploys:
 * the client tries the candidates in order, marks a refused one dead and heals from the web player
 * (SPEC §9); users can also override them with the `operations` option (keyed like this table).
 */
export const OPERATIONS = {
  track: {
    name: 'getTrack',
    hash: '612585ae06ba435ad26369870deaae23b5c8800a256cd8a57e08eddc25a37294',
    alternates: ['a8ef9e9f02b836feb0da3003c31dbb30decc6f4b473ef89ca88c882386d668de'],
    root: 'trackUnion',
  },
  album: {
    name: 'getAlbum',
    hash: 'b9bfabef66ed756e5e13f68a942deb60bd4125ec1f1be8cc42769dc0259b4b10',
    alternates: ['6a74b456cd1735c9193d9e8ec8cc5184cad7ce13572210315229db3975964361'],
    root: 'albumUnion',
    pageSize: 50,
    maxItems: 2_000,
  },
  artist: {
    name: 'queryArtistOverview',
    hash: 'ae0e2958a4ab645b35ca19ac04d0495ae12d9c5d7b7286217674801a9aab281a',
    alternates: [
      '1ac33ddab5d39a3a9c27802774e6d78b9405cc188c6f75aed007df2a32737c72',
      '9f8134ef565e78621f1e1793555bd6633c5ac144ae0f89604ed3ae3f80b3c8e6',
    ],
    root: 'artistUnion',
  },
  playlist: {
    name: 'fetchPlaylist',
    hash: 'a65e12194ed5fc443a1cdebed5fabe33ca5b07b987185d63c72483867ad13cb4',
    alternates: ['8964e8eafb21aa992a7d951d256d83285c04be2105d209262901de70cb97584a'],
    root: 'playlistV2',
    pageSize: 100,
    maxItems: 20_000,
  },
  episode: {
    name: 'getEpisodeOrChapter',
    hash: '3416929067571ac4b79db16716be3c6ea5f6265f7975a0ee94b1fc5ee1dc1e9d',
    alternates: ['5f77db47e5a2ce6680330bb61317aa09e17ddd1d189513cb218e7cd3e43288be'],
    root: 'episodeUnionV2',
  },
  show: {
    name: 'queryShowMetadataV2',
    hash: 'aaad798a17a43c0f443c45d630a83df39d2ca1062a090c2e4fb045d6b00ab360',
    alternates: ['b475447846f37cc426add800b995a7859c169c53c72b62de6338c0c40a5dacea'],
    root: 'podcastUnionV2',
  },
  showEpisodes: {
    name: 'queryPodcastEpisodes',
    hash: '06046f9b939d56c8eb7cdbb687da938de1164c006871aec91dc26e4dc7d8eb08',
    alternates: ['3539d746cf882f3909660de40b4ef472b3f5893a0761d617c282541de5d412c5'],
    root: 'podcastUnionV2',
    pageSize: 50,
    maxItems: 20_000,
  },
  search: {
    name: 'searchDesktop',
    hash: 'eff59fa0a3d026b88b56fddbcf4bdfa16a186b8175a5c1a358c072e053c2e5b0',
    alternates: ['eef7cc54888d91bdd6802623477873caa3948ae173a0c34fd86827b267e94c03'],
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
  credits: {
    name: 'queryTrackCreditsGroupedModal',
    hash: 'f135fb9be58a72d041ab5d214d817021a272405d883860468e2627afb01a3ca9',
    root: 'trackUnion',
  },
  creditsModal: {
    name: 'queryTrackCreditsModal',
    hash: 'e2ca40d46cf1fde36562261ccec754f23fb31b561877252e9fe0d6834aabb84b',
    root: 'trackUnion',
  },
  canvas: {
    name: 'canvas',
    hash: '575138ab27cd5c1b3e54da54d0a7cc8d85485402de26340c2145f0f6bb5e7a9f',
    root: 'trackUnion',
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
  | 'credits'
  | 'creditsModal'
  | 'canvas'
  | 'colors';

export const OPERATION_KINDS = Object.freeze(Object.keys(OPERATIONS)) as readonly OperationKind[];

/** The built-in names and hashes, as the `operations` option overrides them. */
export const DEFAULT_OPERATIONS: Readonly<Record<OperationKind, PersistedOperation>> = Object.freeze(
  Object.fromEntries(
    OPERATION_KINDS.map((kind) => [kind, Object.freeze({ name: OPERATIONS[kind].name, hash: OPERATIONS[kind].hash })]),
  ) as Record<OperationKind, PersistedOperation>,
);

/** The `operations` option for one kind: a name, and the hashes to try first (`hash`, or `hashes` in order). */
export interface OperationOverride {
  name?: string | undefined;
  hash?: string | undefined;
  hashes?: readonly string[] | undefined;
}

/** An operation as a client calls it: its name and the hashes its user gave (tried before any other). */
export interface ResolvedOperation {
  name: string;
  userHashes: readonly string[];
}

/** The built-in candidates of an operation: its table hash, then its alternates. */
export function builtInHashes(kind: OperationKind): readonly string[] {
  const spec: OperationSpec = OPERATIONS[kind];
  return [spec.hash, ...(spec.alternates ?? [])];
}

export const PARTNER_API_URL = 'https://api-partner.spotify.com/pathfinder/v1/query';
export const PARTNER_API_V2_URL = 'https://api-partner.spotify.com/pathfinder/v2/query';

/** The GET URL of one persisted query (v1). */
export function operationUrl(name: string, hash: string, variables: Readonly<Record<string, unknown>>): string {
  const url = new URL(PARTNER_API_URL);
  url.searchParams.set('operationName', name);
  url.searchParams.set('variables', JSON.stringify(variables));
  url.searchParams.set('extensions', JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }));
  return url.href;
}

/** The JSON body of one persisted query (v2, a POST). */
export function operationBody(name: string, hash: string, variables: Readonly<Record<string, unknown>>): string {
  return JSON.stringify({
    variables,
    operationName: name,
    extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
  });
}
