/** Light/dark switch: follows the system until the reader chooses, then remembers (the choice is applied before paint in `Base.astro`). */
export function initThemeToggle(): void {
  const button = document.querySelector('.theme-toggle');
  const root = document.documentElement;
  const dark = () =>
    (root.dataset.theme ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light')) === 'dark';
  const show = () => button?.setAttribute('aria-pressed', String(dark()));
  show();
  button?.addEventListener('click', () => {
    root.dataset.theme = dark() ? 'light' : 'dark';
    try {
      localStorage.setItem('theme', root.dataset.theme);
    } catch {}
    show();
  });
}
