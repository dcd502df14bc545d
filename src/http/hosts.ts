/** Spotify's own hosts: the only ones the client follows redirects to or downloads from. */
const SPOTIFY_SUFFIXES = ['.spotify.com', '.scdn.co', '.spotifycdn.com'];
const SPOTIFY_EXACT = new Set(['spotify.com', 'spotify.link', 'spotify.app.link']);

export function isSpotifyHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return SPOTIFY_EXACT.has(host) || SPOTIFY_SUFFIXES.some((suffix) => host.endsWith(suffix));
}

/** A URL the client may fetch media from: https on a Spotify host, on the default port, without credentials. */
export function isSpotifyMediaUrl(url: URL): boolean {
  return (
    url.protocol === 'https:' &&
    url.port === '' &&
    isSpotifyHost(url.hostname) &&
    url.username === '' &&
    url.password === ''
  );
}
