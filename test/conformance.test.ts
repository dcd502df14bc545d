/**
 * Runs the real Spotify payloads in ../shared/fixtures (when that folder exists) through the same
 * parse + validate path the client uses, and checks the result against the raw JSON.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NotFoundError, type EntityType } from '../src/index.js';
import { parseEmbedHtml } from '../src/parse/index.js';
import { scanScriptText } from '../src/parse/script-scan.js';
import { apiAlbum, apiArtist, apiPlaylist, apiShow, apiShowEpisodes } from '../src/partner/entity-readers.js';
import { apiEpisode } from '../src/partner/episode.js';
import { apiTrack } from '../src/partner/track.js';
import { EpisodeSchema, PlaylistItemSchema, TrackSchema } from '../src/index.js';
import {
  ArtistSummarySchema,
  ColorsSchema,
  ConcertSchema,
  ReleaseSchema,
  SEARCH_TYPES,
  SearchResultsSchema,
} from '../src/index.js';
import { readColors } from '../src/partner/colors.js';
import { readConcerts } from '../src/partner/concerts.js';
import { discographyPage } from '../src/partner/discography.js';
import { readRelatedArtists } from '../src/partner/related-artists.js';
import { readSearch } from '../src/partner/search.js';
import { readSimilarAlbums } from '../src/partner/similar-albums.js';
import { nextDataHtml, type Json } from './helpers/pages.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'shared', 'fixtures');
const present = existsSync(FIXTURES);
if (!present) console.warn(`conformance: skipped, ${FIXTURES} is absent`);

type Raw = Record<string, any>;
const TYPES: readonly EntityType[] = ['track', 'album', 'artist', 'playlist', 'episode', 'show'];

function files(folder: string, extension: string): string[] {
  const dir = join(FIXTURES, folder);
  return existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith(extension)) : [];
}

function typeOf(name: string): EntityType {
  const type = TYPES.find((candidate) => name.startsWith(candidate));
  if (!type) throw new Error(`no entity type in fixture name ${name}`);
  return type;
}

const explicitOf = (raw: Raw) =>
  raw['isExplicit'] === true || (raw['contentRatings']?.labels ?? []).includes('EXPLICIT');
const previewOf = (raw: Raw) => raw['audioPreview']?.url ?? null;
const nameOf = (raw: Raw) => raw['title'] ?? raw['name'];
const idOf = (uri: string) => uri.split(':')[2];

/** Checks a parsed model against the embed state it came from. */
function checkAgainstRaw(type: EntityType, model: any, state: Raw): void {
  const entity = state['data'].entity as Raw;
  if (type === 'show') {
    expect(model.id).toBe(idOf(state['data'].embeded_entity_uri));
    expect(model.name).toBe(entity['subtitle']);
    expect(model.images.length).toBe((entity['relatedEntityCoverArt'] ?? []).length);
    expect(model.episodes[0].id).toBe(entity['id']);
    expect(model.episodes[0].previewUrl).toBe(previewOf(entity));
    return;
  }
  expect(model.id).toBe(entity['id'] ?? idOf(entity['uri']));
  expect(model.name).toBe(nameOf(entity));
  expect(model.images.length).toBeGreaterThan(0);
  if (type === 'track' || type === 'episode') {
    expect(model.explicit).toBe(explicitOf(entity));
    expect(model.previewUrl).toBe(previewOf(entity));
    expect(model.durationMs).toBe(entity['duration']);
  }
  if (type === 'track')
    expect(model.artists.map((a: Raw) => a['name'])).toEqual(entity['artists'].map((a: Raw) => a['name']));
  const rows: Raw[] = entity['trackList'] ?? [];
  const items: any[] =
    type === 'album'
      ? model.tracks
      : type === 'artist'
        ? model.topTracks
        : type === 'playlist'
          ? model.tracks.map((i: Raw) => i['track'])
          : [];
  expect(items.length).toBe(rows.length);
  items.forEach((item, index) => {
    const raw = rows[index] as Raw;
    expect(item.id).toBe(idOf(raw['uri']));
    expect(item.name).toBe(raw['title']);
    expect(item.explicit).toBe(explicitOf(raw));
    expect(item.previewUrl).toBe(previewOf(raw));
    expect(item.playable).toBe(raw['isPlayable'] !== false);
  });
}

