const EXTENSIONS: Readonly<Record<string, string>> = {
  'image/jpeg': 'jpg',
  'image/jpg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'image/avif': 'avif',
  'audio/mpeg': 'mp3',
  'audio/mp3': 'mp3',
  'audio/mp4': 'm4a',
  'audio/aac': 'aac',
  'audio/ogg': 'ogg',
  'video/mp4': 'mp4',
  'video/webm': 'webm',
};

/** The file extension for a Content-Type header, or `fallback` when the type is missing or unknown. */
export function extensionFor(contentType: string | string[] | undefined, fallback: string): string {
  const value = Array.isArray(contentType) ? contentType[0] : contentType;
  const type = value?.split(';')[0]?.trim().toLowerCase();
  return (type && EXTENSIONS[type]) || fallback;
}

/** The MIME type an ID3 APIC frame should declare for an image's Content-Type. */
export function imageMime(contentType: string | string[] | undefined): string {
  const extension = extensionFor(contentType, 'jpg');
  return extension === 'jpg' ? 'image/jpeg' : `image/${extension}`;
}
