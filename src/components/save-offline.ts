/**
 * The save-for-offline control, once opened: reads the manifests the build
 * wrote (`src/integrations/offline-manifest.ts`), works out what this screen
 * needs (the copy of each figure it would show) and what the browser already
 * holds, shows the size, and on request downloads the rest into the caches
 * the service worker reads (`lib/offline-plan.ts`), showing progress.
 */
import {
  CACHE_NAMES,
  type CacheKind,
  figurePixels,
  formatBytes,
  type NoteManifest,
  noteFiles,
  type OfflineFile,
  type SiteManifest,
  widthTier,
} from '../lib/offline-plan.ts';

interface Job {
  cache: CacheKind;
  file: OfflineFile;
}

// A few downloads at once: fast on a good connection, gentle on a poor one.
const PARALLEL = 4;

async function json<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as T;
}

const absolute = (url: string) => new URL(url, location.href).href;

/** Every URL the browser's caches hold (the precache's revision parameters left out). */
async function storedUrls(): Promise<Set<string>> {
  const stored = new Set<string>();
  for (const name of await caches.keys()) {
    for (const request of await (await caches.open(name)).keys()) {
      const url = new URL(request.url);
      url.searchParams.delete('__WB_REVISION__');
      stored.add(url.href);
    }
  }
  return stored;
}

const bytesOf = (jobs: Job[]) => jobs.reduce((sum, job) => sum + job.file.bytes, 0);

export async function prepareSaving(details: HTMLDetailsElement): Promise<void> {
  const status = details.querySelector<HTMLElement>('.offline-save-status')!;
  const searchNote = details.querySelector<HTMLElement>('.offline-save-search')!;
  const progress = details.querySelector<HTMLProgressElement>('.offline-save-progress')!;
  const noteButton = details.querySelector<HTMLButtonElement>('[data-save="note"]');
  const siteButton = details.querySelector<HTMLButtonElement>('[data-save="site"]')!;
  if (!('caches' in window) || !('serviceWorker' in navigator)) {
    status.textContent = '这个浏览器不能离线保存网页。';
    return;
  }
  const site = await json<SiteManifest>(details.dataset.site ?? '');
  if (site.mode === 'whole') {
    status.textContent = `整个网站只有 ${formatBytes(site.totalBytes)}，第一次打开时已全部存进浏览器：断网也能阅读和搜索所有笔记。`;
    return;
  }
  const tier = widthTier(figurePixels(innerWidth, devicePixelRatio));
  let stored = await storedUrls();
  const missing = (jobs: Job[]) => jobs.filter((job) => !stored.has(absolute(job.file.url)));
  const searchJobs: Job[] = site.search.precached ? [] : site.search.files.map((file) => ({ cache: 'search', file }));
  const katexJobs: Job[] = site.katex.map((file) => ({ cache: 'files', file }));
  const note = details.dataset.note ? await json<NoteManifest>(details.dataset.note) : undefined;
  const noteJobs: Job[] = note ? [...noteFiles(note, tier), ...(note.math ? katexJobs : []), ...searchJobs] : [];
  const siteBytes =
    site.notes.reduce((sum, entry) => sum + (entry.bytes[tier] ?? 0), 0) +
    bytesOf(site.pages.map((file) => ({ cache: 'pages', file }))) +
    bytesOf(searchJobs) +
    bytesOf(katexJobs);

  const describe = () => {
    const lines: string[] = [];
    if (note && noteButton) {
      const left = missing(noteJobs);
      noteButton.hidden = left.length === 0;
      noteButton.textContent = `保存这篇笔记（${formatBytes(bytesOf(left))}）`;
      lines.push(
        left.length === 0
          ? '这篇笔记已保存：断网也能阅读。'
          : `这篇笔记有 ${note.pages.length} 页、${note.figures.length} 张图，还需下载 ${formatBytes(bytesOf(left))}（读过的页面不再下载）。`,
      );
    }
    siteButton.hidden = false;
    siteButton.textContent = `保存全站（约 ${formatBytes(siteBytes)}）`;
    lines.push(`全站 ${site.notes.length} 篇笔记约 ${formatBytes(siteBytes)}，已保存的部分不会重复下载。`);
    status.textContent = lines.join('');
    searchNote.hidden = false;
    searchNote.textContent = '保存后断网也能搜索：搜到没有保存的笔记时，结果标为「未离线保存的页面」，联网后才能打开。';
  };
  describe();

  /** Downloads `jobs` into the caches, counting `done` of `total` bytes; skips what is stored. */
  const run = async (jobs: Job[], counter: { done: number; total: number }) => {
    const queue = [...jobs];
    const step = async () => {
      for (let job = queue.shift(); job; job = queue.shift()) {
        const url = absolute(job.file.url);
        if (!stored.has(url)) {
          const response = await fetch(url);
          if (!response.ok) throw new Error(`${url}: ${response.status}`);
          await (await caches.open(CACHE_NAMES[job.cache])).put(url, response);
          stored.add(url);
        }
        counter.done += job.file.bytes;
        progress.value = Math.min(counter.done, counter.total);
        status.textContent = `正在下载：${formatBytes(counter.done)} / ${formatBytes(counter.total)}`;
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, step));
  };

  const save = async (what: 'note' | 'site') => {
    for (const button of [noteButton, siteButton]) if (button) button.disabled = true;
    const counter = { done: 0, total: what === 'note' ? bytesOf(missing(noteJobs)) : siteBytes };
    progress.max = Math.max(1, counter.total);
    progress.value = 0;
    progress.hidden = false;
    try {
      if (what === 'note') {
        await run(missing(noteJobs), counter);
      } else {
        await run([...site.pages.map((file): Job => ({ cache: 'pages', file })), ...searchJobs, ...katexJobs], counter);
        for (const entry of site.notes) await run(noteFiles(await json<NoteManifest>(entry.manifest), tier), counter);
      }
      stored = await storedUrls();
      describe();
      status.textContent =
        what === 'note' ? '已保存这篇笔记：断网也能阅读。' : `已保存全站 ${site.notes.length} 篇笔记：断网也能阅读。`;
    } catch {
      status.textContent = `下载中断（可能断网了）：已下载的 ${formatBytes(counter.done)} 仍可离线阅读，再点一次会接着下载。`;
    } finally {
      for (const button of [noteButton, siteButton]) if (button) button.disabled = false;
    }
  };
  noteButton?.addEventListener('click', () => void save('note'));
  siteButton.addEventListener('click', () => void save('site'));
}
