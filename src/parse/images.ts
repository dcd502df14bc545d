import type { Image } from '../models/common.js';
import { at, isRaw, list, num, text } from './raw.js';

/**
 * Reads an image list in any of the shapes Spotify uses:
 * `{url, maxWidth, maxHeight}` (visualIdentity, 2024-11 on) or `{url, width, height}` (coverArt.sources).
 */
export function readImageList(value: unknown): Image[] {
  const images: Image[] = [];
  for (const item of list(value)) {
    if (!isRaw(item)) continue;
    const url = text(item['url']);
    if (url === undefined) continue;
    images.push({
      url,
      width: size(item['maxWidth'] ?? item['width']),
      height: size(item['maxHeight'] ?? item['height']),
    });
  }
  return images;
}

function size(value: unknown): number | null {
  const n = num(value);
  return n !== undefined && Number.isInteger(n) && n >= 0 ? n : null;
}

/** The entity's own pictures: visualIdentity.image, else coverArt.sources, else images. */
export function readEntityImages(entity: unknown): Image[] {
  for (const candidate of [at(entity, 'visualIdentity', 'image'), at(entity, 'coverArt', 'sources')]) {
    const images = readImageList(candidate);
    if (images.length > 0) return images;
  }
  return readImageList(at(entity, 'images'));
}