describe.skipIf(!present)('conformance with real Spotify payloads', () => {
  describe('embed/*.json (__NEXT_DATA__)', () => {
    it.each(files('embed', '.json'))('%s', (name) => {
      const json = JSON.parse(readFileSync(join(FIXTURES, 'embed', name), 'utf8')) as Json;
      const type = typeOf(name);
      const state = (json as Raw)['props'].pageProps.state;
      const model = parseEmbedHtml(
        type,
        nextDataHtml(json),
        idOf(state.data.embeded_entity_uri) as string,
        `fixture:${name}`,
      );
      checkAgainstRaw(type, model, (json as Raw)['props'].pageProps.state);
    });
  });

  describe('html/*.html (whole pages)', () => {
    it.each(files('html', '.html'))('%s', (name) => {
      const html = readFileSync(join(FIXTURES, 'html', name), 'utf8');
      const type = typeOf(name);
      const raw = JSON.parse(scanScriptText(html, '__NEXT_DATA__') ?? 'null') as Raw;
      const state = raw['props'].pageProps.state;
      if (!state) {
        expect(() => parseEmbedHtml(type, html, 'x', `fixture:${name}`)).toThrow(NotFoundError);
        return;
      }
      checkAgainstRaw(
        type,
        parseEmbedHtml(type, html, idOf(state.data.embeded_entity_uri) as string, `fixture:${name}`),
        state,
      );
    });
  });
});

