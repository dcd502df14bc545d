/** What `search` can look for (a module of its own: the command line's help reads it without zod). */
export const SEARCH_TYPES = ['track', 'album', 'artist', 'playlist', 'show', 'episode'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];
