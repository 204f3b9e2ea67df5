/**
 * Drives a search UI in Chromium the way a reader does: types the query a
 * key at a time, and waits until the results stop changing. Why in the UI
 * and not through Pagefind's API: what a reader waits for is the UI's whole
 * path (its debounce, its extra searches, the fragments it loads, its
 * rendering), and what a reader sees is what the UI shows. The same driver
 * measures the site's search and Pagefind's own UI, by their selectors.
 */
import type { Page } from 'playwright-core';

/** Where a search UI keeps its parts. */
export interface SearchUi {
  name: string;
  /** Opens the search (e.g. presses `/`); the page is already loaded. */
  open: (page: Page) => Promise<void>;
  input: string;
  /** A result (one page), in the order shown. */
  result: string;
  /** The link of a result, inside it. */
  link: string;
  /** The title of a result's first section, inside it (none: the UI shows no sections). */
  sectionTitle?: string;
  /** The text shown for a result (title, sections, excerpts), inside it. */
  text?: string;
  /** A result's excerpts, inside it. */
  excerpt?: string;
  /** Links of a result to the same page in another script, inside it, and the section each opens at. */
  twins?: string;
  twinSection?: string;
  /** The element whose changes mean the results changed. */
  results: string;
}

/** The site's own search (`src/components/Search.astro`). */
export const SITE_UI: SearchUi = {
  name: 'site',
  open: async (page) => {
    await page.keyboard.press('/');
    await page.locator('.search-dialog .search-input').waitFor();
  },
  input: '.search-dialog .search-input',
  results: '.search-dialog .search-results',
  result: '.search-dialog .search-result',
  link: '.search-result-link',
  sectionTitle: '.search-section .search-result-title',
  excerpt: '.search-excerpt',
  twins: '.search-result-twin',
  twinSection: '.search-twin-section',
};

/** Pagefind's default UI, as `scripts/bench/search.ts` mounts it over Pagefind's own index of the same pages. */
export const PAGEFIND_UI: SearchUi = {
  name: 'Pagefind alone',
  open: async (page) => {
    await page.locator('.pagefind-ui__search-input').waitFor();
  },
  input: '.pagefind-ui__search-input',
  results: '.pagefind-ui',
  result: '.pagefind-ui__result',
  link: '.pagefind-ui__result-link',
  sectionTitle: '.pagefind-ui__result-nested .pagefind-ui__result-title',
  text: '.pagefind-ui__result-inner',
  excerpt: '.pagefind-ui__result-excerpt',
};

/** The site's search before this branch: Pagefind's default UI in the dialog (for the before/after table). */
export const OLD_SITE_UI: SearchUi = {
  ...PAGEFIND_UI,
  name: 'site (Pagefind UI)',
  open: async (page) => {
    await page.keyboard.press('/');
    await page.locator('.search-dialog .pagefind-ui__search-input').waitFor();
  },
};

export interface ShownResults {
  /** Each result's link (path and query, as shown), in order. */
  urls: string[];
  /** Each result's links to the same page in another script, and the section each opens at. */
  twins: string[][];
  twinSections: (string | undefined)[][];
  /** Each result's first section title, if the UI shows sections. */
  sections: (string | undefined)[];
  /** Each result's visible text. */
  texts: string[];
  /** Each result's excerpts. */
  excerpts: string[][];
  /** From the last keystroke to the last change of the results, in ms. */
  settledMs: number;
}

const QUIET_MS = 700;

/**
 * The keystrokes of a query: Latin a character at a time, a run of Chinese
 * at once (an input method commits a word or phrase in one input event).
 */
export function keystrokes(query: string): string[] {
  return query.split(/(\p{Script=Han}+)/u).flatMap((part) => (/\p{Script=Han}/u.test(part) ? [part] : [...part]));
}

