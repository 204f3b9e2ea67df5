/**
 * What the build decides for offline reading, read from the built sites: a
 * small site is precached whole, a large one only its shell and search
 * index (within 5 MB); each note's manifest lists its pages, the copies of
 * its figures and the files search shows its pages from, with their true sizes.
 */
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import type { NoteManifest, SiteManifest } from '../../src/lib/offline-plan.ts';
import { htmlFiles } from '../helpers/html.ts';
import { fileForPath } from '../helpers/serve.ts';
import { builtSite, SITES, type SiteName } from '../helpers/sites.ts';

const MB = 1024 * 1024;

function read(name: SiteName) {
  const dir = builtSite(name);
  const { base } = SITES[name];
  const json = <T>(url: string) => JSON.parse(readFileSync(fileForPath(dir, base, url)!, 'utf8')) as T;
  const site = json<SiteManifest>(`${base}offline/site.json`);
  // The precache list as the bundled worker has it (quoted as the minifier chose; paths percent-encoded).
  const precached = [...readFileSync(path.join(dir, 'sw.js'), 'utf8').matchAll(/url:([`"'])([^`"']+)\1,revision/g)].map(
    (m) => decodeURIComponent(m[2]!),
  );
  /** The size of the file a URL names, as served. */
  const bytes = (url: string) => statSync(fileForPath(dir, base, url)!).size;
  return { dir, base, site, precached, json, bytes };
}

/** Checks that every file a note manifest lists exists with the size it states. */
function assertTrue(note: NoteManifest, bytes: (url: string) => number): void {
  const files = [
    ...note.pages,
    ...note.fragments,
    ...note.figures.flatMap((figure) => [figure.original, ...figure.variants]),
  ];
  for (const file of files) assert.equal(file.bytes, bytes(file.url), file.url);
}

describe('offline: the small site is precached whole', () => {
  const { dir, site, precached, json, bytes } = read('root');

  it('precaches every page, figure and the search index, under 4 MB', () => {
    assert.equal(site.mode, 'whole');
    assert.ok(site.precacheBytes <= 4 * MB && site.precacheBytes === site.totalBytes, `${site.precacheBytes} B`);
    for (const file of htmlFiles(dir)) assert.ok(precached.includes(file), file);
    assert.equal(precached.filter((url) => url.startsWith('figures/')).length, 21);
    assert.ok(precached.some((url) => url.startsWith('pagefind/index/')));
  });

  it("lists a note's pages, figures and the text search shows of its pages, with their sizes", () => {
    const [entry] = site.notes;
    const note = json<NoteManifest>(entry!.manifest);
    assert.equal(note.title, '生成式AI学习笔记');
    // The note page, four chapters and the whole note on one page (not searched: no search text of its own).
    assert.equal(note.pages.length, 6);
    assert.equal(note.figures.length, 21);
    // Each searched page's head, and the further parts of its text (1,000 words each) where it is longer.
    const heads = note.fragments.filter((file) => !/-\d+\.pf_page$/.test(file.url));
    assert.equal(heads.length, 5);
    assert.ok(note.fragments.length > heads.length);
    assertTrue(note, bytes);
  });
});

describe('offline: the large site precaches its shell and search index only', () => {
  const { dir, base, site, precached, json, bytes } = read('manySubPath');

  it('stores the shell, the search runtime and index, within 5 MB, and no note', () => {
    assert.equal(site.mode, 'shell');
    assert.ok(site.totalBytes > 20 * MB, `the whole site is ${site.totalBytes} B`);
    assert.ok(site.precacheBytes <= 5 * MB, `${site.precacheBytes} B`);
    assert.equal(site.search.precached, true);
    for (const wanted of ['index.html', '404.html', 'offline/index.html', 'note-list.json', 'pagefind/pagefind.js']) {
      assert.ok(precached.includes(wanted), wanted);
    }
    for (const pattern of [
      /^pagefind\/wasm\./,
      /^pagefind\/index\//,
      /\.pf_meta$/,
      /^pagefind\/search\.pf_site$/,
      /^_astro\//,
    ]) {
      assert.ok(
        precached.some((url) => pattern.test(url)),
        String(pattern),
      );
    }
    assert.deepEqual(
      precached.filter((url) => /^note-\d|^figures\/|^pagefind\/page\/|^categories\//.test(url)),
      [],
    );
  });

  it("lists each note's pages, figure and the text search shows of each page, each file the page's own", () => {
    assert.equal(site.notes.length, 1500);
    const note = json<NoteManifest>(site.notes[0]!.manifest);
    assert.deepEqual(
      note.pages.map((page) => decodeURIComponent(page.url)),
      [`${base}note-0001/`, `${base}note-0001/1-概念/`, `${base}note-0001/2-练习/`, `${base}note-0001/全文·打印/`],
    );
    assert.equal(note.figures.length, 1);
    assert.equal(note.fragments.length, 3);
    assertTrue(note, bytes);
    // Each file starts with its page's head (src/lib/search-store.ts), which names the page.
    const named = note.fragments.map((fragment) => {
      const text = gunzipSync(readFileSync(fileForPath(dir, base, fragment.url)!)).toString('utf8');
      return `${base}${(JSON.parse(text.slice(0, text.indexOf('\n'))) as { p: string }).p}`;
    });
    assert.deepEqual(
      named,
      note.pages.slice(0, 3).map((page) => decodeURIComponent(page.url)),
    );
    assert.deepEqual(site.notes[0]!.bytes.length, 4);
  });

  it('lists the pages of no note (categories, tags, archive) for saving the whole site', () => {
    const pages = site.pages.map((page) => decodeURIComponent(page.url));
    for (const wanted of ['', 'categories/', 'categories/编程/', 'tags/', 'archives/', 'archives/page/2/']) {
      assert.ok(pages.includes(`${base}${wanted}`), wanted);
    }
    assert.ok(!pages.some((page) => /note-\d+/.test(page)));
  });
});

describe('offline: a note with screenshots', () => {
  const { site, precached, json, bytes } = read('figures');

  it("precaches one copy of each screenshot or photo (the text column's), not the originals, and lists all for saving", () => {
    assert.equal(site.mode, 'whole');
    assert.deepEqual(
      precached
        .filter((url) => url.startsWith('figures/'))
        .map((url) => url.replace(/^.*\//, ''))
        .sort(),
      ['山坡照片.jpg.640.webp', '流程图.svg', '终端截图.png.640.webp'],
    );
    const note = json<NoteManifest>(site.notes[0]!.manifest);
    assert.deepEqual(
      note.figures.map((figure) => figure.variants.map((variant) => variant.width)),
      [[360, 640, 960, 1280], [360, 640, 960, 1200], []],
    );
    assertTrue(note, bytes);
  });
});
