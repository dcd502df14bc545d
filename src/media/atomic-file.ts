import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { MediaError } from '../errors.js';

/**
 * Streams `body` into a hidden temp file in `dir` and renames it to `name` once complete, so an
 * interrupted download (abort, reset, size cap) leaves nothing behind. `prefix` bytes go first
 * (an ID3 tag); `transform` rewrites the body on the way. `dir` is created when missing. Returns the final path.
 */
export async function writeAtomically(
  dir: string,
  name: string,
  body: Readable,
  options: { maxBytes: number; url: string; prefix?: Uint8Array; transform?: Transform },
): Promise<string> {
  await ensureDir(dir);
  const finalPath = join(dir, name);
  const tempPath = join(dir, `.${name.slice(0, 100)}.${randomBytes(6).toString('hex')}.part`);
  try {
    const out = createWriteStream(tempPath, { flags: 'wx' });
    if (options.prefix) out.write(options.prefix);
    const cap = sizeCap(options.maxBytes, options.url);
    await (options.transform ? pipeline(body, options.transform, cap, out) : pipeline(body, cap, out));
    await rename(tempPath, finalPath);
    return finalPath;
  } catch (error) {
    body.destroy();
    await rm(tempPath, { force: true });
    throw isFileSystemError(error) ? new MediaError(`Cannot write ${finalPath}: ${(error as NodeJS.ErrnoException).code}`, { code: (error as NodeJS.ErrnoException).code, cause: error }) : error;
  }
}

/** Creates `dir` (and parents) when missing; a path that cannot be a directory is a MediaError. */
export async function ensureDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw new MediaError(`Cannot use ${dir} as the download directory: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, {
      code: (error as NodeJS.ErrnoException).code,
      cause: error,
    });
  }
}

function isFileSystemError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && /^E(ACCES|PERM|NOTDIR|ISDIR|EXIST|NOSPC|ROFS|NAMETOOLONG|MFILE|NOENT)$/.test(code) && (error as { syscall?: unknown }).syscall !== undefined;
}

function sizeCap(maxBytes: number, url: string): Transform {
  let size = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > maxBytes) done(new MediaError(`${url} is larger than the ${maxBytes}-byte cap`, { url, code: 'BODY_TOO_LARGE' }));
      else done(null, chunk);
    },
  });
}
