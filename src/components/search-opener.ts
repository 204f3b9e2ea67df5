/**
 * What every page carries of search, kept tiny: the button and keys that
 * open the dialog (`/`, Ctrl/Cmd+K; Esc closes), and, on a page opened from
 * a result, the loading of the marker for the phrases found. The search
 * itself (`search-client.ts`: Pagefind and the table of pages;
 * `search-dialog.ts`: the UI) loads on first opening; the search box is
 * already there, so typing starts at once.
 */
import { HIGHLIGHT_PARAM } from './search-paths.ts';

/** Whether search has loaded or is loading (it loads once; again only after a failure). */
let started = false;

const dialog = () => document.querySelector<HTMLDialogElement>('.search-dialog');

function status(element: HTMLDialogElement, message: string): void {
  const line = element.querySelector<HTMLElement>('.search-status');
  if (line) line.textContent = message;
}

/** Opens the search dialog, loading search the first time. */
function openSearch(): void {
  const element = dialog();
  if (!element || element.open) return;
  element.showModal();
  element.querySelector<HTMLInputElement>('.search-input')?.focus();
  if (started) return;
  started = true;
  import('./search-dialog.ts')
    .then(async ({ loadSearch, connectSearch }) => connectSearch(element, await loadSearch()))
    .catch(() => {
      started = false;
      status(
        element,
        '搜索暂时不可用：搜索索引在 npm run build 时生成（开发服务器里没有），离线时需先联网打开过一次。请用 npm start 打开构建好的网站。',
      );
    });
}

export function initSearch(): void {
  const element = dialog();
  document.querySelector('.search-button')?.addEventListener('click', openSearch);
  element?.querySelector('.search-close')?.addEventListener('click', () => element.close());
  // A click on the backdrop (outside the dialog's box) closes it.
  element?.addEventListener('click', (event) => {
    if (event.target === element) element.close();
  });
  document.addEventListener('keydown', (event) => {
    const typing =
      event.target instanceof HTMLElement && event.target.closest('input, textarea, select, [contenteditable]');
    if ((event.key === 'k' && (event.ctrlKey || event.metaKey)) || (event.key === '/' && !typing)) {
      event.preventDefault();
      openSearch();
    }
  });
  // A page opened from a result marks the phrases found.
  const phrases = new URLSearchParams(location.search).getAll(HIGHLIGHT_PARAM);
  if (phrases.length > 0) void import('./search-highlight.ts').then(({ markPhrases }) => markPhrases(phrases));
}