/** Types `query` into the (open) search and reads the results once they have settled. */
export async function typeQuery(page: Page, ui: SearchUi, query: string, limit = 10): Promise<ShownResults> {
  const input = page.locator(ui.input);
  await input.fill('');
  await waitForQuiet(page, ui);
  await page.evaluate((resultsSelector) => {
    const state = window as unknown as { __search: { lastKey: number; lastChange: number } };
    state.__search = { lastKey: 0, lastChange: 0 };
    const root = document.querySelector(resultsSelector) ?? document.body;
    new MutationObserver(() => {
      state.__search.lastChange = performance.now();
    }).observe(root, { childList: true, subtree: true, characterData: true, attributes: true });
  }, ui.results);
  await input.focus();
  for (const keys of keystrokes(query)) {
    await page.keyboard.insertText(keys);
    await page.evaluate(() => {
      (window as unknown as { __search: { lastKey: number } }).__search.lastKey = performance.now();
    });
    await page.waitForTimeout(40);
  }
  await waitForQuiet(page, ui);
  // A UI may show a result before its data has loaded (Pagefind's does): wait for every shown result's link.
  for (let tries = 0; tries < 20 && !(await allLinked(page, ui, limit)); tries += 1) await waitForQuiet(page, ui);
  const { lastKey, lastChange } = await page.evaluate(
    () => (window as unknown as { __search: { lastKey: number; lastChange: number } }).__search,
  );
  const shown = await page.locator(ui.result).evaluateAll(
    (results, [link, section, text, max, twins, twinSection, excerpt]) =>
      results.slice(0, max as number).map((result) => ({
        url: (() => {
          const a = result.querySelector<HTMLAnchorElement>(link as string);
          return a ? decodeURIComponent(a.pathname + a.search) : '';
        })(),
        twins: twins
          ? [...result.querySelectorAll<HTMLAnchorElement>(twins as string)].map((a) =>
              decodeURIComponent(a.pathname + a.search),
            )
          : [],
        excerpts: excerpt
          ? [...result.querySelectorAll(excerpt as string)].map((e) => e.textContent?.trim() ?? '')
          : [],
        twinSections: twins
          ? [...result.querySelectorAll<HTMLAnchorElement>(twins as string)].map(
              (a) => a.querySelector(twinSection as string)?.textContent?.trim() ?? undefined,
            )
          : [],
        section: section ? result.querySelector(section as string)?.textContent?.trim() : undefined,
        text: ((text ? result.querySelector(text as string) : result) as HTMLElement | null)?.textContent ?? '',
      })),
    [ui.link, ui.sectionTitle, ui.text, limit, ui.twins, ui.twinSection, ui.excerpt] as const,
  );
  return {
    urls: shown.map((s) => s.url),
    twins: shown.map((s) => s.twins),
    twinSections: shown.map((s) => s.twinSections),
    excerpts: shown.map((s) => s.excerpts),
    sections: shown.map((s) => s.section),
    texts: shown.map((s) => s.text),
    settledMs: Math.max(0, lastChange - lastKey),
  };
}

async function allLinked(page: Page, ui: SearchUi, limit: number): Promise<boolean> {
  return page
    .locator(ui.result)
    .evaluateAll(
      (results, [link, max]) =>
        results.slice(0, max as number).every((result) => result.querySelector(link as string) !== null),
      [ui.link, limit] as const,
    );
}

/** Waits until the results have not changed for a while (at most 8 s). */
async function waitForQuiet(page: Page, ui: SearchUi): Promise<void> {
  await page.evaluate(
    ([selector, quiet]) =>
      new Promise<void>((resolve) => {
        const root = document.querySelector(selector as string) ?? document.body;
        let timer = setTimeout(done, quiet as number);
        const observer = new MutationObserver(() => {
          clearTimeout(timer);
          timer = setTimeout(done, quiet as number);
        });
        const giveUp = setTimeout(done, 8000);
        function done() {
          observer.disconnect();
          clearTimeout(giveUp);
          resolve();
        }
        observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true });
      }),
    [ui.results, QUIET_MS] as const,
  );
}
