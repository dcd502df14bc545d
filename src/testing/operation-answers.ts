import type { AnyEntity } from '../models/entities.js';
import type { Canvas } from '../models/canvas.js';
import type { Credits } from '../models/credits.js';
import {
  colorsAnswer,
  concertsAnswer,
  discographyAnswer,
  relatedArtistsAnswer,
  searchAnswer,
  similarAlbumsAnswer,
} from './discovery-answers.js';
import { json, type FakeAnswer } from './fake-answer.js';
import type { FakeDiscovery } from './fake-discovery.js';
import { partnerAnswer } from './partner-answers.js';
import { canvasAnswer, partnerCreditsAnswer } from './spclient-answers.js';
import { entityUri } from '../models/entities.js';
import {
  decorateEpisodesAnswer,
  decorateTracksAnswer,
  recommendationsAnswer,
  trackPreviewAnswer,
  typeSearchAnswer,
} from './list-answers.js';

/** What the fake knows when it answers a persisted query: what was added, and what a test set. */
export interface FakeWorld {
  /** The added entity with this uri, when `uri` is one. */
  entity(uri: unknown): AnyEntity | undefined;
  entities(): Iterable<AnyEntity>;
  discovery: FakeDiscovery;
  credits(trackId: string): Credits | undefined;
  /** A Canvas set for the track, `null` when it has none, undefined when none was set. */
  canvas(trackId: string): Canvas | null | undefined;
  /** The query came with an account token. */
  account: boolean;
  /** The persisted-query hash it was sent with. */
  hash: string | null;
  /** The fake answers the keyless credits with none (the partner API's empty creditsTrait). */
  partnerCreditsEmpty: boolean;
  /** The canvas operation refuses the anonymous token. */
  canvasNeedsAccount: boolean;
}

/** The answer to one persisted query, by its name: `variables` as sent. */
export type OperationAnswer = (variables: Readonly<Record<string, unknown>>, world: FakeWorld) => FakeAnswer;

/** Spotify's answer about something it does not know. */
export const NOT_FOUND = json(200, { errors: [{ message: 'NotFound' }], data: null });
const UNAUTHORIZED = json(401, { error: { status: 401, message: 'Invalid access token' } });

/** An entity operation: the added entity's answer, in Spotify's shape for that operation. */
const entityAnswer =
  (operation: string): OperationAnswer =>
  (variables, world) => {
    const entity = world.entity(variables['uri']);
    const data = entity && partnerAnswer(entity, operation, variables as { offset?: number; limit?: number });
    return data ? json(200, { data }) : NOT_FOUND;
  };

/** An operation about an added entity named by `key` (an artist's uri, a track's). */
const about =
  (
    key: string,
    answer: (entity: AnyEntity, variables: Readonly<Record<string, unknown>>, world: FakeWorld) => unknown,
  ) =>
  (variables: Readonly<Record<string, unknown>>, world: FakeWorld): FakeAnswer => {
    const entity = world.entity(variables[key]);
    return entity ? json(200, { data: answer(entity, variables, world) }) : NOT_FOUND;
  };

/** The id of the track a `trackUri` variable names, or ''. */
function trackIdOf(variables: Readonly<Record<string, unknown>>): string {
  const uri = variables['trackUri'];
  return typeof uri === 'string' && uri.startsWith('spotify:track:') ? uri.slice(14) : '';
}

const creditsAnswer: OperationAnswer = (variables, world) => {
  const id = trackIdOf(variables);
  const credits = world.credits(id);
  if (credits === undefined && !world.entity(entityUri('track', id))) return NOT_FOUND;
  if (credits === undefined || world.partnerCreditsEmpty)
    return json(200, { data: { trackUnion: { __typename: 'Track', uri: variables['trackUri'], creditsTrait: null } } });
  return json(200, { data: partnerCreditsAnswer(credits) });
};

/**
 * Every persisted query the fake answers, by operation name, each in Spotify's shape (checked against
 * the shared fixtures by the kit's shape test). A new operation's fake answer is one entry here.
 */
export const OPERATION_ANSWERS: Readonly<Record<string, OperationAnswer>> = Object.freeze({
  getTrack: entityAnswer('getTrack'),
  getAlbum: entityAnswer('getAlbum'),
  queryArtistOverview: entityAnswer('queryArtistOverview'),
  fetchPlaylist: entityAnswer('fetchPlaylist'),
  getEpisodeOrChapter: entityAnswer('getEpisodeOrChapter'),
  queryShowMetadataV2: entityAnswer('queryShowMetadataV2'),
  queryPodcastEpisodes: entityAnswer('queryPodcastEpisodes'),
  searchDesktop: (variables, world) => json(200, { data: searchAnswer(world.entities(), { ...variables }) }),
  ...Object.fromEntries(
    ['searchTracks', 'searchAlbums', 'searchArtists', 'searchPlaylists', 'searchPodcasts', 'searchEpisodes'].map(
      (name): [string, OperationAnswer] => {
        const answer = typeSearchAnswer(name);
        return [name, (variables, world) => answer(world.entities(), variables)];
      },
    ),
  ),
  decorateContextTracks: (variables, world) => decorateTracksAnswer(variables, world.entity),
  decorateContextEpisodesOrChapters: (variables, world) => decorateEpisodesAnswer(variables, world.entity),
  trackPreview: (variables, world) => trackPreviewAnswer(variables, world.entity),
  internalLinkRecommenderTrack: about('uri', (track, variables, world) =>
    recommendationsAnswer(world.discovery.recommendedFor(track.id), variables),
  ),
  queryArtistDiscographyAll: about('uri', (artist, variables, world) =>
    discographyAnswer(world.discovery.discographyOf(artist.id), { ...variables }),
  ),
  queryArtistRelated: about('uri', (artist, _variables, world) =>
    relatedArtistsAnswer(artist.uri, artist.name, world.discovery.relatedTo(artist.id)),
  ),
  similarAlbumsBasedOnThisTrack: about('uri', (track, variables, world) =>
    similarAlbumsAnswer(world.discovery.similarTo(track.id), Number(variables['limit'] ?? 10)),
  ),
  ArtistConcerts: about('artistUri', (artist, _variables, world) =>
    concertsAnswer(artist.uri, artist.name, world.discovery.concertsOf(artist.id)),
  ),
  fetchExtractedColors: (variables, world) => {
    const uris = Array.isArray(variables['imageUris']) ? (variables['imageUris'] as unknown[]) : [];
    const colors = world.discovery.colorsOf(String(uris[0] ?? '').replace(/^spotify:image:/, ''));
    return colors ? json(200, { data: colorsAnswer(colors) }) : NOT_FOUND;
  },
  queryTrackCreditsGroupedModal: creditsAnswer,
  queryTrackCreditsModal: creditsAnswer,
  canvas: (variables, world) => {
    if (!world.account && world.canvasNeedsAccount) return UNAUTHORIZED;
    const id = trackIdOf(variables);
    const canvas = world.canvas(id);
    if (canvas === undefined && !world.entity(entityUri('track', id))) return NOT_FOUND;
    return json(200, { data: canvasAnswer(id, canvas ?? null) });
  },
});
