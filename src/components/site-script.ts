/**
 * The site's one script, the same file on every page: one request, cached
 * once, compressed as a whole (six small files cost half as much again).
 * Each feature starts only where its markup is: the theme toggle, search's
 * opener (search itself loads when opened), the home page's filter and the
 * save-for-offline control (each loading the rest of itself on first use),
 * the reading features (`reading.ts`), and offline support in a built site.
 */
import { initNoteFilter } from './note-filter-opener.ts';
import { startOfflineSupport } from './offline-support.ts';
import { startReading } from './reading.ts';
import { initSaveOffline } from './save-offline-opener.ts';
import { initSearch } from './search-opener.ts';
import { initThemeToggle } from './theme-toggle.ts';

initThemeToggle();
initSearch();
initNoteFilter();
initSaveOffline();
startReading();
// The dev server has no service worker to register.
if (import.meta.env.PROD) startOfflineSupport();
