import { resolve } from 'node:path';
import type { Transform } from 'node:stream';
import { InvalidInputError, MediaError, optionError } from '../errors.js';
import { isSpotifyMediaUrl } from '../http/hosts.js';
import type { HttpClient } from '../http/http-client.js';
import { MEDIA_STATUS } from '../http/response-errors.js';
import { readCapped } from '../http/transport.js';
import type { Image } from '../models/common.js';
import type { EntityByType, EntityType } from '../models/entities.js';
import { ensureDir, writeAtomically } from './atomic-file.js';
import { extensionOf, safeFilename, userFilename } from './filename.js';
import { buildId3Tag, stripLeadingId3, type TagFields } from './id3.js';
import { chooseImage, coverImagesOf, type CoverSize } from './images.js';
import { extensionFor, imageMime } from './media-type.js';
import { quote } from '../redact.js';
import { withArticle } from '../words.js';

/** Anything with pictures: every model the getters return. */
export type EntityWithImages = EntityByType[EntityType];
/** What has a preview: the models with a `previewUrl` (tracks and episodes). */
export type EntityWithPreview = Extract<EntityWithImages, { previewUrl: string | null }>;

/** Options of `downloadCover`. Downloads are never cached, so they take no `fresh`. */
export interface DownloadCoverOptions {
  /** Aborts the download: it then rejects with `signal.reason` and leaves no file. */
  signal?: AbortSignal | undefined;
  /** `'largest'` or `'smallest'` picture, by pixel area. @default 'largest' */
  size?: CoverSize | undefined;
  /** File name; reduced to its base name and made safe. The extension comes from Content-Type when it has none. */
  filename?: string | undefined;
  /** Replace a file of the same name. Otherwise the download takes a free name (`name (2).jpg`). @default false */
  overwrite?: boolean | undefined;
}

/** Options of `downloadPreview`. */
export interface DownloadPreviewOptions {
  /** Aborts the download: it then rejects with `signal.reason` and leaves no file. */
  signal?: AbortSignal | undefined;
  /** File name; reduced to its base name and made safe. @default from the entity name */
  filename?: string | undefined;
  /** Write an ID3v2 tag: title, artist (or show name), largest cover as front cover. @default false */
  embedCover?: boolean | undefined;
  /** Replace a file of the same name. Otherwise the download takes a free name (`name (2).mp3`). @default false */
  overwrite?: boolean | undefined;
}

export interface DownloadContext {
  http: HttpClient;
  maxBytes: number;
}

const MAX_COVER_FOR_TAG = 20_000_000;

export async function downloadCover(
  context: DownloadContext,
  entity: EntityWithImages,
  dest: string,
  options: DownloadCoverOptions = {},
): Promise<string> {
  checkEntity(entity);
  const dir = checkDest(dest);
  const size = options.size ?? 'largest';
  if (size !== 'largest' && size !== 'smallest')
    throw optionError('size', `must be 'largest' or 'smallest', got ${quote(size, 40)}`, '');
  const image = chooseImage(coverImagesOf(entity), size);
  if (!image) throw new MediaError(`The ${entity.type} ${quote(entity.id, 40)} has no cover image`);
  const url = mediaUrl(image.url, entity);
  await ensureDir(dir, options.signal);
  return saveMedia(context, url, dir, options, {
    accept: 'image/avif,image/webp,image/png,image/jpeg,image/*;q=0.8',
    name: (contentType) => fileName(entity, options.filename, extensionFor(contentType, 'jpg')),
  });
}

export async function downloadPreview(
  context: DownloadContext,
  entity: EntityWithPreview,
  dest: string,
  options: DownloadPreviewOptions = {},
): Promise<string> {
  checkEntity(entity);
  const dir = checkDest(dest);
  if (entity.type !== 'track' && entity.type !== 'episode') {
    const type = (entity as { type: unknown }).type;
    const named = typeof type === 'string' && /^[a-z]{1,20}$/.test(type) ? withArticle(type) : quote(type, 40);
    throw new InvalidInputError(`Only tracks and episodes have previews, got ${named}`);
  }
  if (!entity.previewUrl) throw new MediaError(`The ${entity.type} ${quote(entity.id, 40)} has no preview`);
  const url = mediaUrl(entity.previewUrl, entity);
  await ensureDir(dir, options.signal);
  const tag = options.embedCover ? buildId3Tag(await tagFields(context, entity, options.signal)) : undefined;
  return saveMedia(context, url, dir, options, {
    accept: 'audio/mpeg,audio/*;q=0.8',
    name: (contentType) => fileName(entity, options.filename, extensionFor(contentType, 'mp3')),
    // A fresh transform per attempt: a retry starts the file over.
    tagging: tag ? () => ({ prefix: tag, transform: stripLeadingId3() }) : undefined,
  });
}

/** Options of `downloadCanvas`. */
export interface DownloadCanvasOptions {
  /** Aborts the download: it then rejects with `signal.reason` and leaves no file. */
  signal?: AbortSignal | undefined;
  /** File name; reduced to its base name and made safe. @default `canvas-<track id>.mp4` */
  filename?: string | undefined;
  /** Replace a file of the same name. Otherwise the download takes a free name. @default false */
  overwrite?: boolean | undefined;
}

