export {
  FakeSpotify,
  startFakeSpotify,
  type FakeAnswer,
  type FakeRequest,
  type FakeSpotifyOptions,
} from './fake-spotify.js';
export { FakeAuth, FAKE_SP_DC, type ServerTimeMode } from './fake-auth.js';
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
