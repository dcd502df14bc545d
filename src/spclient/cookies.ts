import { readFile } from 'node:fs/promises';
import { AuthenticationError, optionError } from '../errors.js';

/** The `cookies` option: the `sp_dc` value, `{ sp_dc }`, or `{ file }` (a browser's cookies.txt, or a file holding the value). */
export type CookiesOption = string | { sp_dc: string } | { file: string };

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
    let text: string;
    try {
      text = await readFile(option.file, 'utf8');
    } catch (error) {
      throw new AuthenticationError(
        `Cannot read the cookies file ${option.file} (${(error as NodeJS.ErrnoException).code ?? 'error'}): give a cookies.txt exported from a logged-in browser, or a file holding the sp_dc value`,
      );
    }
    return checked(fromCookiesText(text, option.file), this.origin);
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
