/** What the home page carries of its filter: loading it when the reader first focuses or types in the box. */
export function initNoteFilter(): void {
  const root = document.querySelector<HTMLElement>('.note-filter');
  const input = root?.querySelector('input');
  if (!root || !input) return;
  const start = () => {
    input.removeEventListener('focus', start);
    input.removeEventListener('input', start);
    void import('./note-filter.ts').then(({ startNoteFilter }) => startNoteFilter(root));
  };
  input.addEventListener('focus', start);
  input.addEventListener('input', start);
}