describe.skipIf(!present)('conformance with real partner API responses (pathfinder/*.json)', () => {
  const load = (name: string): Raw =>
    JSON.parse(readFileSync(join(FIXTURES, 'pathfinder', `${name}.json`), 'utf8'))['data'];
  const none = new Map<string, string | null>();

  it('every pathfinder fixture is mapped by this test', () => {
    expect(files('pathfinder', '.json').sort()).toEqual(
      ['album', 'artist', 'episode', 'playlist', 'show', 'show_episodes', 'track'].map((n) => `${n}.json`),
    );
  });

  it('track', () => {
    const raw = load('track')['trackUnion'];
    const track = TrackSchema.parse(apiTrack(raw, none));
    expect(track).toMatchObject({
      id: raw.id,
      name: raw.name,
      durationMs: raw.duration.totalMilliseconds,
      playCount: Number(raw.playcount),
      trackNumber: raw.trackNumber,
    });
    expect(track.album).toMatchObject({ id: raw.albumOfTrack.id, name: raw.albumOfTrack.name });
    expect(track.artists.map((a) => a.name)).toEqual(raw.firstArtist.items.map((a: Raw) => a['profile'].name));
    expect(track.explicit).toBe(raw.contentRating.label === 'EXPLICIT');
  });

  it('album', () => {
    const raw = load('album')['albumUnion'];
    const { details, page } = apiAlbum(raw, none);
    expect(details).toMatchObject({ label: raw.label, albumType: raw.type, releaseDate: raw.date.isoString });
    expect(details.copyrights).toEqual(raw.copyright.items.map((c: Raw) => c['text']));
    expect(page.total).toBe(raw.tracksV2.totalCount);
    expect(page.items.map((t) => TrackSchema.parse(t).id)).toEqual(
      raw.tracksV2.items.map((i: Raw) => idOf(i['track'].uri)),
    );
    expect(page.items.map((t) => t.playCount)).toEqual(
      raw.tracksV2.items.map((i: Raw) => Number(i['track'].playcount)),
    );
    expect(page.items.every((t) => t.album?.id === raw.uri.split(':')[2])).toBe(true);
  });

  it('artist', () => {
    const raw = load('artist')['artistUnion'];
    const artist = apiArtist(raw, none);
    expect(artist).toMatchObject({
      followers: raw.stats.followers,
      monthlyListeners: raw.stats.monthlyListeners,
      biography: raw.profile.biography.text,
    });
    expect(artist.topTracks.map((t) => TrackSchema.parse(t).id)).toEqual(
      raw.discography.topTracks.items.map((i: Raw) => i['track'].id),
    );
  });

  it('playlist', () => {
    const raw = load('playlist')['playlistV2'];
    const { details, page } = apiPlaylist(raw, none);
    expect(details).toMatchObject({
      description: raw.description,
      followers: raw.followers,
      totalTracks: raw.content.totalCount,
    });
    expect(details.owner).toMatchObject({ name: raw.ownerV2.data.name, uri: raw.ownerV2.data.uri });
    expect(page.raw).toBe(raw.content.items.length);
    expect(page.items.map((item) => PlaylistItemSchema.parse(item).track.uri)).toEqual(
      raw.content.items.map((i: Raw) => i['itemV2'].data.uri),
    );
    expect(page.items.map((item) => item.addedAt)).toEqual(
      raw.content.items.map((i: Raw) => i['addedAt']?.isoString ?? null),
    );
  });

  it('episode', () => {
    const raw = load('episode')['episodeUnionV2'];
    const episode = EpisodeSchema.parse(apiEpisode(raw, none));
    expect(episode).toMatchObject({
      id: raw.id,
      name: raw.name,
      description: raw.description,
      durationMs: raw.duration.totalMilliseconds,
      explicit: true,
      hasVideo: true,
    });
    expect(episode.show).toMatchObject({ uri: raw.podcastV2.data.uri, name: raw.podcastV2.data.name });
    expect(episode.previewUrl).toBe(raw.previewPlayback.audioPreview.cdnUrl);
  });

  it('show and show_episodes', () => {
    const raw = load('show')['podcastUnionV2'];
    expect(apiShow(raw)).toMatchObject({
      description: raw.description,
      publisher: raw.publisher.name,
      mediaType: raw.mediaType,
    });
    const episodes = load('show_episodes')['podcastUnionV2'];
    const page = apiShowEpisodes(episodes, none);
    expect(page.total).toBe(episodes.episodesV2.totalCount);
    expect(page.items.map((e) => EpisodeSchema.parse(e).id)).toEqual(
      episodes.episodesV2.items.map((i: Raw) => i['entity'].data.id),
    );
  });
});

