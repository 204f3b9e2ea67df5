/**
 * The browser side of search: opens the dialog, loads Pagefind's default UI
 * and the traditional→simplified converter on first use, folds queries and
 * tidies results with the same code the index was built with
 * (`lib/search-text.ts`), and highlights the searched words on the page a
 * result opens. Pagefind's files are not bundled: they are the index's own.
 */
import { foldQuery, hasHan, queryPhrases, refineResult, SEARCH_RANKING, type ShownResult, type ToSimplified } from '../lib/search-text.ts';

const BASE = import.meta.env.BASE_URL.replace(/\/?$/, '/');
const BUNDLE = `${BASE}pagefind/`;
const HIGHLIGHT_PARAM = 'highlight';

interface PagefindUIOptions {
  element: string;
  bundlePath: string;
  showSubResults: boolean;
  showImages: boolean;
  excerptLength: number;
  resetStyles: boolean;
  autofocus: boolean;
  highlightParam?: string;
  ranking?: Record<string, number>;
  processTerm: (term: string) => string;
  processResult: (result: ShownResult) => ShownResult;
}

declare global {
  interface Window {
    PagefindUI?: new (options: PagefindUIOptions) => unknown;
  }
}

let loading: Promise<void> | undefined;

const dialog = () => document.querySelector<HTMLDialogElement>('.search-dialog');

function status(message: string | undefined): void {
  const element = dialog()?.querySelector<HTMLElement>('.search-status');
  if (!element) return;
  element.hidden = !message;
  element.textContent = message ?? '';
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

/** Loads Pagefind's UI and the converter, then mounts the UI in the dialog. */
async function mount(): Promise<void> {
  loadStylesheet(`${BUNDLE}pagefind-ui.css`);
  const [converter] = await Promise.all([import('opencc-js/t2cn'), loadScript(`${BUNDLE}pagefind-ui.js`)]);
  const toSimplified: ToSimplified = converter.Converter({ from: 'tw', to: 'cn' });
  if (!window.PagefindUI) throw new Error('Pagefind UI did not load');
  let phrases: string[] = [];
  new window.PagefindUI({
    element: '#search',
    bundlePath: BUNDLE,
    showSubResults: true,
    showImages: false,
    excerptLength: 36,
    resetStyles: false,
    autofocus: true,
    ranking: SEARCH_RANKING,
    processTerm: (term) => {
      phrases = queryPhrases(term, hasHan(term) ? toSimplified : (text) => text);
      return foldQuery(term, toSimplified);
    },
    processResult: (result) => refineResult(result, phrases, HIGHLIGHT_PARAM),
  });
}

/** Opens the search dialog, loading search the first time. */
export function openSearch(): void {
  const element = dialog();
  if (!element || element.open) return;
  element.showModal();
  status(undefined);
  loading ??= mount().catch(() => {
    loading = undefined;
    status('搜索暂时不可用：搜索索引在 npm run build 时生成（开发服务器里没有）。请用 npm start 打开构建好的网站。');
  });
  void loading.then(() => element.querySelector<HTMLInputElement>('input')?.focus());
}

/** Keyboard: `/` and Ctrl/Cmd+K open; arrows move through results; the header button opens too. */
export function initSearchShortcuts(open: () => void): void {
  document.querySelector('.search-button')?.addEventListener('click', open);
  const element = dialog();
  element?.querySelector('.search-close')?.addEventListener('click', () => element.close());
  // A click on the backdrop (outside the dialog's box) closes it.
  element?.addEventListener('click', (event) => {
    if (event.target === element) element.close();
  });
  document.addEventListener('keydown', (event) => {
    const typing = event.target instanceof HTMLElement && event.target.closest('input, textarea, select, [contenteditable]');
    if ((event.key === 'k' && (event.ctrlKey || event.metaKey)) || (event.key === '/' && !typing)) {
      event.preventDefault();
      open();
    }
  });
  element?.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const links = [...element.querySelectorAll<HTMLElement>('.pagefind-ui__result-link')];
    if (links.length === 0) return;
    event.preventDefault();
    const input = element.querySelector<HTMLElement>('input');
    const at = links.indexOf(document.activeElement as HTMLElement);
    const next = event.key === 'ArrowDown' ? at + 1 : at - 1;
    (next < 0 ? input : links[Math.min(next, links.length - 1)])?.focus();
  });
}

/** On a page opened from a result, marks the searched words (Pagefind's highlighter). */
export function highlightLandingTerms(): void {
  if (!new URLSearchParams(location.search).has(HIGHLIGHT_PARAM)) return;
  void import(/* @vite-ignore */ `${BUNDLE}pagefind-highlight.js`)
    .then(({ default: PagefindHighlight }) => new PagefindHighlight({ highlightParam: HIGHLIGHT_PARAM, markContext: 'article' }))
    .catch(() => undefined);
}
