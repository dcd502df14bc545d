import { z } from 'zod';
import type { DeepReadonly } from './common.js';

const Hex = z.string().regex(/^#[0-9A-F]{6}$/);

/** The colours Spotify extracts from a picture, as `#RRGGBB`; `isFallback` when it could not extract any. */
export const ColorsSchema = z.object({
  raw: Hex,
  dark: Hex,
  light: Hex,
  isFallback: z.boolean(),
});
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Colors extends DeepReadonly<z.infer<typeof ColorsSchema>> {}
