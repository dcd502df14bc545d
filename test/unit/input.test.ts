import { describe, expect, it } from 'vitest';
import { InvalidInputError, parseSpotifyUrl } from '../../src/index.js';

const ID = '4uLU6hMCjMI75M1A2tKUQC';

describe('parseSpotifyUrl accepts', () => {
  it.each([
    [`spotify:track:${ID}`, 'track'],
    [`spotify:album:${ID}`, 'album'],
    [`https://open.spotify.com/track/${ID}`, 'track'],
    [`http://open.spotify.com/artist/${ID}`, 'artist'],
    [`open.spotify.com/playlist/${ID}`, 'playlist'],
    [`https://open.spotify.com/intl-de/track/${ID}`, 'track'],
    [`https://open.spotify.com/intl-pt-br/album/${ID}`, 'album'],
    [`https://open.spotify.com/embed/episode/${ID}`, 'episode'],
    [`https://open.spotify.com/embed/show/${ID}?utm_source=generator`, 'show'],
    [`https://open.spotify.com/track/${ID}?si=abc123def`, 'track'],
    [`https://open.spotify.com/track/${ID}#frag`, 'track'],
    [`https://open.spotify.com/track/${ID}/`, 'track'],
    [`  https://open.spotify.com/track/${ID}\n`, 'track'],
    [`HTTPS://OPEN.SPOTIFY.COM/track/${ID}`, 'track'],
    [`https://play.spotify.com/album/${ID}`, 'album'],
    [`https://open.spotify.com/intl-fr/embed/track/${ID}?si=x#y`, 'track'],
  ])('%s', (value, type) => {
    expect(parseSpotifyUrl(value)).toEqual({ type, id: ID });
  });

  it('gives a bare id no type, or the expected one', () => {
    expect(parseSpotifyUrl(ID)).toEqual({ type: null, id: ID });
    expect(parseSpotifyUrl(` ${ID} `, 'album')).toEqual({ type: 'album', id: ID });
  });
});

describe('parseSpotifyUrl rejects with InvalidInputError', () => {
  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    [ID.slice(0, 21), '21 characters'],
    [`${ID}X`, '23 characters'],
    [`spotify:track:${ID.slice(0, 21)}`, '21 characters'],
    [`spotify:user:someone:playlist:${ID}`, 'user and legacy'],
    ['spotify:user:someone', 'not one of'],
    [`spotify:podcast:${ID}`, 'not one of'],
    [`https://open.spotify.com/user/someone`, 'not one of'],
    [`https://open.spotify.com/user/someone/playlist/${ID}`, '/TYPE/ID'],
    [`https://example.com/track/${ID}`, 'example.com'],
    [`https://open.spotify.com.evil.com/track/${ID}`, 'not open.spotify.com'],
    [`https://youtube.com/watch?v=${ID}`, 'youtube.com'],
    [`ftp://open.spotify.com/track/${ID}`, 'http(s)'],
    [`https://open.spotify.com/track/${ID}/extra`, '/TYPE/ID'],
    [`https://open.spotify.com/${ID}`, '/TYPE/ID'],
    ['not a url at all', 'not an id'],
    [`https://spotify.link/abcdef`, 'short links'],
  ])('%s', (value, why) => {
    expect(() => parseSpotifyUrl(value)).toThrow(InvalidInputError);
    expect(() => parseSpotifyUrl(value)).toThrow(why);
  });

  it('rejects a value of another type than expected, naming both', () => {
    expect(() => parseSpotifyUrl(`https://open.spotify.com/album/${ID}`, 'track')).toThrow(
      /Expected a track, got an album/,
    );
  });

  it('rejects what is not a string', () => {
    expect(() => parseSpotifyUrl(42)).toThrow(InvalidInputError);
    expect(() => parseSpotifyUrl(null)).toThrow(InvalidInputError);
  });
});
