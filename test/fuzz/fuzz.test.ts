/**
 * Seeded fuzzing of the parsers: hundreds of mutations of pages and partner API answers the project
 * builds itself. Every outcome must be a valid, non-hollow model, a ParseError or a NotFoundError; and
 * no call may take long (a loose bound that catches hangs and quadratic scans, not a speed goal).
 */
import { MockAgent } from 'undici';
import { describe, expect, it } from 'vitest';
import { AsyncSpotifyClient, NotFoundError, ParseError } from '../../src/index.js';
import { ENTITY_SCHEMAS, type EntityType } from '../../src/models/entities.js';
import { parseEmbedHtml } from '../../src/parse/index.js';
import {
  embedHtml,
  embedState,
  episodeEntity,
  episodeRow,
  listEntity,
  restrictedRow,
  row,
  trackEntity,
  type Json,
} from '../helpers/pages.js';
import { apiTrackData, itemId, playlistPage, showEpisodesPage, showMetadata } from '../helpers/partner.js';
import { damagePage, mutate, prng } from './mutations.js';

const SEED = 20261125;
const PAGE_MUTATIONS = 360;
const ANSWER_MUTATIONS = 180;
const SLOW_MS = 2_000;

const ids: Record<EntityType, string> = {
  track: '0DiWol3AO6WpXZgp0goxAV',
  album: '2noRn2Aes5aoNVsU6iWThc',
  artist: '4tZwfgrHOc3mvqYlEYSvVi',
  playlist: '37i9dQZF1DXcBWIGoYBM5M',
  episode: '5Q2dkZHfnGb2Y4BzzoBu2G',
  show: '4rOoJ6Egrf8K2IrywzwOMk',
};

function baseState(type: EntityType): Json {
  const id = ids[type];
  const uri = `spotify:${type}:${id}`;
  switch (type) {
    case 'track':
      return embedState(trackEntity({ id, uri }));
    case 'album':
      return embedState(listEntity('album', [row(), row(), restrictedRow()], { id, uri }));
    case 'artist':
      return embedState(listEntity('artist', [row(), row()], { id, uri }));
    case 'playlist':
      return embedState(listEntity('playlist', [row(), episodeRow(), restrictedRow()], { id, uri }));
    case 'episode':
      return embedState(episodeEntity({ id, uri }));
    case 'show':
      return embedState(episodeEntity({ relatedEntityUri: uri }), uri);
  }
}

const TYPES = Object.keys(ids) as EntityType[];

/** The model is valid and says something: what "never hollow" means. */
function expectWhole(type: EntityType, model: unknown, state: Json): void {
  const checked = ENTITY_SCHEMAS[type].safeParse(model);
  expect(checked.success, checked.success ? '' : JSON.stringify(checked.error.issues[0])).toBe(true);
  const entity = model as { id: string; name: string };
  const embedded = (state as { data?: { embeded_entity_uri?: unknown } })?.data?.embeded_entity_uri;
  expect(entity.id === ids[type] || (type === 'track' && embedded === `spotify:track:${ids.track}`)).toBe(true);
  expect(entity.name).not.toBe('');
}

function expectKnownFailure(error: unknown): void {
  if (error instanceof ParseError || error instanceof NotFoundError) return;
  throw error;
}

describe('fuzz: mutated embed pages', () => {
  it(`${PAGE_MUTATIONS} mutations: a whole model, a ParseError or a NotFoundError, never slow`, () => {
    const random = prng(SEED);
    const outcomes = { model: 0, parseError: 0, notFound: 0 };
    for (let n = 0; n < PAGE_MUTATIONS; n += 1) {
      const type = TYPES[n % TYPES.length] as EntityType;
      const state = mutate(baseState(type), random) as Json;
      let html = embedHtml(state as Record<string, unknown>, random() < 0.2 ? { format: 'initial-state' } : {});
      if (random() < 0.25) html = damagePage(html, random);
      const start = performance.now();
      try {
        expectWhole(type, parseEmbedHtml(type, html, ids[type], `fuzz:${n}`, { warn: () => undefined }), state);
        outcomes.model += 1;
      } catch (error) {
        expectKnownFailure(error);
        if (error instanceof ParseError) outcomes.parseError += 1;
        else outcomes.notFound += 1;
      }
      expect(performance.now() - start, `mutation ${n} of a ${type} page`).toBeLessThan(SLOW_MS);
    }
    // Both outcomes occur: the mutations are neither all harmless nor all fatal.
    expect(outcomes.model).toBeGreaterThan(PAGE_MUTATIONS / 10);
    expect(outcomes.parseError).toBeGreaterThan(PAGE_MUTATIONS / 10);
  });
});

