/**
 * What every page carries of search, kept tiny: the button and keys that
 * open the dialog (`/`, Ctrl/Cmd+K; Esc closes; arrows move through
 * results), and the highlighter for a page opened from a result. The search
 * itself (`search-client.ts`) loads on first opening.
 */
import { HIGHLIGHT_PARAM, PAGEFIND_BUNDLE } from './search-paths.ts';

let loading: Promise<void> | undefined;

const dialog = () => document.querySelector<HTMLDialogElement>('.search-dialog');

function status(message: string | undefined): void {
  const element = dialog()?.querySelector<HTMLElement>('.search-status');
  if (!element) return;
  element.hidden = !message;
  element.textContent = message ?? '';
}

/** Opens the search dialog, loading search the first time. */
function openSearch(): void {
  const element = dialog();
  if (!element || element.open) return;
  element.showModal();
  loading ??= import('./search-client.ts')
    .then(({ mountSearch }) => mountSearch('#search'))
    .then(() => status(undefined))
    .catch(() => {
      loading = undefined;
      status('搜索暂时不可用：搜索索引在 npm run build 时生成（开发服务器里没有）。请用 npm start 打开构建好的网站。');
    });
  void loading.then(() => element.querySelector<HTMLInputElement>('.pagefind-ui__search-input')?.focus());
}

/** Moves focus through the results with the arrow keys (and back up to the search box). */
function moveThroughResults(event: KeyboardEvent, element: HTMLDialogElement): void {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const links = [...element.querySelectorAll<HTMLElement>('.pagefind-ui__result-link')];
  if (links.length === 0) return;
  event.preventDefault();
  const at = links.indexOf(document.activeElement as HTMLElement);
  const next = event.key === 'ArrowDown' ? at + 1 : at - 1;
  (next < 0
    ? element.querySelector<HTMLElement>('.pagefind-ui__search-input')
    : links[Math.min(next, links.length - 1)]
  )?.focus();
}

export function initSearch(): void {
  const element = dialog();
  document.querySelector('.search-button')?.addEventListener('click', openSearch);
  element?.querySelector('.search-close')?.addEventListener('click', () => element.close());
  // A click on the backdrop (outside the dialog's box) closes it.
  element?.addEventListener('click', (event) => {
    if (event.target === element) element.close();
  });
  element?.addEventListener('keydown', (event) => moveThroughResults(event, element));
  document.addEventListener('keydown', (event) => {
    const typing =
      event.target instanceof HTMLElement && event.target.closest('input, textarea, select, [contenteditable]');
    if ((event.key === 'k' && (event.ctrlKey || event.metaKey)) || (event.key === '/' && !typing)) {
      event.preventDefault();
      openSearch();
    }
  });
  // A page opened from a result marks the searched words (Pagefind's highlighter).
  if (new URLSearchParams(location.search).has(HIGHLIGHT_PARAM)) {
    void import(/* @vite-ignore */ `${PAGEFIND_BUNDLE}pagefind-highlight.js`)
      .then(
        ({ default: PagefindHighlight }) =>
          // Marks are styled by the site's stylesheet; Pagefind's own inline <style> would break the page's CSP.
          new PagefindHighlight({ highlightParam: HIGHLIGHT_PARAM, markContext: 'article', addStyles: false }),
      )
      .catch(() => undefined);
  }
}
