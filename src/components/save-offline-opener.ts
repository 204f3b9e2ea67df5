/** What pages carry of the save-for-offline control: loading its script when it is first opened. */
export function initSaveOffline(): void {
  const details = document.querySelector<HTMLDetailsElement>('.offline-save');
  if (!details) return;
  let started = false;
  details.addEventListener('toggle', () => {
    if (!details.open || started) return;
    started = true;
    import('./save-offline.ts')
      .then(({ prepareSaving }) => prepareSaving(details))
      .catch(() => {
        started = false;
        const status = details.querySelector<HTMLElement>('.offline-save-status');
        if (status) status.textContent = status.dataset.unavailable ?? '';
      });
  });
}
