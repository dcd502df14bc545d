/**
 * The fake Spotify answers in Spotify's shapes: every key path of its answer to each operation is a
 * path of the real answer in ../shared/fixtures (when present), except the few it carries so that a
 * model added to the fake comes back equal to itself, listed here with why.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeAnswers, keyPaths } from './helpers/fake-shapes.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'shared', 'fixtures');
const present = existsSync(FIXTURES);

/** Paths (prefixes) the fake writes that the fixture lacks, and why. */
const CARRIED: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'pathfinder/track.json': { 'data.trackUnion.discNumber': "the model's discNumber (the fixture has none)" },
  'pathfinder/artist.json': {
    'data.artistUnion.discography.topTracks.items[].track.albumOfTrack': "a top track's album as the model names it",
  },
  'pathfinder/playlist.json': {
    'data.playlistV2.content.items[].addedBy.data': "addedBy as a user (the fixture's items have it null)",
    'data.playlistV2.content.items[].itemV2.data.albumOfTrack.date': "a track's release date",
  },
  'pathfinder/episode.json': { 'data.episodeUnionV2.podcastV2.data.publisher': "the show's publisher" },
  'pathfinder/show_episodes.json': {
    'data.podcastUnionV2.episodesV2.items[].entity.data.podcastV2.data.publisher': "the show's publisher",
  },
  'discovery/search.json': {
    'data.searchV2.tracksV2.items[].item.data.playcount': 'a track hit as the Track model carries it',
    'data.searchV2.tracksV2.items[].item.data.trackNumber': 'a track hit as the Track model carries it',
    'data.searchV2.tracksV2.items[].item.data.discNumber': 'a track hit as the Track model carries it',
    'data.searchV2.tracksV2.items[].item.data.albumOfTrack.date': 'a track hit as the Track model carries it',
    'data.searchV2.albumsV2.items[].data.date': "an album hit's full release date",
    'data.searchV2.albumsV2.items[].data.tracks': "an album hit's track count",
    'data.searchV2.episodes.items[].data.playability': 'an episode hit as the Episode model carries it',
    'data.searchV2.episodes.items[].data.previewPlayback': 'an episode hit as the Episode model carries it',
  },
  'discovery/artist_discography.json': {
    'data.artistUnion.discography.all.items[].releases.items[].artists': "the release's artists (Release.artists)",
  },
  'discovery/similar_albums.json': { 'data.seoRecommendedTrackAlbum.items[].data.tracks': "the album's track count" },
  'discovery/concerts.json': {
    'data.concerts.concerts.items[].data.location.name': "the venue (the fixture's concerts have none)",
    'data.concerts.concerts.items[].data.artists.items[].data.uri': "the artists' ids",
  },
  'batch/decorateContextEpisodesOrChapters.shape.json': Object.fromEntries(
    [
      '__typename',
      'description',
      'duration',
      'contentRating',
      'playability',
      'releaseDate',
      'coverArt',
      'mediaTypes',
      'previewPlayback',
      'podcastV2.data.name',
      'podcastV2.data.coverArt',
    ].map((path) => [
      `data.episodes[].${path}`,
      'an episode as getEpisodeOrChapter describes it: no real answer of this operation is public (the fixture is a shape)',
    ]),
  ),
  'account/transcript-acquired-syllable-synced-2026-05.json': {
    'section[].fallback': 'a fallback cue, as SPEC §10 describes (the trimmed fixture has none)',
  },
};

describe.skipIf(!present)('the fake answers in the shapes of ../shared/fixtures', () => {
  it('every key path of each answer is in the real one, or carried for a model and said why', async () => {
    const answers = await fakeAnswers();
    expect(answers.length).toBeGreaterThanOrEqual(20);
    const invented: Record<string, string[]> = {};
    for (const { fixture, answer } of answers) {
      expect(answer, `the fake answered nothing for ${fixture}`).toBeDefined();
      const file = JSON.parse(readFileSync(join(FIXTURES, fixture), 'utf8'));
      // A batch/ file holds the exchange: its answer is `response.body` (or `response`).
      const real = keyPaths(fixture.startsWith('batch/') ? (file.response.body ?? file.response) : file);
      const carried = Object.keys(CARRIED[fixture] ?? {});
      const extra = [...keyPaths(answer)].filter(
        (path) => !real.has(path) && !carried.some((prefix) => path === prefix || path.startsWith(`${prefix}.`)),
      );
      if (extra.length > 0) invented[fixture] = extra;
    }
    expect(invented).toEqual({});
  }, 20_000);
});

it.runIf(!present)('says it skipped the shape check', () => {
  console.warn('kit shapes: SKIPPED — ../shared/fixtures is not beside the checkout');
});
