/**
 * The caches pages, figures and search files go to when read or saved for
 * offline reading. The service worker's routes read them and the save
 * control writes them, so both take the names from here (a module of its
 * own, so the scripts every page carries stay tiny).
 */
export const CACHE_NAMES = {
  pages: 'study-notes-pages',
  figures: 'study-notes-figures',
  search: 'study-notes-search',
  files: 'study-notes-files',
} as const;
export type CacheKind = keyof typeof CACHE_NAMES;