function answerFor(type: EntityType, request: URL): Json {
  const variables = JSON.parse(request.searchParams.get('variables') ?? '{}') as {
    uri: string;
    offset?: number;
    limit?: number;
  };
  const offset = variables.offset ?? 0;
  const limit = variables.limit ?? 50;
  const tracks = Array.from({ length: 60 }, (_, i) => itemId('fz', i));
  switch (request.searchParams.get('operationName')) {
    case 'getTrack':
      return { data: { trackUnion: { ...apiTrackData(ids.track, 1), uri: `spotify:track:${ids.track}` } } };
    case 'getAlbum':
      return {
        data: {
          albumUnion: {
            uri: variables.uri,
            name: 'Album',
            type: 'ALBUM',
            tracksV2: {
              totalCount: 60,
              items: tracks
                .slice(offset, offset + limit)
                .map((id, i) => ({ uid: `u${offset + i}`, track: apiTrackData(id, offset + i) })),
            },
          },
        },
      };
    case 'queryArtistOverview':
      return {
        data: {
          artistUnion: {
            uri: variables.uri,
            profile: { name: 'Artist' },
            stats: { followers: 5 },
            discography: { topTracks: { items: tracks.slice(0, 10).map((id, i) => ({ track: apiTrackData(id, i) })) } },
          },
        },
      };
    case 'fetchPlaylist':
      return playlistPage(variables.uri, tracks, offset, limit);
    case 'queryShowMetadataV2':
      return showMetadata(variables.uri);
    case 'queryPodcastEpisodes':
      return showEpisodesPage(variables.uri, tracks, offset, limit);
    default:
      return {
        data: {
          episodeUnionV2: {
            __typename: 'Episode',
            uri: `spotify:episode:${ids.episode}`,
            name: 'Ep',
            description: 'd',
          },
        },
      };
  }
}

describe('fuzz: mutated partner API answers', () => {
  it(`${ANSWER_MUTATIONS} mutations: a whole model (enriched or the embed's), a ParseError or a NotFoundError`, async () => {
    const random = prng(SEED + 1);
    const mock = new MockAgent();
    mock.disableNetConnect();
    let type: EntityType = 'track';
    mock
      .get('https://open.spotify.com')
      .intercept({ path: /^\/embed\// })
      .reply(200, () => embedHtml(baseState(type) as Record<string, unknown>))
      .persist();
    mock
      .get('https://api-partner.spotify.com')
      .intercept({ path: /^\/pathfinder\// })
      .reply(200, (options) =>
        JSON.stringify(
          random() < 0.85
            ? mutate(answerFor(type, new URL(String(options.path), 'https://x')), random)
            : answerFor(type, new URL(String(options.path), 'https://x')),
        ),
      )
      .persist();
    const client = new AsyncSpotifyClient({
      dispatcher: mock,
      rateLimit: false,
      retry: false,
      onWarning: () => undefined,
    });
    const getters: Record<EntityType, (id: string) => Promise<unknown>> = {
      track: (id) => client.getTrack(id),
      album: (id) => client.getAlbum(id),
      artist: (id) => client.getArtist(id),
      playlist: (id) => client.getPlaylist(id, { maxTracks: Infinity }),
      episode: (id) => client.getEpisode(id),
      show: (id) => client.getShow(id, { maxEpisodes: Infinity }),
    };
    let models = 0;
    for (let n = 0; n < ANSWER_MUTATIONS; n += 1) {
      type = TYPES[n % TYPES.length] as EntityType;
      const start = performance.now();
      try {
        expectWhole(type, await getters[type](ids[type]), baseState(type));
        models += 1;
      } catch (error) {
        expectKnownFailure(error);
      }
      expect(performance.now() - start, `answer mutation ${n} for a ${type}`).toBeLessThan(SLOW_MS);
    }
    expect(models).toBeGreaterThan(ANSWER_MUTATIONS / 2);
    await client.close();
    await mock.close();
  });
});
