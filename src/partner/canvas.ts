import type { Canvas } from '../models/canvas.js';
import { at, isRaw, text, type Raw } from '../parse/raw.js';

/** `trackUnion.canvas` of the `canvas` operation -> Canvas, or null when the track has none. */
export function readCanvas(root: Raw, trackId: string): Canvas | null {
  const canvas = at(root, 'canvas');
  if (!isRaw(canvas)) return null;
  const uri = text(canvas['uri']);
  const url = text(canvas['url']);
  if (uri === undefined || url === undefined) return null;
  return {
    trackId,
    id: uri.startsWith('spotify:canvas:') ? uri.slice('spotify:canvas:'.length) : uri,
    uri,
    url,
    kind: text(canvas['type']) ?? 'VIDEO',
    fileId: text(canvas['fileId']) ?? null,
  };
}
