/**
 * The search dialog's contents, once search has loaded: the search box
 * (debounced a little, quiet while an input method composes), the filter,
 * the result list with its live count, the arrow keys. Every piece of note
 * text is put in as text (`textContent`, text nodes); the only element made
 * around note text is `<mark>`, from the excerpt's pieces, never from HTML.
 */
import type { ExcerptPiece } from '../lib/search-excerpt.ts';
import type { RankedPage } from '../lib/search-rank.ts';
import { type Found, failedFiles, type ShownResult, type SiteSearch } from './search-client.ts';

export { loadSearch } from './search-client.ts';

/** How long typing must pause before searching (ms): short, so results follow the last key closely. */
const DEBOUNCE_MS = 30;
/** Results shown at first, and added by "more". */
const PAGE_SIZE = 6;
/** Below this many pages with the phrases, pages with the characters apart are shown after them. */
const FEW_PHRASE_RESULTS = 5;

/** Renders excerpt pieces as text and `<mark>` elements. */
function excerptElement(pieces: ExcerptPiece[]): HTMLParagraphElement {
  const p = document.createElement('p');
  p.className = 'search-excerpt';
  for (const piece of pieces) {
    if (piece.mark) {
      const mark = document.createElement('mark');
      mark.textContent = piece.text;
      p.append(mark);
    } else p.append(piece.text);
  }
  return p;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string) {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The scope a reader chose: everything, a category, or a note. */
type Scope = { kind: 'all' } | { kind: 'category'; index: number } | { kind: 'note'; index: number };

/** Notes with results are listed in the filter only when there are few; categories always. */
const MAX_NOTES_IN_FILTER = 20;

/** Connects the dialog's search box, filter and result list to `search`. */
export function connectSearch(dialog: HTMLElement, search: SiteSearch): void {
  const input = dialog.querySelector<HTMLInputElement>('.search-input')!;
  const filter = dialog.querySelector<HTMLSelectElement>('.search-filter')!;
  const filterLabel = dialog.querySelector<HTMLElement>('.search-scope')!;
  const list = dialog.querySelector<HTMLOListElement>('.search-results')!;
  const status = dialog.querySelector<HTMLElement>('.search-status')!;
  const more = dialog.querySelector<HTMLButtonElement>('.search-more')!;
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let composing = false;
  let found: Found | undefined;
  let scope: Scope = { kind: 'all' };
  let limit = PAGE_SIZE;

  const inScope = (page: RankedPage) => {
    if (scope.kind === 'all') return true;
    const note = search.noteOf(page.id);
    if (note === undefined) return false;
    return scope.kind === 'note' ? note === scope.index : (search.table.notes[note] ?? []).includes(scope.index);
  };

  const render = async () => {
    const mine = ++generation;
    if (!found || found.ranked.length === 0) {
      list.replaceChildren();
      more.hidden = true;
      updateFilter([]);
      status.textContent = found && input.value.trim() ? `没有找到“${input.value.trim()}”` : '';
      return;
    }
    const phrase = found.ranked.filter((page) => page.tier === 'phrase');
    updateFilter(phrase.length > 0 ? phrase : found.ranked);
    const phraseInScope = phrase.filter(inScope);
    const weaker = found.ranked.filter((page) => page.tier === 'scattered' && inScope(page));
    const candidates = [...phraseInScope, ...(phraseInScope.length < FEW_PHRASE_RESULTS ? weaker : [])];
    const { shown, missing } = await search.prepare(search.window(candidates, limit), found);
    if (mine !== generation) return;
    const items: HTMLElement[] = [];
    let weakStarted = false;
    for (const result of shown) {
      if (result.ranked.tier === 'scattered' && !weakStarted) {
        weakStarted = true;
        const note = element('li', 'search-weaker', '以下结果含有这些字，但没有连在一起：');
        items.push(note);
      }
      items.push(resultItem(search, result));
    }
    list.replaceChildren(...items);
    more.hidden = candidates.length <= search.window(candidates, limit).length;
    const parts = [
      phraseInScope.length > 0
        ? `找到 ${phraseInScope.length} 个结果`
        : `没有找到“${input.value.trim()}”连在一起的结果`,
    ];
    if (weakStarted) parts.push(`另有 ${weaker.length} 个结果只含其中的字`);
    if (missing > 0 || failedFiles() > 0)
      parts.push('部分搜索数据未能载入（离线时只能搜索已保存的内容），结果可能不全');
    status.textContent = `${parts.join('；')}。`;
  };

  /** Offers the categories and (when few) the notes the results come from; hidden when there is no choice. */
  const updateFilter = (pages: RankedPage[]) => {
    const notes = new Map<number, number>();
    const pageOfNote = new Map<number, string>();
    const categories = new Map<number, number>();
    for (const page of pages) {
      const note = search.noteOf(page.id);
      if (note === undefined) continue;
      notes.set(note, (notes.get(note) ?? 0) + 1);
      if (!pageOfNote.has(note)) pageOfNote.set(note, page.id);
      for (const category of search.table.notes[note] ?? [])
        categories.set(category, (categories.get(category) ?? 0) + 1);
    }
    const byCount = (map: Map<number, number>) => [...map].sort((a, b) => b[1] - a[1]);
    const options: (HTMLOptionElement | HTMLOptGroupElement)[] = [new Option('全部笔记', 'all')];
    if (categories.size > 1) {
      const group = document.createElement('optgroup');
      group.label = '分类';
      for (const [index, count] of byCount(categories))
        group.append(new Option(`${search.table.categories[index]}（${count}）`, `category:${index}`));
      options.push(group);
    }
    const offerNotes = notes.size > 1 && notes.size <= MAX_NOTES_IN_FILTER;
    const chosen = scope.kind === 'all' ? 'all' : `${scope.kind}:${scope.index}`;
    const stillThere =
      scope.kind === 'all' ||
      (scope.kind === 'category' && categories.size > 1 && categories.has(scope.index)) ||
      (scope.kind === 'note' && offerNotes && notes.has(scope.index));
    if (!stillThere) scope = { kind: 'all' };
    const show = (titles: Map<number, string>) => {
      const all = [...options];
      if (offerNotes && titles.size > 0) {
        const group = document.createElement('optgroup');
        group.label = '笔记';
        for (const [index, count] of byCount(notes))
          group.append(new Option(`${titles.get(index) ?? ''}（${count}）`, `note:${index}`));
        all.push(group);
      }
      filter.replaceChildren(...all);
      filter.value = stillThere ? chosen : 'all';
      // No choice to make, no filter to show.
      filterLabel.hidden = filter.options.length <= 2 && scope.kind === 'all';
    };
    show(new Map());
    // Note titles come with their pages' heads (most already loaded for the results shown).
    const at = generation;
    if (offerNotes)
      void search.noteTitles(pageOfNote).then(
        (titles) => at === generation && show(titles),
        () => undefined,
      );
  };

  const run = async () => {
    const query = input.value;
    const mine = ++generation;
    limit = PAGE_SIZE;
    if (!query.trim()) {
      found = undefined;
      await render();
      return;
    }
    const result = await search.find(query);
    if (mine !== generation) return;
    found = result;
    await render();
  };

  const schedule = () => {
    clearTimeout(timer);
    if (!composing) timer = setTimeout(() => void run(), DEBOUNCE_MS);
  };
  input.addEventListener('input', schedule);
  input.addEventListener('compositionstart', () => {
    composing = true;
  });
  input.addEventListener('compositionend', () => {
    composing = false;
    schedule();
  });
  dialog.querySelector('form')?.addEventListener('submit', (event) => {
    event.preventDefault();
    list.querySelector<HTMLAnchorElement>('.search-result-link')?.click();
  });
  filter.addEventListener('change', () => {
    const [kind, index] = filter.value.split(':');
    scope = kind === 'category' || kind === 'note' ? { kind, index: Number(index) } : { kind: 'all' };
    limit = PAGE_SIZE;
    void render();
  });
  more.addEventListener('click', () => {
    limit += PAGE_SIZE;
    void render();
  });
  // Arrow keys move through the result links, and back up to the search box.
  dialog.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    if (event.target === filter) return;
    const links = [...list.querySelectorAll<HTMLElement>('.search-result-link')];
    if (links.length === 0) return;
    event.preventDefault();
    const at = links.indexOf(document.activeElement as HTMLElement);
    const next = event.key === 'ArrowDown' ? at + 1 : at - 1;
    (next < 0 ? input : links[Math.min(next, links.length - 1)])?.focus();
  });
  if (input.value.trim()) void run();
}

