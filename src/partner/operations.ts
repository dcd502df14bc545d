import { entityUri } from '../models/entities.js';
import { SEARCH_TYPES } from '../models/search-results.js';
import type { Raw } from '../parse/raw.js';
import { readCanvas } from './canvas.js';
import { readColors } from './colors.js';
import { NO_PREVIEWS, type Previews } from './common.js';
import { readConcerts } from './concerts.js';
import { readPartnerCredits } from './credits.js';
import { discographyPage } from './discography.js';
import { apiAlbum, apiArtist, apiPlaylist, apiShow, apiShowEpisodes } from './entity-readers.js';
import { apiEpisode } from './episode.js';
import {
  builtInHashes,
  knownUri,
  operation,
  withKinds,
  type AnyOperation,
  type PersistedOperation,
  type ProbeEntities,
} from './operation.js';
import { readRelatedArtists } from './related-artists.js';
import { readSearch, searchVariables, typeSearchVariables, type SearchRequest } from './search.js';
import { readSimilarAlbums } from './similar-albums.js';
import { apiEpisodeSummary, apiTrackSummary, byUri, readTrackPreviews } from './summaries-of-lists.js';
import { readRecommendations } from './recommendations.js';
import { apiTrack } from './track.js';

/** What a call about one entity gives: its uri, and the preview URLs its embed page carried. */
export interface EntityInput {
  uri: string;
  previews?: Previews | undefined;
}

/** A page of a list an entity holds. */
export interface PageInput extends EntityInput {
  offset: number;
  limit: number;
}

/** A call about one track, by id (the readers name the track in what they return). */
export interface TrackIdInput {
  trackId: string;
}

const previewsOf = (input: EntityInput): Previews => input.previews ?? NO_PREVIEWS;
const uriOnly = ({ uri }: EntityInput) => ({ uri });
const creditVariables = ({ trackId }: TrackIdInput) => ({
  trackUri: entityUri('track', trackId),
  contributorsLimit: 100,
  contributorsOffset: 0,
});
const readCredits = (root: Raw, { trackId }: TrackIdInput) => readPartnerCredits(root, trackId);

/** A call about a list of entities (at most 50 uris, as the web player sends them). */
export interface UrisInput {
  uris: readonly string[];
}
const urisOnly = ({ uris }: UrisInput) => ({ uris });
const probeTrackUris = (known: ProbeEntities): UrisInput => ({ uris: [knownUri(known, 'track')] });

/** The operations of one search type's "see all" (SPEC §11): searchV2 like searchDesktop, one type at a time. */
const typeSearch = <const T extends (SearchRequest['types'] extends ReadonlySet<infer S> ? S : never)>(
  name: string,
  hash: string,
  type: T,
) =>
  operation({
    name,
    hash,
    root: 'searchV2',
    route: 'xpui-routes-search',
    variables: (request: SearchRequest) => typeSearchVariables(request),
    read: (root, request) => readSearch(root, request),
    probe: (): SearchRequest => ({ query: 'daft punk', types: new Set([type]), limit: 5, offset: 0 }),
  });
const probeTrackId = (known: ProbeEntities): TrackIdInput => ({ trackId: known.ids.track });

/**
 * Every partner API operation the client uses, one row each (SPEC §3, §6, §10, §11): its name, hashes as
 * Spotify's web player sent them (2026) and the alternates seen in the live web player on 2026-10-07, the
 * root of its answer and the reader of it, the route chunk discovery reads for it, how a call's input
 * becomes its variables, and the input `doctor` probes it with. Hashes rotate when Spotify redeploys:
 * the client tries the candidates in order, marks a refused one dead and heals from the web player
 * (SPEC §9); users can also override them with the `operations` option (keyed like this table).
 */
