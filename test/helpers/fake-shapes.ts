/**
 * The fake Spotify's answers to every partner and spclient operation for a small world, next to the
 * shared fixture each one should be shaped like; and key paths (array indices collapsed to `[]`).
 */
import {
  artistSummaryOf,
  fakeAlbum,
  fakeArtist,
  fakeCanvas,
  fakeConcert,
  fakeCredits,
  fakeEpisode,
  fakeLyrics,
  fakePlaylist,
  fakeRelease,
  fakeShow,
  fakeTrack,
  fakeTranscript,
  fakeUser,
  FAKE_SP_DC,
  startFakeSpotify,
} from '../../src/testing/index.js';
import { AsyncSpotifyClient } from '../../src/index.js';

/** Every key path of a JSON value: `data.searchV2.tracksV2.items[].item.data.name`. */
export function keyPaths(value: unknown, prefix = '', out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) keyPaths(item, `${prefix}[]`, out);
  else if (typeof value === 'object' && value !== null)
    for (const [key, field] of Object.entries(value)) {
      const path = prefix === '' ? key : `${prefix}.${key}`;
      out.add(path);
      keyPaths(field, path, out);
    }
  return out;
}

/** Runs every operation against a fake and returns each answer body with the fixture it mirrors. */
export async function fakeAnswers(): Promise<Array<{ fixture: string; answer: unknown }>> {
  const spotify = await startFakeSpotify();
  const bodies = new Map<string, unknown>();
  const recorder = (exchange: { url: URL; body: Buffer; requestBody?: Buffer | string }) => {
    const operation =
      exchange.url.searchParams.get('operationName') ??
      (() => {
        try {
          return (JSON.parse(String(exchange.requestBody ?? '')) as { operationName?: string }).operationName;
        } catch {
          return undefined;
        }
      })();
    const key = operation ?? exchange.url.pathname;
    if (!bodies.has(key)) {
      try {
        bodies.set(key, JSON.parse(exchange.body.toString('utf8')));
      } catch {
        // not JSON (pages, media)
      }
    }
  };
  try {
    const artist = spotify.add(fakeArtist({ name: 'Shape Artist' }));
    const ref = { name: artist.name, id: artist.id, uri: artist.uri };
    const album = spotify.add(fakeAlbum({ name: 'Shape Album', artists: [ref] }));
    const track = spotify.add(fakeTrack({ name: 'Shape Track', artists: [ref] }));
    const playlist = spotify.add(fakePlaylist({ name: 'Shape Mix' }));
    const show = spotify.add(fakeShow({ name: 'Shape Show' }));
    const episode = spotify.add(fakeEpisode({ name: 'Shape Episode' }));
    spotify.setRelatedArtists(artist.id, [artistSummaryOf(fakeArtist())]);
    spotify.setSimilarAlbums(track.id, [fakeRelease()]);
    spotify.setConcerts(artist.id, [fakeConcert({ artists: [ref] })]);
    spotify.addCredits(fakeCredits({ trackId: track.id }));
    spotify.addCanvas(fakeCanvas({ trackId: track.id }));
    spotify.addLyrics(fakeLyrics({ trackId: track.id }));
    const transcript = spotify.addTranscript(fakeTranscript({ episodeId: episode.id }));
    const user = spotify.addUser(fakeUser());
    const { RECORDER } = await import('../../src/options.js');
    const client = new AsyncSpotifyClient({
      ...spotify.clientOptions,
      cookies: FAKE_SP_DC,
      [RECORDER]: recorder,
    } as never);
    await client.getTrack(track.id);
    await client.getAlbum(album.id);
    await client.getArtist(artist.id);
    await client.getPlaylist(playlist.id);
    await client.getEpisode(episode.id);
    await client.getShow(show.id);
    await client.search('shape');
    await client.getArtistDiscography(artist.id);
    await client.getRelatedArtists(artist.id);
    await client.getSimilarAlbums(track.id);
    await client.getArtistConcerts(artist.id);
    await client.getColors(album);
    await client.getCredits(track.id);
    // spclient's credits: when the partner API has none.
    const other = spotify.add(fakeTrack());
    spotify.addCredits(fakeCredits({ trackId: other.id }));
    spotify.auth.partnerCreditsEmpty = true;
    await client.getCredits(other.id);
    await client.getCanvas(track.id);
    await client.getLyrics(track.id);
    await client.getTranscript(transcript.episodeId);
    await client.getUser(user.id);
    await client.getAccount();
    // The list operations (SPEC §11).
    await client.getTracks([track.id], { detail: 'summary' });
    await client.getEpisodes([episode.id], { detail: 'summary' });
    for await (const hit of client.iterateSearch('shape', { type: 'track' })) void hit;
    await client.close();
  } finally {
    await spotify.close();
  }
  const pairs: Array<[string, string]> = [
    ['getTrack', 'pathfinder/track.json'],
    ['getAlbum', 'pathfinder/album.json'],
    ['queryArtistOverview', 'pathfinder/artist.json'],
    ['fetchPlaylist', 'pathfinder/playlist.json'],
    ['getEpisodeOrChapter', 'pathfinder/episode.json'],
    ['queryShowMetadataV2', 'pathfinder/show.json'],
    ['queryPodcastEpisodes', 'pathfinder/show_episodes.json'],
    ['searchDesktop', 'discovery/search.json'],
    ['queryArtistDiscographyAll', 'discovery/artist_discography.json'],
    ['queryArtistRelated', 'discovery/artist_related.json'],
    ['similarAlbumsBasedOnThisTrack', 'discovery/similar_albums.json'],
    ['ArtistConcerts', 'discovery/concerts.json'],
    ['fetchExtractedColors', 'discovery/colors.json'],
    ['decorateContextTracks', 'batch/decorateContextTracks.real.2026-01-27.json'],
    ['decorateContextEpisodesOrChapters', 'batch/decorateContextEpisodesOrChapters.shape.json'],
    ['trackPreview', 'batch/trackPreview.trimmed.hosted-scraper-test.json'],
    ['searchTracks', 'discovery/search.json'],
    ['queryTrackCreditsGroupedModal', 'account/credits-grouped-shape.json'],
    ['canvas', 'account/canvas-present-stupid-song-2026-06.json'],
    [`/color-lyrics/v2/track/${''}`, 'account/lyrics-keyset-syncpower-2026-09.json'],
    ['/melody/v1/product_state', 'account/product-state-premium-scrubbed-2026-06.json'],
  ];
  const byPrefix = (prefix: string) => [...bodies].find(([key]) => key.startsWith(prefix))?.[1];
  const out = pairs.map(([key, fixture]) => ({
    fixture,
    answer: key.startsWith('/') ? byPrefix(key) : bodies.get(key),
  }));
  out.push({
    fixture: 'account/transcript-acquired-syllable-synced-2026-05.json',
    answer: byPrefix('/transcript-read-along/'),
  });
  out.push({ fixture: 'account/user-profile-spotify-2026-06.json', answer: byPrefix('/user-profile-view/') });
  out.push({ fixture: 'account/credits-spclient-stupid-song-2026-06.json', answer: byPrefix('/track-credits-view/') });
  return out;
}