/** One result: its page (title, note), an excerpt, its best sections. */
function resultItem(search: SiteSearch, result: ShownResult): HTMLLIElement {
  const { head } = result.page;
  const item = element('li', result.ranked.tier === 'phrase' ? 'search-result' : 'search-result search-result-weak');
  const link = element('a', 'search-result-link');
  link.href = search.link(result);
  link.append(element('span', 'search-result-title', head.t));
  if (head.nt && head.nt !== head.t) link.append(element('span', 'search-result-note', head.nt));
  item.append(link);
  for (const twin of result.twins) {
    const also = element('p', 'search-twin', '另见 ');
    const twinLink = element('a', 'search-result-link search-result-twin');
    twinLink.href = search.link(twin, twin.section?.id);
    twinLink.append(element('span', 'search-result-title', twin.page.head.t));
    if (twin.section) twinLink.append(' › ', element('span', 'search-twin-section', twin.section.title));
    also.append(twinLink);
    item.append(also);
  }
  if (result.excerpt) item.append(excerptElement(result.excerpt));
  if (result.sections.length > 0) {
    const sections = element('ul', 'search-sections');
    for (const section of result.sections) {
      const entry = element('li', 'search-section');
      const sectionLink = element('a', 'search-result-link');
      sectionLink.href = search.link(result, section.id);
      sectionLink.append(element('span', 'search-result-title', section.title));
      entry.append(sectionLink, excerptElement(section.excerpt));
      sections.append(entry);
    }
    item.append(sections);
  }
  return item;
}
