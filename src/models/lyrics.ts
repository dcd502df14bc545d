import { z } from 'zod';
import { SpotifyIdSchema, type DeepReadonly } from './common.js';

const Hex = z.string().regex(/^#[0-9A-F]{6}$/);

/** One line of lyrics: when it starts and ends (ms; null where Spotify does not say) and its words. */
export const LyricsLineSchema = z.object({
  startMs: z.number().int().nonnegative().nullable(),
  endMs: z.number().int().nonnegative().nullable(),
  text: z.string(),
});

/**
 * A track's lyrics (SPEC §10). `syncType` is Spotify's: 'LINE_SYNCED', 'SYLLABLE_SYNCED', 'UNSYNCED'
 * or a value it adds later (kept as given). `preview` is true for the short, unsynced preview a free
 * account gets.
 */
export const LyricsSchema = z.object({
  trackId: SpotifyIdSchema,
  syncType: z.string().min(1),
  lines: z.array(LyricsLineSchema),
  provider: z.string().nullable(),
  providerName: z.string().nullable(),
  language: z.string().nullable(),
  rtl: z.boolean(),
  preview: z.boolean(),
  colors: z.object({ background: Hex, text: Hex, highlight: Hex }).nullable(),
});
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Lyrics extends DeepReadonly<z.infer<typeof LyricsSchema>> {}
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface LyricsLine extends DeepReadonly<z.infer<typeof LyricsLineSchema>> {}
