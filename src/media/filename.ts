import { posix, win32 } from 'node:path';

const MAX_BYTES = 150;
// Control characters are what this strips: the rule against them in regexes does not apply here.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
// Bidi marks, overrides and isolates can disguise an extension (`cover\u202Egpj.exe`); zero-width and
// other invisible characters (soft hyphen, fillers, tag characters, line separators) hide text.
// Combining and joining characters are listed one by one on purpose, each to be removed on its own.
const INVISIBLE =
  // eslint-disable-next-line no-misleading-character-class
  /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\u{e0000}-\u{e007f}]/gu;
const RESERVED = /[<>:"/\\|?*]/g;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$|clock\$)(\..*)?$/i;

/**
 * Turns any text into a safe file name: no path separators, control, invisible or reserved
 * characters, no leading or trailing dots and spaces (so never `.` or `..`), Windows device names
 * prefixed, at most 150 UTF-8 bytes (cut between characters). Empty results become `fallback`.
 */
export function safeFilename(text: string, fallback: string): string {
  let name = text
    .normalize('NFC')
    .replace(CONTROL, '')
    .replace(INVISIBLE, '')
    .replace(RESERVED, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  name = truncateBytes(name, MAX_BYTES).replace(/[\s.]+$/g, '');
  if (name === '') return fallback === text ? 'download' : safeFilename(fallback, 'download');
  return WINDOWS_DEVICE.test(name) ? `_${name}` : name;
}

/** A caller's `filename` reduced to its base name (either separator), then made safe. */
export function userFilename(filename: string, fallback: string): string {
  const base = win32.basename(posix.basename(filename.replace(CONTROL, '')));
  return safeFilename(base, fallback);
}

function truncateBytes(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  let out = '';
  let bytes = 0;
  for (const character of text) {
    const size = Buffer.byteLength(character);
    if (bytes + size > maxBytes) break;
    out += character;
    bytes += size;
  }
  return out;
}

/** Splits `name.ext` when the extension is a plausible one (1-5 letters or digits). */
export function extensionOf(name: string): string | undefined {
  return /\.([a-z0-9]{1,5})$/i.exec(name)?.[1]?.toLowerCase();
}
