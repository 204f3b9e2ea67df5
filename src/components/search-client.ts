/**
 * Search, loaded when the reader first opens it: Pagefind's default UI and
 * the traditional→simplified converter, with queries folded and results
 * tidied by the same code the index was built with (`lib/search-text.ts`).
 * Pagefind's files are not bundled: they are the index's own.
 */
import { foldQuery, queryPhrases, refineResult, SEARCH_RANKING, type ShownResult } from '../lib/search-text.ts';
import { HIGHLIGHT_PARAM, PAGEFIND_BUNDLE } from './search-paths.ts';

interface PagefindUIOptions {
  element: string;
  bundlePath: string;
  showSubResults: boolean;
  showImages: boolean;
  excerptLength: number;
  resetStyles: boolean;
  autofocus: boolean;
  ranking?: Record<string, number>;
  processTerm: (term: string) => string;
  processResult: (result: ShownResult) => ShownResult;
}

declare global {
  interface Window {
    PagefindUI?: new (options: PagefindUIOptions) => unknown;
  }
}

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.append(script);
  });
}

function loadStylesheet(href: string): void {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  document.head.append(link);
}

/** Loads Pagefind's UI and the converter, then mounts the UI at `selector`. */
export async function mountSearch(selector: string): Promise<void> {
  loadStylesheet(`${PAGEFIND_BUNDLE}pagefind-ui.css`);
  const [{ toSimplified }] = await Promise.all([
    import('../lib/to-simplified.ts'),
    loadScript(`${PAGEFIND_BUNDLE}pagefind-ui.js`),
  ]);
  if (!window.PagefindUI) throw new Error('Pagefind UI did not load');
  let phrases: string[] = [];
  new window.PagefindUI({
    element: selector,
    bundlePath: PAGEFIND_BUNDLE,
    showSubResults: true,
    showImages: false,
    excerptLength: 36,
    resetStyles: false,
    autofocus: true,
    ranking: SEARCH_RANKING,
    processTerm: (term) => {
      phrases = queryPhrases(term, toSimplified);
      return foldQuery(term, toSimplified);
    },
    processResult: (result) => refineResult(result, phrases, HIGHLIGHT_PARAM),
  });
}