/** A track's Canvas (the looping video) into `dest`, like the other downloads: atomic, Spotify's hosts only. */
export async function downloadCanvas(
  context: DownloadContext,
  canvas: { trackId: string; url: string },
  dest: string,
  options: DownloadCanvasOptions = {},
): Promise<string> {
  if (
    typeof canvas !== 'object' ||
    canvas === null ||
    typeof canvas.url !== 'string' ||
    typeof canvas.trackId !== 'string'
  )
    throw new InvalidInputError('Expected a Canvas returned by getCanvas');
  const dir = checkDest(dest);
  const url = mediaUrl(canvas.url, { type: 'canvas', id: canvas.trackId });
  await ensureDir(dir, options.signal);
  return saveMedia(context, url, dir, options, {
    accept: 'video/mp4,video/*;q=0.8',
    name: (contentType) =>
      fileName(
        { name: `canvas-${canvas.trackId}`, type: 'canvas', id: canvas.trackId },
        options.filename,
        extensionFor(contentType, 'mp4'),
      ),
  });
}

interface SaveOptions {
  accept: string;
  name: (contentType: string | string[] | undefined) => string;
  tagging?: (() => { prefix: Uint8Array; transform: Transform }) | undefined;
}

/** GETs a media URL (Spotify hosts only, redirects too) into `dir` through an atomic write. */
function saveMedia(
  context: DownloadContext,
  url: URL,
  dir: string,
  options: { signal?: AbortSignal | undefined; overwrite?: boolean | undefined },
  save: SaveOptions,
): Promise<string> {
  const overwrite = options.overwrite ?? false;
  if (typeof overwrite !== 'boolean') throw optionError('overwrite', 'must be true or false', '');
  return context.http.get(url.href, {
    signal: options.signal,
    headers: { accept: save.accept },
    allowRedirect: isSpotifyMediaUrl,
    statusMap: MEDIA_STATUS,
    // The caller's own headers are for Spotify's pages and APIs, not its media hosts.
    userHeaders: false,
    consume: (response) =>
      writeAtomically(dir, save.name(response.headers['content-type']), response.body, {
        maxBytes: context.maxBytes,
        url: url.href,
        overwrite,
        ...save.tagging?.(),
      }),
  });
}

async function tagFields(
  context: DownloadContext,
  entity: EntityWithPreview,
  signal: AbortSignal | undefined,
): Promise<TagFields> {
  const artist = entity.type === 'track' ? entity.artists.map((a) => a.name).join(', ') : (entity.show?.name ?? '');
  const image = chooseImage(coverImagesOf(entity), 'largest');
  return { title: entity.name, artist, cover: image ? await fetchImage(context, image, entity, signal) : undefined };
}

async function fetchImage(
  context: DownloadContext,
  image: Image,
  entity: EntityWithPreview,
  signal: AbortSignal | undefined,
) {
  const url = mediaUrl(image.url, entity);
  return context.http.get(url.href, {
    signal,
    allowRedirect: isSpotifyMediaUrl,
    statusMap: MEDIA_STATUS,
    // The caller's own headers are for Spotify's pages and APIs, not its media hosts.
    userHeaders: false,
    consume: async (response) => ({
      data: new Uint8Array(await readCapped(response.body, Math.min(context.maxBytes, MAX_COVER_FOR_TAG), url.href)),
      mime: imageMime(response.headers['content-type']),
    }),
  });
}

/** Only https URLs on Spotify's media hosts: a tampered page cannot point the client anywhere else. */
function mediaUrl(value: string, entity: { type: string; id: string }): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new MediaError(`The ${quote(entity.type, 40)} ${quote(entity.id, 40)} has a malformed media URL`);
  }
  if (!isSpotifyMediaUrl(url)) {
    throw new MediaError(
      `Refusing to download from ${quote(`${url.protocol}//${url.host}`, 100)}: not an https URL on a Spotify media host`,
      {
        url: url.href,
      },
    );
  }
  return url;
}

function fileName(
  entity: { name: string; type: string; id: string },
  requested: string | undefined,
  extension: string,
): string {
  const fallback = `${entity.type}-${entity.id}`;
  if (requested !== undefined) {
    const name = userFilename(requested, fallback);
    return extensionOf(name) ? name : `${name}.${extension}`;
  }
  return `${safeFilename(entity.name, fallback)}.${extension}`;
}

function checkDest(dest: unknown): string {
  if (typeof dest !== 'string' || dest.trim() === '') throw new InvalidInputError('dest must be a directory path');
  return resolve(dest);
}

function checkEntity(entity: unknown): void {
  const value = entity as { type?: unknown; id?: unknown; images?: unknown } | null;
  if (
    typeof value !== 'object' ||
    value === null ||
    typeof value.type !== 'string' ||
    typeof value.id !== 'string' ||
    !Array.isArray(value.images)
  ) {
    throw new InvalidInputError(
      'Expected an entity returned by one of the getters (track, album, artist, playlist, episode or show)',
    );
  }
}
