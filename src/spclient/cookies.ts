import { open } from 'node:fs/promises';
import { AuthenticationError, optionError } from '../errors.js';

/** The `cookies` option: the `sp_dc` value, `{ sp_dc }`, or `{ file }` (a browser's cookies.txt, or a file holding the value). */
export type CookiesOption = string | { sp_dc: string } | { file: string };

/** A cookies.txt of a browser is a few kilobytes; a file larger than this is not one (and is not read). */
export const MAX_COOKIES_FILE_BYTES = 1024 * 1024;

/** A cookie value: printable, no separator (`;`, `,`, space) that would end it in a Cookie header. */
const VALUE = /^[\x21-\x2b\x2d-\x3a\x3c-\x7e]{1,4096}$/;

/**
 * Where the `sp_dc` cookie comes from, read lazily (a file at the first account call) and kept. Never
 * printed: no message of this module quotes the value.
 */
export class CookieSource {
  readonly #option: CookiesOption;
  #value: Promise<string> | undefined;

  constructor(option: CookiesOption) {
    this.#option = option;
  }

  /** Where it comes from, for messages: `the cookies option` or `the file <path>`. */
  get origin(): string {
    return typeof this.#option === 'object' && 'file' in this.#option
      ? `the file ${this.#option.file}`
      : 'the cookies option';
  }

  value(): Promise<string> {
    this.#value ??= this.#read();
    // A file that failed is tried again at the next call (the user may fix it).
    this.#value.catch(() => (this.#value = undefined));
    return this.#value;
  }

  async #read(): Promise<string> {
    const option = this.#option;
    if (typeof option === 'string') return checked(option, this.origin);
    if ('sp_dc' in option) return checked(option.sp_dc, this.origin);
    return checked(fromCookiesText(await readCookiesFile(option.file), option.file), this.origin);
  }
}

/**
 * The text of a cookies file: a regular file of at most MAX_COOKIES_FILE_BYTES, checked on the open
 * handle before a byte is read (a device such as /dev/zero, a FIFO or a huge file is refused at once).
 */
export async function readCookiesFile(file: string): Promise<string> {
  const refuse = (why: string) =>
    new AuthenticationError(
      `Cannot read the cookies file ${file} (${why}): give a cookies.txt exported from a logged-in browser, or a file holding the sp_dc value`,
    );
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(file, 'r');
    const stat = await handle.stat();
    if (!stat.isFile()) throw refuse('not a regular file');
    if (stat.size > MAX_COOKIES_FILE_BYTES) throw refuse(`${stat.size} bytes, more than a cookies file holds`);
    const buffer = Buffer.alloc(Math.min(stat.size, MAX_COOKIES_FILE_BYTES) + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    if (bytesRead > MAX_COOKIES_FILE_BYTES) throw refuse('it grew past the size a cookies file has');
    return buffer.subarray(0, bytesRead).toString('utf8');
  } catch (error) {
    if (error instanceof AuthenticationError) throw error;
    throw refuse((error as NodeJS.ErrnoException).code ?? 'error');
  } finally {
    await handle?.close();
  }
}

/** `sp_dc` from a Netscape cookies.txt (tab-separated, name in field 6, `#HttpOnly_` lines allowed), or the file's one value. */
export function fromCookiesText(text: string, file: string): string {
  const lines = text.split(/\r?\n/).map((line) => line.trim());
  for (const raw of lines) {
    const line = raw.startsWith('#HttpOnly_') ? raw.slice('#HttpOnly_'.length) : raw;
    if (line === '' || line.startsWith('#')) continue;
    const fields = line.split('\t');
    if (fields.length >= 7 && fields[5] === 'sp_dc') return fields[6] as string;
  }
  const content = lines.filter((line) => line !== '' && !line.startsWith('#'));
  if (content.length === 1 && !content[0]?.includes('\t')) return (content[0] as string).replace(/^sp_dc=/, '');
  throw new AuthenticationError(
    `The cookies file ${file} has no sp_dc cookie for spotify.com: export cookies.txt from a browser logged in to open.spotify.com, or put the sp_dc value alone in the file`,
  );
}

function checked(value: unknown, origin: string): string {
  const text = typeof value === 'string' ? value.trim() : '';
  // Never quoted: this is the credential.
  if (!VALUE.test(text))
    throw new AuthenticationError(
      `The sp_dc cookie from ${origin} is not a cookie value (empty, or with spaces or separators)`,
    );
  return text;
}

/** Checks the option's form at construction (its value is read at the first account call). */
export function resolveCookies(value: unknown): CookieSource | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return new CookieSource(value);
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === 'sp_dc' && typeof (value as { sp_dc: unknown }).sp_dc === 'string')
      return new CookieSource(value as { sp_dc: string });
    if (keys.length === 1 && keys[0] === 'file' && typeof (value as { file: unknown }).file === 'string')
      return new CookieSource(value as { file: string });
  }
  throw optionError('cookies', "must be the sp_dc value, { sp_dc } or { file: 'cookies.txt' }");
}
