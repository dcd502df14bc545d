import type { Image } from '../models/common.js';

export type CoverSize = 'largest' | 'smallest';

/** Picks by pixel area; images of unknown size rank below every sized one. */
export function chooseImage(images: readonly Image[], size: CoverSize): Image | undefined {
  const area = (image: Image) => (image.width ?? 0) * (image.height ?? 0);
  let best: Image | undefined;
  for (const image of images) {
    if (!best) best = image;
    else if (
      size === 'largest' ? area(image) > area(best) : area(image) > 0 && (area(best) === 0 || area(image) < area(best))
    )
      best = image;
  }
  return best;
}

/** An entity's own images, else those of the album (track) or show (episode) it belongs to. */
export function coverImagesOf(entity: {
  images: readonly Image[];
  album?: { images: readonly Image[] } | null;
  show?: { images: readonly Image[] } | null;
}): readonly Image[] {
  if (entity.images.length > 0) return entity.images;
  return entity.album?.images ?? entity.show?.images ?? [];
}
