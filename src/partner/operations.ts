/** The partner API operations the client uses, one per entity kind plus show episode paging. */
export type OperationKind = 'track' | 'album' | 'artist' | 'playlist' | 'episode' | 'show' | 'showEpisodes';

/** A persisted GraphQL query: Spotify serves it by name and sha256 hash. */
export interface PersistedOperation {
  name: string;
  hash: string;
}

/**
 * Hashes as Spotify's web player sent them (2026). They rotate when Spotify redeploys; override them
 * with the `operations` client option rather than waiting for a release.
 */
export const DEFAULT_OPERATIONS: Readonly<Record<OperationKind, PersistedOperation>> = Object.freeze({
  track: { name: 'getTrack', hash: '612585ae06ba435ad26369870deaae23b5c8800a256cd8a57e08eddc25a37294' },
  album: { name: 'getAlbum', hash: 'b9bfabef66ed756e5e13f68a942deb60bd4125ec1f1be8cc42769dc0259b4b10' },
  artist: { name: 'queryArtistOverview', hash: 'ae0e2958a4ab645b35ca19ac04d0495ae12d9c5d7b7286217674801a9aab281a' },
  playlist: { name: 'fetchPlaylist', hash: 'a65e12194ed5fc443a1cdebed5fabe33ca5b07b987185d63c72483867ad13cb4' },
  episode: { name: 'getEpisodeOrChapter', hash: '3416929067571ac4b79db16716be3c6ea5f6265f7975a0ee94b1fc5ee1dc1e9d' },
  show: { name: 'queryShowMetadataV2', hash: 'aaad798a17a43c0f443c45d630a83df39d2ca1062a090c2e4fb045d6b00ab360' },
  showEpisodes: { name: 'queryPodcastEpisodes', hash: '06046f9b939d56c8eb7cdbb687da938de1164c006871aec91dc26e4dc7d8eb08' },
});

export const PARTNER_API_URL = 'https://api-partner.spotify.com/pathfinder/v1/query';

/** The GET URL of one persisted query. */
export function operationUrl(operation: PersistedOperation, variables: Readonly<Record<string, unknown>>): string {
  const url = new URL(PARTNER_API_URL);
  url.searchParams.set('operationName', operation.name);
  url.searchParams.set('variables', JSON.stringify(variables));
  url.searchParams.set('extensions', JSON.stringify({ persistedQuery: { version: 1, sha256Hash: operation.hash } }));
  return url.href;
}
