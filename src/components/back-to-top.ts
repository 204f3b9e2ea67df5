/**
 * Shows the back-to-top link once the reader is well into a long page: when
 * the site header is more than a screen and a half above the window. One
 * IntersectionObserver, no scroll handler. On a page too short to scroll
 * that far it never appears. The link itself is a plain `#top` link: it
 * works, and scrolls smoothly or not as the reader's motion setting says,
 * with no script.
 */
export function initBackToTop(): void {
  const link = document.querySelector<HTMLElement>('.back-to-top');
  const header = document.querySelector('.site-header');
  if (!link || !header) return;
  new IntersectionObserver(([entry]) => link.classList.toggle('is-shown', entry?.isIntersecting === false), {
    rootMargin: '150% 0px 0px 0px',
  }).observe(header);
}
