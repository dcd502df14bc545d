import { z } from 'zod';
import { SpotifyIdSchema, type DeepReadonly } from './common.js';

/** One cue of a transcript: a chapter or speaker title, a sentence, or a fallback ("[Music]"). */
export const TranscriptCueSchema = z.object({
  startMs: z.number().int().nonnegative(),
  kind: z.enum(['title', 'sentence', 'fallback']),
  text: z.string(),
});

/** A podcast episode's transcript. */
export const TranscriptSchema = z.object({
  episodeId: SpotifyIdSchema,
  language: z.string().nullable(),
  syncType: z.string().nullable(),
  cues: z.array(TranscriptCueSchema),
});
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Transcript extends DeepReadonly<z.infer<typeof TranscriptSchema>> {}
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface TranscriptCue extends DeepReadonly<z.infer<typeof TranscriptCueSchema>> {}
