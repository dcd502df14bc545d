import { randomBytes } from 'node:crypto';
import { constants, createWriteStream } from 'node:fs';
import { copyFile, link, mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { MediaError } from '../errors.js';
import { clip } from '../redact.js';

export interface WriteOptions {
  maxBytes: number;
  url: string;
  /** Bytes written before the body (an ID3 tag). */
  prefix?: Uint8Array | undefined;
  /** Rewrites the body on the way (drops the served ID3 tag). */
  transform?: Transform | undefined;
  /** Replace a file of the same name; otherwise the new file gets a free name (`name (2).ext`). */
  overwrite: boolean;
}

/**
 * Streams `body` into a hidden temp file in `dir` and, once complete, gives it its final name, so an
 * interrupted download (abort, reset, size cap) leaves nothing behind. An existing file is never
 * replaced unless `overwrite` is set: the new one takes the first free name. Returns the final path.
 */
export async function writeAtomically(
  dir: string,
  name: string,
  body: Readable,
  options: WriteOptions,
): Promise<string> {
  const tempPath = join(dir, `.${name.slice(0, 100)}.${randomBytes(6).toString('hex')}.part`);
  try {
    const out = createWriteStream(tempPath, { flags: 'wx' });
    if (options.prefix) out.write(options.prefix);
    const cap = sizeCap(options.maxBytes, options.url);
    await (options.transform ? pipeline(body, options.transform, cap, out) : pipeline(body, cap, out));
    if (options.overwrite) {
      const finalPath = join(dir, name);
      await rename(tempPath, finalPath);
      return finalPath;
    }
    return await claimFreeName(tempPath, dir, name);
  } catch (error) {
    body.destroy();
    await rm(tempPath, { force: true });
    if (!isFileSystemError(error)) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new MediaError(`Cannot write ${clip(join(dir, name))}: ${code}`, { code, cause: error });
  }
}

const MAX_NAME_ATTEMPTS = 1_000;

/** Links the finished temp file under `name`, or `name (2)`, `name (3)`…: never over an existing file. */
async function claimFreeName(tempPath: string, dir: string, name: string): Promise<string> {
  for (let n = 1; n <= MAX_NAME_ATTEMPTS; n += 1) {
    const candidate = join(dir, n === 1 ? name : numbered(name, n));
    try {
      await link(tempPath, candidate);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') continue;
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') throw error;
      // No hard links on this file system: an exclusive copy never replaces a file either.
      try {
        await copyFile(tempPath, candidate, constants.COPYFILE_EXCL);
      } catch (copyError) {
        if ((copyError as NodeJS.ErrnoException).code === 'EEXIST') continue;
        throw copyError;
      }
    }
    await rm(tempPath, { force: true });
    return candidate;
  }
  throw new MediaError(`Cannot find a free file name for ${clip(name)} in ${clip(dir)}`, { code: 'EEXIST' });
}

/** `Greatest Hits.jpg` -> `Greatest Hits (2).jpg`. */
function numbered(name: string, n: number): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? `${name.slice(0, dot)} (${n})${name.slice(dot)}` : `${name} (${n})`;
}

const MAX_DEPTH = 64;

/**
 * Creates `dir` (and missing parents) one level at a time, at most MAX_DEPTH levels, checking `signal`
 * between steps. (`mkdir -p` under a pseudo file system such as /proc can loop forever.) A path that
 * cannot be a directory is a MediaError.
 */
export async function ensureDir(dir: string, signal?: AbortSignal): Promise<void> {
  try {
    const missing: string[] = [];
    let current = resolve(dir);
    for (;;) {
      signal?.throwIfAborted();
      const kind = await stat(current).then(
        (stats) => (stats.isDirectory() ? 'dir' : 'file'),
        (error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return 'missing';
          throw error;
        },
      );
      if (kind === 'dir') break;
      if (kind === 'file')
        throw Object.assign(new Error(`${current} is not a directory`), { code: 'ENOTDIR', syscall: 'stat' });
      missing.push(current);
      if (missing.length > MAX_DEPTH)
        throw Object.assign(new Error('too many missing levels'), { code: 'ENAMETOOLONG', syscall: 'mkdir' });
      const parent = dirname(current);
      if (parent === current) break;
      current = parent;
    }
    for (const level of missing.reverse()) {
      signal?.throwIfAborted();
      await mkdir(level).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error;
      });
    }
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    const code = (error as NodeJS.ErrnoException).code;
    throw new MediaError(`Cannot use ${clip(dir)} as the download directory: ${code ?? (error as Error).message}`, {
      code,
      cause: error,
    });
  }
}

function isFileSystemError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return (
    typeof code === 'string' &&
    /^E(ACCES|PERM|NOTDIR|ISDIR|EXIST|NOSPC|ROFS|NAMETOOLONG|MFILE|NOENT)$/.test(code) &&
    (error as { syscall?: unknown }).syscall !== undefined
  );
}

function sizeCap(maxBytes: number, url: string): Transform {
  let size = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > maxBytes)
        done(new MediaError(`${clip(url)} is larger than the ${maxBytes}-byte cap`, { url, code: 'BODY_TOO_LARGE' }));
      else done(null, chunk);
    },
  });
}