describe.skipIf(!present)('conformance with real discovery answers (discovery/*.json)', () => {
  const load = (name: string): Raw =>
    JSON.parse(readFileSync(join(FIXTURES, 'discovery', `${name}.json`), 'utf8'))['data'];

  it('every discovery fixture is mapped by this test', () => {
    expect(files('discovery', '.json').sort()).toEqual(
      ['artist_discography', 'artist_related', 'colors', 'concerts', 'search', 'similar_albums'].map(
        (n) => `${n}.json`,
      ),
    );
  });

  it('search', () => {
    const raw = load('search')['searchV2'];
    const { results, unreadable } = readSearch(raw, {
      query: 'daft punk',
      types: new Set(SEARCH_TYPES),
      limit: 20,
      offset: 0,
    });
    const parsed = SearchResultsSchema.parse(results);
    expect(unreadable).toBe(0);
    expect(parsed.tracks.map((t) => t.id)).toEqual(raw.tracksV2.items.map((i: Raw) => i['item'].data.id));
    expect(parsed.tracks[0]).toMatchObject({
      name: raw.tracksV2.items[0].item.data.name,
      durationMs: raw.tracksV2.items[0].item.data.duration.totalMilliseconds,
    });
    expect(parsed.albums.map((a) => a.uri)).toEqual(raw.albumsV2.items.map((i: Raw) => i['data'].uri));
    expect(parsed.albums[0]?.releaseDate).toBe(String(raw.albumsV2.items[0].data.date.year));
    expect(parsed.artists.map((a) => a.name)).toEqual(raw.artists.items.map((i: Raw) => i['data'].profile.name));
    expect(parsed.playlists.map((p) => p.owner?.name)).toEqual(
      raw.playlists.items.map((i: Raw) => i['data'].ownerV2.data.name),
    );
    expect(parsed.shows.map((s) => s.publisher)).toEqual(raw.podcasts.items.map((i: Raw) => i['data'].publisher.name));
    expect(parsed.episodes.map((e) => e.show?.name)).toEqual(
      raw.episodes.items.map((i: Raw) => i['data'].podcastV2.data.name),
    );
    expect(parsed.totals).toEqual({
      track: raw.tracksV2.totalCount,
      album: raw.albumsV2.totalCount,
      artist: raw.artists.totalCount,
      playlist: raw.playlists.totalCount,
      show: raw.podcasts.totalCount,
      episode: raw.episodes.totalCount,
    });
  });

  it('artist_discography', () => {
    const raw = load('artist_discography')['artistUnion'];
    const page = discographyPage(raw);
    const releases = raw.discography.all.items.flatMap((group: Raw) => group['releases'].items);
    expect(page).toMatchObject({
      raw: raw.discography.all.items.length,
      total: raw.discography.all.totalCount,
      unreadable: 0,
    });
    expect(page.items.map((r) => ReleaseSchema.parse(r).id)).toEqual(releases.map((r: Raw) => r['id']));
    expect(page.items.map((r) => [r.albumType, r.totalTracks, r.releaseDate])).toEqual(
      releases.map((r: Raw) => [r['type'], r['tracks'].totalCount, r['date'].isoString]),
    );
  });

  it('artist_related', () => {
    const raw = load('artist_related')['artistUnion'];
    const page = readRelatedArtists(raw);
    expect(page.items.map((a) => ArtistSummarySchema.parse(a).id)).toEqual(
      raw.relatedContent.relatedArtists.items.map((a: Raw) => a['id']),
    );
    expect(page.items.map((a) => a.name)).toEqual(
      raw.relatedContent.relatedArtists.items.map((a: Raw) => a['profile'].name),
    );
  });

  it('similar_albums', () => {
    const raw = load('similar_albums')['seoRecommendedTrackAlbum'];
    const page = readSimilarAlbums(raw);
    expect(page.items.map((a) => ReleaseSchema.parse(a).uri)).toEqual(raw.items.map((i: Raw) => i['data'].uri));
    expect(page.items.map((a) => a.artists.map((artist) => artist.name))).toEqual(
      raw.items.map((i: Raw) => i['data'].artists.items.map((a: Raw) => a['profile'].name)),
    );
  });

  it('concerts', () => {
    const raw = load('concerts')['concerts'];
    const page = readConcerts(raw);
    expect(page.items.map((c) => ConcertSchema.parse(c).uri)).toEqual(
      raw.concerts.items.map((i: Raw) => i['data'].uri),
    );
    expect(page.items.map((c) => [c.title, c.startDate, c.city])).toEqual(
      raw.concerts.items.map((i: Raw) => [i['data'].title, i['data'].startDateIsoString, i['data'].location.city]),
    );
    expect(page.items[0]?.artists.map((a) => a.name)).toEqual(
      raw.concerts.items[0].data.artists.items.map((a: Raw) => a['data'].profile.name),
    );
  });

  it('colors', () => {
    const raw = load('colors')['extractedColors'];
    expect(ColorsSchema.parse(readColors({ items: raw }))).toEqual({
      raw: raw[0].colorRaw.hex.toUpperCase(),
      dark: raw[0].colorDark.hex.toUpperCase(),
      light: raw[0].colorLight.hex.toUpperCase(),
      isFallback: raw[0].colorRaw.isFallback,
    });
  });
});
