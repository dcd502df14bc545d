/** The ids the offline demo's recordings answer for. */
export const DEMO = {
  track: '1oCa1h0stTrackDemo0001',
  album: '1oCa1h0stA1bumDemo0001',
  artist: '1oCa1h0stArtistDemo001',
  playlist: '1oCa1h0stP1ay1istDemo1',
  episode: '1oCa1h0stEpisodeDemo01',
  show: '1oCa1h0stShowDemo00001',
} as const;
