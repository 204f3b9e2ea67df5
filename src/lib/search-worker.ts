/**
 * A worker thread of the search step: prepares the pages it is sent for
 * Pagefind (`search-index.ts`), one at a time, so a large site's pages are
 * parsed on every core while Pagefind indexes those already prepared.
 */
import { fullFolding } from './search-dictionary.ts';
import { prepareForIndex } from './search-index.ts';
import { serveJobs } from './worker-pool.ts';

const { fold } = fullFolding();
serveJobs((html: string) => prepareForIndex(html, fold));
