export { FakeSpotify, startFakeSpotify, type FakeRequest, type FakeSpotifyOptions } from './fake-spotify.js';
export type { FakeAnswer } from './fake-answer.js';
export type { FakeFault, FakeFaultScope } from './fake-faults.js';
export { CATALOGUE, addCatalogue } from './catalogue.js';
export { FakeAuth, FAKE_SP_DC, type ServerTimeMode, type TokenAnswer } from './fake-auth.js';
export {
  artistSummaryOf,
  fakeArtistSummary,
  fakeColors,
  fakeConcert,
  fakeRelease,
  playlistSummaryOf,
  releaseOf,
  showSummaryOf,
} from './summaries.js';
export { fakeAccount, fakeCanvas, fakeCredits, fakeLyrics, fakeTranscript, fakeUser } from './account-factories.js';
export { FakeWebPlayer, fakeHash, type FakeWebPlayerSettings } from './fake-web-player.js';
export {
  fakeAlbum,
  fakeArtist,
  fakeArtistRef,
  fakeEpisode,
  fakeId,
  fakeImages,
  fakePlaylist,
  fakeShow,
  fakeTrack,
  type FakeOverrides,
} from './factories.js';
export { INTENDED_HOST_HEADER, routeInterceptor, routeTo } from './route.js';
export { FAKE_TOKEN, embedPage, notFoundPage } from './embed-pages.js';
export { partnerAnswer } from './partner-answers.js';
