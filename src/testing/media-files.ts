/** The media files the fake serves at the URLs of what a test added: small, valid, deterministic. */

export interface MediaFile {
  contentType: string;
  body: Buffer;
}

const MEDIA_URL = /^https:\/\/[a-z0-9.-]+\.(?:scdn\.co|spotifycdn\.com)\/\S+$/i;

/** Every media URL (Spotify's media hosts) among the strings of a model, however deep. */
export function mediaUrlsOf(model: unknown, found = new Set<string>(), depth = 0): Set<string> {
  if (depth > 12) return found;
  if (typeof model === 'string') {
    if (MEDIA_URL.test(model)) found.add(model);
  } else if (Array.isArray(model)) {
    for (const item of model) mediaUrlsOf(item, found, depth + 1);
  } else if (typeof model === 'object' && model !== null) {
    for (const value of Object.values(model)) mediaUrlsOf(value, found, depth + 1);
  }
  return found;
}

/** A JPEG (a 1x1 baseline picture), an MP3 (silent MPEG-1 layer III frames) or an MP4 (`ftyp` + empty `mdat`). */
export function mediaFile(url: string): MediaFile {
  const { hostname, pathname } = new URL(url);
  const seed = Buffer.from(pathname.slice(-16).padStart(16, '/'));
  if (hostname.startsWith('canvaz.') || pathname.endsWith('.mp4')) {
    const ftyp = Buffer.concat([
      Buffer.from([0, 0, 0, 24]),
      Buffer.from('ftypmp42'),
      Buffer.alloc(4),
      Buffer.from('mp42isom'),
    ]);
    const mdat = Buffer.concat([Buffer.from([0, 0, 0, 8 + seed.length]), Buffer.from('mdat'), seed]);
    return { contentType: 'video/mp4', body: Buffer.concat([ftyp, mdat]) };
  }
  if (hostname.startsWith('p.') || pathname.includes('mp3-preview') || pathname.includes('audio')) {
    // Four frames of 128 kbit/s, 44.1 kHz, mono: 417 bytes each, all silence.
    const frame = Buffer.alloc(417);
    frame.set([0xff, 0xfb, 0x90, 0xc4]);
    return { contentType: 'audio/mpeg', body: Buffer.concat([frame, frame, frame, frame]) };
  }
  return { contentType: 'image/jpeg', body: Buffer.concat([JPEG_HEAD, seed, JPEG_TAIL]) };
}

/** SOI, a JFIF APP0 and a COM segment opener (the seed goes in the comment), then EOI. */
const JPEG_HEAD = Buffer.from('ffd8ffe000104a46494600010100000100010000fffe0012', 'hex');
const JPEG_TAIL = Buffer.from('ffd9', 'hex');
