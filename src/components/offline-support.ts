/**
 * Offline support on every page: registers the service worker; when a new
 * deploy's worker takes over a page that an older one was serving, reloads
 * once, so the reader sees the new content. And on the first visit, the page
 * was loaded before the worker existed, so the worker never saw it: once the
 * worker is in control, this stores that page and the figures it showed, as
 * the worker stores every page after it. Whatever was read stays readable offline.
 */
import { CACHE_NAMES } from '../lib/offline-caches.ts';

/** Stores what `urls` answer in the cache `name`; a page not found (this may be the 404 page) is not stored. */
const keep = (name: string, urls: string[]) =>
  caches
    .open(name)
    .then((cache) =>
      Promise.all(
        urls.map((url) => fetch(url).then((response) => (response.ok ? cache.put(url, response) : undefined))),
      ),
    );

function rememberThisPage(): void {
  const page = location.href.split(/[?#]/)[0]!;
  const figures = [...document.querySelectorAll<HTMLImageElement>('article img')]
    .map((img) => img.currentSrc)
    .filter((src) => src.startsWith(location.origin));
  void Promise.all([keep(CACHE_NAMES.pages, [page]), keep(CACHE_NAMES.figures, figures)]).catch(() => undefined);
}

export function startOfflineSupport(): void {
  if (!('serviceWorker' in navigator)) return;
  const hadWorker = Boolean(navigator.serviceWorker.controller);
  let reloaded = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (!hadWorker) rememberThisPage();
    else if (!reloaded) {
      reloaded = true;
      location.reload();
    }
  });
  addEventListener('load', () =>
    // BASE_URL is the base path as Astro normalised it (`/notes-site/`): no URL helper needed in every page's script.
    navigator.serviceWorker
      .register(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL })
      .catch(() => undefined),
  );
}
