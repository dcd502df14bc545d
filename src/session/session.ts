import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { InvalidInputError } from '../errors.js';

/** The file a saved session lives in, inside the config folder. */
export const SESSION_FILE = 'session.json';

/** The most a session file may hold (it is a few hundred bytes). */
const MAX_SESSION_BYTES = 64 * 1024;

/** Where a saved session is looked for, and what it holds. */
export interface SessionOptions {
  /** The config folder. @default $SPOTIFY_SCRAPER_CONFIG_DIR, else $XDG_CONFIG_HOME/spotify-scraper, else ~/.config/spotify-scraper */
  dir?: string | undefined;
  /** The environment the folder is read from. @default process.env */
  env?: NodeJS.ProcessEnv | undefined;
}

/** What `login` saved besides the cookie: the account it belongs to, as it was then. */
export interface SessionAccount {
  product: string;
  country: string | null;
}

/**
 * A saved session (`spotify-scraper login`): the account cookie and what it was checked against. The
 * cookie is never shown (`util.inspect`, `JSON.stringify` and `String` give `[redacted]`); pass
 * `session.cookies` to a client: `new AsyncSpotifyClient({ cookies: session.cookies })`.
 */
export class Session {
  readonly #cookie: string;
  /** Where it was read from. */
  readonly path: string;
  readonly savedAt: string;
  readonly account: SessionAccount | null;

  constructor(cookie: string, path: string, savedAt: string, account: SessionAccount | null) {
    this.#cookie = cookie;
    this.path = path;
    this.savedAt = savedAt;
    this.account = account;
  }

  /** The `sp_dc` value, for the client's `cookies` option. */
  get cookies(): string {
    return this.#cookie;
  }

  toJSON(): Record<string, unknown> {
    return { path: this.path, savedAt: this.savedAt, account: this.account, cookies: '[redacted]' };
  }

  toString(): string {
    return `Session(${this.path})`;
  }

  [inspect.custom](): string {
    return `Session ${inspect(this.toJSON())}`;
  }
}

/** The config folder a session is saved in, by the rules of `SessionOptions.dir`. */
export function configDir(options: SessionOptions = {}): string {
  if (options.dir !== undefined) return options.dir;
  const env = options.env ?? process.env;
  const own = env['SPOTIFY_SCRAPER_CONFIG_DIR']?.trim();
  if (own) return own;
  const xdg = env['XDG_CONFIG_HOME']?.trim();
  return join(xdg ? xdg : join(homedir(), '.config'), 'spotify-scraper');
}

/**
 * The saved session, or null when none is saved. A session file that others may read (any group or
 * other permission bit) is refused with an InvalidInputError saying how to fix it; so is one that is
 * not a session. Reads only the file of the config folder: a client never reads a file by itself.
 */
export async function loadSession(options: SessionOptions = {}): Promise<Session | null> {
  const path = join(configDir(options), SESSION_FILE);
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new InvalidInputError(`Cannot read the session file ${path}: ${(error as NodeJS.ErrnoException).code}`);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile() || info.size > MAX_SESSION_BYTES)
      throw new InvalidInputError(`${path} is not a session file: delete it (spotify-scraper logout) and log in again`);
    if (process.platform !== 'win32' && (info.mode & 0o077) !== 0)
      throw new InvalidInputError(
        `The session file ${path} can be read by others (mode ${(info.mode & 0o777).toString(8)}): run chmod 600 "${path}", or log in again`,
      );
    const text = await handle.readFile('utf8');
    const saved = parse(text);
    if (!saved)
      throw new InvalidInputError(`${path} is not a session file: delete it (spotify-scraper logout) and log in again`);
    return new Session(saved.cookie, path, saved.savedAt, saved.account);
  } finally {
    await handle.close();
  }
}

function parse(text: string): { cookie: string; savedAt: string; account: SessionAccount | null } | undefined {
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    const cookie = value['sp_dc'];
    if (typeof cookie !== 'string' || cookie.trim() === '') return undefined;
    const account = value['account'] as Partial<SessionAccount> | null | undefined;
    return {
      cookie: cookie.trim(),
      savedAt: typeof value['savedAt'] === 'string' ? value['savedAt'] : '',
      account:
        account && typeof account.product === 'string'
          ? { product: account.product, country: typeof account.country === 'string' ? account.country : null }
          : null,
    };
  } catch {
    return undefined;
  }
}

/**
 * Saves a session: the folder made 0700, the file written beside its final name with mode 0600 and
 * renamed over it (never a half-written or readable file). Returns its path.
 */
export async function saveSession(
  cookie: string,
  account: SessionAccount | null,
  options: SessionOptions = {},
): Promise<string> {
  const dir = configDir(options);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
  const path = join(dir, SESSION_FILE);
  const temp = join(dir, `.${SESSION_FILE}.${randomBytes(6).toString('hex')}.part`);
  try {
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(
        `${JSON.stringify({ sp_dc: cookie, savedAt: new Date().toISOString(), account }, null, 2)}\n`,
      );
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw new InvalidInputError(`Cannot save the session in ${dir}: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
  return path;
}

/** Deletes the saved session; resolves to whether there was one. */
export async function deleteSession(options: SessionOptions = {}): Promise<boolean> {
  const path = join(configDir(options), SESSION_FILE);
  try {
    await stat(path);
  } catch {
    return false;
  }
  await rm(path, { force: true });
  return true;
}
