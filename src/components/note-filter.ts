/**
 * The home page's filter, once the reader uses it (`note-filter-opener.ts`
 * loads this): loads the list of notes, then shows the notes matching what
 * is typed (`lib/note-filter.ts`) as links, and how many match. Written with
 * DOM methods only: note titles are text, never HTML.
 */
import { filterNotes, type NoteListEntry } from '../lib/note-filter.ts';

export function startNoteFilter(root: HTMLElement): void {
  const input = root.querySelector('input');
  const status = root.querySelector<HTMLElement>('.note-filter-status');
  const results = root.querySelector<HTMLOListElement>('.note-filter-results');
  if (!input || !status || !results) return;
  let list: Promise<NoteListEntry[]> | undefined;
  const load = () =>
    (list ??= fetch(root.dataset.list ?? '')
      .then((response) => (response.ok ? response.json() : Promise.reject(new Error(String(response.status)))))
      .then((data: { notes: NoteListEntry[] }) => data.notes)
      .catch((error: unknown) => {
        list = undefined;
        throw error;
      }));

  const show = async () => {
    const query = input.value.trim();
    if (!query) {
      results.hidden = true;
      results.replaceChildren();
      status.textContent = '';
      return;
    }
    let entries: NoteListEntry[];
    try {
      entries = await load();
    } catch {
      status.textContent = '笔记列表暂时无法载入（离线时，它在第一次访问后才可用）。';
      return;
    }
    if (input.value.trim() !== query) return;
    const { shown, total } = filterNotes(entries, query);
    results.replaceChildren(
      ...shown.map(([title, url, date]) => {
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.href = url;
        link.textContent = title;
        item.append(link);
        if (date) {
          const time = document.createElement('time');
          time.textContent = date;
          item.append(time);
        }
        return item;
      }),
    );
    results.hidden = shown.length === 0;
    status.textContent =
      total === 0
        ? `没有标题、分类或标签含「${query}」的笔记。`
        : total > shown.length
          ? `找到 ${total} 篇，显示前 ${shown.length} 篇。`
          : `找到 ${total} 篇。`;
  };
  input.addEventListener('input', () => void show());
  void load().catch(() => undefined);
  if (input.value.trim()) void show();
}
