import type { Lyrics } from '../models/lyrics.js';

/** What `toLrc` writes in the header: `[ti:]`, `[ar:]`, `[al:]`. */
export interface LrcMeta {
  title?: string | undefined;
  artist?: string | undefined;
  album?: string | undefined;
}

/** `[mm:ss.xx]` of a time in ms (minutes past 99 keep counting). */
function stamp(ms: number): string {
  const hundredths = Math.floor(ms / 10);
  const minutes = Math.floor(hundredths / 6000);
  const seconds = Math.floor((hundredths % 6000) / 100);
  return `[${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}.${String(hundredths % 100).padStart(2, '0')}]`;
}

/** A header value on one line: no brackets or line breaks that would end the tag. */
const tag = (name: string, value: string | undefined): string[] =>
  value === undefined || value.trim() === ''
    ? []
    : [
        `[${name}:${value
          .replace(/[\r\n[\]]+/g, ' ')
          .replace(/\s+/g, ' ')
          .trim()}]`,
      ];

/**
 * Lyrics as LRC: `[mm:ss.xx]text` per synced line (a line without a start, in unsynced lyrics, is
 * written without one), after `[ti:]`, `[ar:]` and `[al:]` from `meta`.
 */
export function toLrc(lyrics: Lyrics, meta: LrcMeta = {}): string {
  const header = [...tag('ti', meta.title), ...tag('ar', meta.artist), ...tag('al', meta.album)];
  const lines = lyrics.lines.map(
    (line) => `${line.startMs === null ? '' : stamp(line.startMs)}${line.text.replace(/[\r\n]+/g, ' ')}`,
  );
  return `${[...header, ...lines].join('\n')}\n`;
}
