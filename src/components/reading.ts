/**
 * The reading features, started by the site's one script (`site-script.ts`):
 * one small file, not one per feature (each file costs a request and
 * compresses worse on its own). Each feature starts only if its element is on the page: chapter
 * lists and progress (`progress-client.ts`), the table of contents
 * (`toc-spy.ts`, telling progress the section being read), back to top
 * (`back-to-top.ts`), the print button (`print-page.ts`). The figure viewer
 * needs no script (`lib/figure-dialogs.ts`).
 */
import { initBackToTop } from './back-to-top.ts';
import { initPrintButton } from './print-page.ts';
import { initProgress } from './progress-client.ts';
import { spyOnSections } from './toc-spy.ts';

/** Starts the reading features that have their element on this page. */
export function startReading(): void {
  spyOnSections(initProgress());
  initBackToTop();
  initPrintButton();
}
