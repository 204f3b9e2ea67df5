/**
 * Reading progress in the page (the logic is `lib/progress.ts`): marks each
 * chapter in every chapter list as read or in progress (`data-progress`,
 * shown by the list's CSS); on a chapter page, records the chapter as
 * started, the section the reader is at, and the chapter as read once its
 * end (`[data-progress-end]`) comes into view; on a note page, fills the
 * progress panel: "已读 2 / 4 章", where to continue, and the control that
 * clears it. Without storage the page works as ever, and the panel says
 * progress cannot be kept.
 */
import {
  clearNote,
  continueAt,
  loadProgress,
  markRead,
  type Progress,
  progressKey,
  saveProgress,
  statusOf,
  summarize,
  visit,
} from '../lib/progress.ts';

const KEY = progressKey(import.meta.env.BASE_URL);
const storage = () => localStorage;
const $ = <E extends Element = HTMLElement>(selector: string, root: ParentNode = document) =>
  root.querySelector<E>(selector);

let { progress, available } = loadProgress(storage, KEY);

/** Applies `change` to the latest stored progress (another tab may have saved since), stores it and shows it. */
function update(change: (progress: Progress) => Progress): void {
  const latest = loadProgress(storage, KEY);
  progress = change(latest.available ? latest.progress : progress);
  available = latest.available && saveProgress(storage, KEY, progress);
  show();
}

function show(): void {
  for (const item of document.querySelectorAll<HTMLElement>('[data-progress-note] [data-chapter]')) {
    const note = item.closest<HTMLElement>('[data-progress-note]')!.dataset.progressNote!;
    item.dataset.progress = statusOf(progress, note, item.dataset.chapter!);
  }
  const panel = $('[data-progress-panel]');
  if (panel) showPanel(panel, panel.dataset.progressPanel!);
}

/** The link's first words and address (start reading), for when there is nowhere to continue. */
let start: [text: string, href: string] | undefined;

function showPanel(panel: HTMLElement, note: string): void {
  const items = [
    ...document.querySelectorAll<HTMLElement>(`[data-progress-note="${CSS.escape(note)}"] [data-chapter]`),
  ];
  // The note page lists its chapters twice (its contents, and the drawer every note page has): count each once.
  const chapters = [...new Set(items.map((item) => item.dataset.chapter!))];
  const link = $<HTMLAnchorElement>('[data-progress-continue]', panel)!;
  $<HTMLButtonElement>('[data-progress-clear]', panel)!.disabled = !available;
  $('[data-progress-unavailable]', panel)!.hidden = available;
  const { read, started } = summarize(progress, note, chapters);
  // Without storage the summary stays as the page has it: the number of chapters.
  if (available) {
    $('[data-progress-summary]', panel)!.textContent =
      `已读 ${read} / ${chapters.length} 章${started ? `，${started} 章在读` : ''}`;
  }
  // The link starts the note; once there is a place to come back to, it continues there.
  start ??= [link.textContent!, link.href];
  const place = available ? continueAt(progress, note, chapters) : undefined;
  const target =
    place &&
    $<HTMLAnchorElement>(
      'a',
      items.find((item) => item.dataset.chapter === place.chapter),
    );
  link.textContent = target
    ? // An unnumbered page (an appendix) has a title only.
      `继续阅读：${[$('.chapter-number', target)?.textContent, $('.chapter-title', target)?.textContent].filter(Boolean).join(' ')}`
    : start[0];
  link.href = target ? target.href : start[1];
  // The URL API percent-encodes the section's id as a fragment.
  if (target && place.section) link.hash = place.section;
}

/**
 * Starts progress on this page; on a chapter page, returns what records the
 * section being read (the table of contents calls it, `toc-spy.ts`).
 */
export function initProgress(): ((section: string | undefined) => void) | undefined {
  const panel = $('[data-progress-panel]');
  panel?.querySelector('[data-progress-clear]')?.addEventListener('click', () => {
    update((p) => clearNote(p, panel.dataset.progressPanel!));
    const message = $('[role="status"]', panel)!;
    message.textContent = message.dataset.cleared!;
  });
  const end = $('[data-progress-end]');
  if (!end) {
    show();
    return undefined;
  }
  const { note, chapter } = end.dataset as { note: string; chapter: string };
  // The section comes next, from the table of contents, which reports where the page opened.
  update((p) => visit(p, note, chapter));
  new IntersectionObserver((entries, observer) => {
    if (!entries.some((entry) => entry.isIntersecting)) return;
    observer.disconnect();
    update((p) => markRead(p, note, chapter));
  }).observe(end);
  return (section) => update((p) => visit(p, note, chapter, section));
}