export const OPERATIONS = withKinds({
  track: operation({
    name: 'getTrack',
    hash: '612585ae06ba435ad26369870deaae23b5c8800a256cd8a57e08eddc25a37294',
    alternates: ['a8ef9e9f02b836feb0da3003c31dbb30decc6f4b473ef89ca88c882386d668de'],
    root: 'trackUnion',
    route: 'xpui-routes-track',
    variables: uriOnly,
    read: (root, input: EntityInput) => apiTrack(root, previewsOf(input)),
    probe: (known) => ({ uri: knownUri(known, 'track') }),
  }),
  album: operation({
    name: 'getAlbum',
    hash: 'b9bfabef66ed756e5e13f68a942deb60bd4125ec1f1be8cc42769dc0259b4b10',
    alternates: ['6a74b456cd1735c9193d9e8ec8cc5184cad7ce13572210315229db3975964361'],
    root: 'albumUnion',
    route: 'xpui-routes-album',
    pageSize: 50,
    maxItems: 2_000,
    variables: ({ uri, offset, limit }: PageInput) => ({ uri, locale: '', offset, limit }),
    read: (root, input) => apiAlbum(root, previewsOf(input)),
    probe: (known) => ({ uri: knownUri(known, 'album'), offset: 0, limit: 50 }),
  }),
  artist: operation({
    name: 'queryArtistOverview',
    hash: 'ae0e2958a4ab645b35ca19ac04d0495ae12d9c5d7b7286217674801a9aab281a',
    alternates: [
      '1ac33ddab5d39a3a9c27802774e6d78b9405cc188c6f75aed007df2a32737c72',
      '9f8134ef565e78621f1e1793555bd6633c5ac144ae0f89604ed3ae3f80b3c8e6',
    ],
    root: 'artistUnion',
    route: 'xpui-routes-artist',
    variables: ({ uri }: EntityInput) => ({ uri, locale: '', includePrerelease: false }),
    read: (root, input) => apiArtist(root, previewsOf(input)),
    probe: (known) => ({ uri: knownUri(known, 'artist') }),
  }),
  playlist: operation({
    name: 'fetchPlaylist',
    hash: 'a65e12194ed5fc443a1cdebed5fabe33ca5b07b987185d63c72483867ad13cb4',
    alternates: ['8964e8eafb21aa992a7d951d256d83285c04be2105d209262901de70cb97584a'],
    root: 'playlistV2',
    route: 'xpui-routes-playlist',
    pageSize: 100,
    maxItems: 20_000,
    variables: ({ uri, offset, limit }: PageInput) => ({ uri, offset, limit, enableWatchFeedEntrypoint: false }),
    read: (root, input) => apiPlaylist(root, previewsOf(input)),
    probe: (known) => ({ uri: knownUri(known, 'playlist'), offset: 0, limit: 100 }),
  }),
  episode: operation({
    name: 'getEpisodeOrChapter',
    hash: '3416929067571ac4b79db16716be3c6ea5f6265f7975a0ee94b1fc5ee1dc1e9d',
    alternates: ['5f77db47e5a2ce6680330bb61317aa09e17ddd1d189513cb218e7cd3e43288be'],
    root: 'episodeUnionV2',
    route: 'xpui-routes-episode',
    variables: uriOnly,
    read: (root, input: EntityInput) => apiEpisode(root, previewsOf(input)),
    probe: (known) => ({ uri: knownUri(known, 'episode') }),
  }),
  show: operation({
    name: 'queryShowMetadataV2',
    hash: 'aaad798a17a43c0f443c45d630a83df39d2ca1062a090c2e4fb045d6b00ab360',
    alternates: ['b475447846f37cc426add800b995a7859c169c53c72b62de6338c0c40a5dacea'],
    root: 'podcastUnionV2',
    route: 'xpui-routes-show',
    variables: uriOnly,
    read: (root) => apiShow(root),
    probe: (known) => ({ uri: knownUri(known, 'show') }),
  }),
  showEpisodes: operation({
    name: 'queryPodcastEpisodes',
    hash: '06046f9b939d56c8eb7cdbb687da938de1164c006871aec91dc26e4dc7d8eb08',
    alternates: ['3539d746cf882f3909660de40b4ef472b3f5893a0761d617c282541de5d412c5'],
    root: 'podcastUnionV2',
    route: 'xpui-routes-show',
    pageSize: 50,
    maxItems: 20_000,
    variables: ({ uri, offset, limit }: PageInput) => ({ uri, offset, limit }),
    read: (root, input) => apiShowEpisodes(root, previewsOf(input)),
    probe: (known) => ({ uri: knownUri(known, 'show'), offset: 0, limit: 50 }),
  }),
  search: operation({
    name: 'searchDesktop',
    hash: 'eff59fa0a3d026b88b56fddbcf4bdfa16a186b8175a5c1a358c072e053c2e5b0',
    alternates: ['eef7cc54888d91bdd6802623477873caa3948ae173a0c34fd86827b267e94c03'],
    root: 'searchV2',
    route: 'xpui-routes-search',
    variables: (request: SearchRequest) => searchVariables(request),
    read: (root, request) => readSearch(root, request),
    probe: (): SearchRequest => ({ query: 'daft punk', types: new Set(SEARCH_TYPES), limit: 5, offset: 0 }),
  }),
  discography: operation({
    name: 'queryArtistDiscographyAll',
    hash: '5e07d323febb57b4a56a42abbf781490e58764aa45feb6e3dc0591564fc56599',
    root: 'artistUnion',
    route: 'xpui-routes-artist',
    pageSize: 50,
    maxItems: 5_000,
    variables: ({ uri, offset, limit }: PageInput) => ({ uri, offset, limit }),
    read: (root) => discographyPage(root),
    probe: (known) => ({ uri: knownUri(known, 'artist'), offset: 0, limit: 50 }),
  }),
  relatedArtists: operation({
    name: 'queryArtistRelated',
    hash: '3d031d6cb22a2aa7c8d203d49b49df731f58b1e2799cc38d9876d58771aa66f3',
    root: 'artistUnion',
    route: 'xpui-routes-artist',
    variables: uriOnly,
    read: (root) => readRelatedArtists(root),
    probe: (known) => ({ uri: knownUri(known, 'artist') }),
  }),
  similarAlbums: operation({
    name: 'similarAlbumsBasedOnThisTrack',
    hash: '1d1f93a737498adca2c892c73af87fc0b052afe4e1a33c989540c32413dfae17',
    root: 'seoRecommendedTrackAlbum',
    variables: ({ uri, limit }: { uri: string; limit: number }) => ({ uri, limit }),
    read: (root) => readSimilarAlbums(root),
    probe: (known) => ({ uri: knownUri(known, 'track'), limit: 10 }),
  }),
  concerts: operation({
    name: 'ArtistConcerts',
    hash: 'ef53c43b865496b9890b7167eab1dc614a8949ef9451b3c41184ea888de8bd2b',
    root: 'concerts',
    route: 'xpui-routes-artist',
    variables: ({ uri }: EntityInput) => ({ artistUri: uri, includeNearby: false }),
    read: (root) => readConcerts(root),
    probe: (known) => ({ uri: knownUri(known, 'artist') }),
  }),
  credits: operation({
    name: 'queryTrackCreditsGroupedModal',
    hash: 'f135fb9be58a72d041ab5d214d817021a272405d883860468e2627afb01a3ca9',
    root: 'trackUnion',
    variables: creditVariables,
    read: readCredits,
    probe: probeTrackId,
  }),
  creditsModal: operation({
    name: 'queryTrackCreditsModal',
    hash: 'e2ca40d46cf1fde36562261ccec754f23fb31b561877252e9fe0d6834aabb84b',
    root: 'trackUnion',
    variables: creditVariables,
    read: readCredits,
    probe: probeTrackId,
  }),
  canvas: operation({
    name: 'canvas',
    hash: '575138ab27cd5c1b3e54da54d0a7cc8d85485402de26340c2145f0f6bb5e7a9f',
    root: 'trackUnion',
    variables: ({ trackId }: TrackIdInput) => ({ trackUri: entityUri('track', trackId) }),
    read: (root, { trackId }) => readCanvas(root, trackId),
    probe: probeTrackId,
  }),
  decorateTracks: operation({
    name: 'decorateContextTracks',
    hash: '383de00240775c39a6afe0b1055dc562b2a3930894201f9762f3fc32a74971c7',
    alternates: ['697706196617419cd713ed01a204a312876b51fba591b70bf961ddc0eccd5e8e'],
    root: 'tracks',
    variables: urisOnly,
    read: (root, { uris }: UrisInput) => byUri(root, uris, apiTrackSummary),
    probe: probeTrackUris,
  }),
  decorateEpisodes: operation({
    name: 'decorateContextEpisodesOrChapters',
    hash: '383de00240775c39a6afe0b1055dc562b2a3930894201f9762f3fc32a74971c7',
    root: 'episodes',
    variables: urisOnly,
    read: (root, { uris }: UrisInput) => byUri(root, uris, apiEpisodeSummary),
    probe: (known) => ({ uris: [knownUri(known, 'episode')] }),
  }),
  trackPreview: operation({
    name: 'trackPreview',
    hash: 'fc26ffc7a1a4f93bd4c2d705649f7dba1de34005b3dc2915549847a9959405d8',
    root: 'lookup',
    variables: urisOnly,
    read: (root, { uris }: UrisInput) => readTrackPreviews(root, uris),
    probe: probeTrackUris,
  }),
  recommendations: operation({
    name: 'internalLinkRecommenderTrack',
    hash: 'c77098ee9d6ee8ad3eb844938722db60570d040b49f41f5ec6e7be9160a7c86b',
    root: 'seoRecommendedTrack',
    route: 'xpui-routes-track',
    variables: ({ uri, limit }: { uri: string; limit: number }) => ({ uri, limit }),
    read: (root) => readRecommendations(root),
    probe: (known) => ({ uri: knownUri(known, 'track'), limit: 5 }),
  }),
  searchTracks: typeSearch('searchTracks', 'b02683192a98dde7966b5e6655a79eeb62713eab703eda9902c932818dd52751', 'track'),
  searchAlbums: typeSearch('searchAlbums', '202cb3305e31e5a0767ba7925f28bd728cf8f8b0217e6da43909056071cd70e9', 'album'),
  searchArtists: typeSearch(
    'searchArtists',
    '7bf95d754fdbe32c8b161fbbe54d1ae50974900df4dce4c8f1afcbcad153224d',
    'artist',
  ),
  searchPlaylists: typeSearch(
    'searchPlaylists',
    'd520014e748f9ea44f7707d8df1819867ac1205e8b7f3e28f22fe5fc858921b1',
    'playlist',
  ),
  searchPodcasts: typeSearch(
    'searchPodcasts',
    '0195d9f61b43606d490bca64c3456e3593528cea6cc05c7e822c7c42beed0f4e',
    'show',
  ),
  searchEpisodes: typeSearch(
    'searchEpisodes',
    'c9ee277c533bd3f191f9f09bee04f8e4e81bdc48f4d2fadbf67e504c75dc3fe1',
    'episode',
  ),
  colors: operation({
    name: 'fetchExtractedColors',
    hash: '36e90fcaea00d47c695fce31874efeb2519b97d4cd0ee1abfb4f8dc9348596ea',
    root: 'extractedColors',
    variables: ({ imageId }: { imageId: string }) => ({ imageUris: [entityUri('image', imageId)] }),
    read: (root) => readColors(root),
    probe: (known) => ({ imageId: known.imageId }),
  }),
});

/** The partner API operations, by the key the `operations` option uses (the table above has a row for each). */
export type OperationKind = keyof typeof OPERATIONS;

/** A row of the table, by its key. */
export type OperationOf<K extends OperationKind> = (typeof OPERATIONS)[K];

export const OPERATION_KINDS = Object.freeze(Object.keys(OPERATIONS)) as readonly OperationKind[];

/** Every row, in the table's order (what `doctor` probes). */
export const OPERATION_LIST: readonly AnyOperation[] = Object.freeze(OPERATION_KINDS.map((kind) => OPERATIONS[kind]));

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

export { builtInHashes, type PersistedOperation };
