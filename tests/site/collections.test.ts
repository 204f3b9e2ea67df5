/**
 * A collection the size of a real one: 1,500 generated notes in nested
 * categories, tagged and dated over seven years (`scripts/bench/collection.ts`).
 * The home page stays light and useful; category, tag and archive pages list
 * every note, page by page; a note's categories and tags lead to them; and
 * every link resolves, at the root and under a sub-path.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { briefNoteName, filing } from '../../scripts/bench/collection.ts';
import type { NoteListEntry } from '../../src/lib/note-filter.ts';
import { htmlFiles, page, select, selectAll, toText } from '../helpers/html.ts';
import { fileForPath } from '../helpers/serve.ts';
import { builtSite, MANY_NOTES, SITES, type SiteName } from '../helpers/sites.ts';

const KB = 1024;
const INDEXES = Array.from({ length: MANY_NOTES }, (_, i) => i + 1);

/** Each note's category paths, read back from what the generator wrote. */
const pathsOf = (index: number) =>
  [...filing(index).categories.matchAll(/\[([^\]]+)\]/g)].map((match) => match[1]!.split(', '));
const titleOf = (index: number) => `${filing(index).area}笔记 第${index}篇`;

describe('1,500 notes: the home page', () => {
  const dir = builtSite('many');
  const html = readFileSync(path.join(dir, 'index.html'));
  const home = page(path.join(dir, 'index.html'));

  it('weighs at most 15 KB of HTML gzipped', () => {
    const bytes = gzipSync(html).length;
    assert.ok(bytes <= 15 * KB, `${bytes} B`);
  });

  it('shows the newest notes first, with a way to all of them by date', () => {
    const cards = selectAll('.note-card h3', home).map((h) => toText(h));
    assert.deepEqual(cards, [1, 2, 3, 4, 5, 6].map(titleOf));
    assert.ok(selectAll('a', home).some((a) => a.properties.href === '/archives/' && /1500/.test(toText(a))));
  });

  it('groups the notes by category, with the number of notes in each, sub-categories beneath', () => {
    const top = selectAll('.category-tree-compact > li', home);
    const expected = new Map<string, number>();
    for (const index of INDEXES) {
      for (const subject of new Set(pathsOf(index).map((p) => p[0]!))) {
        expected.set(subject, (expected.get(subject) ?? 0) + 1);
      }
    }
    const shown = new Map(
      top.map((li) => [toText(select('a', li)!), Number(/(\d+) 篇/.exec(toText(select('.count', li)!))?.[1])]),
    );
    assert.deepEqual(shown, expected);
    const programming = top.find((li) => toText(select('a', li)!) === '编程')!;
    assert.deepEqual(
      selectAll(':scope > ul > li > a', programming)
        .map((a) => toText(a))
        .sort(),
      ['Python', 'Rust', '前端', '数据库'].sort(),
    );
  });

  it('has a filter over every note, whose list loads only when used', () => {
    const filter = select('.note-filter', home)!;
    assert.ok(select('input[type="search"]', filter));
    const list = JSON.parse(readFileSync(path.join(dir, 'note-list.json'), 'utf8')) as { notes: NoteListEntry[] };
    assert.equal(list.notes.length, MANY_NOTES);
    for (const [title, url] of list.notes) assert.ok(fileForPath(dir, '/', url), `${title}: ${url}`);
    assert.ok(!html.includes(titleOf(MANY_NOTES)), 'the oldest note is not on the home page itself');
  });

  it('shows the most used tags and the years, each leading to its page', () => {
    for (const link of [...selectAll('.tag-cloud a', home), ...selectAll('.archive-years a', home)]) {
      assert.ok(fileForPath(dir, '/', String(link.properties.href)), String(link.properties.href));
    }
    assert.equal(toText(selectAll('.archive-years a', home)[0]!), '2025 年');
  });
});

describe('1,500 notes: category, tag and archive pages', () => {
  const dir = builtSite('many');
  const at = (url: string) => page(fileForPath(dir, '/', url)!);

  /** Follows a list from its first page through its `rel=next` links: each page's note titles. */
  const walk = (first: string) => {
    const pages: string[][] = [];
    for (let url: string | undefined = first; url; ) {
      const tree = at(url);
      pages.push(selectAll('.note-listing a', tree).map((a) => toText(a)));
      const next = select('a[rel="next"]', tree);
      url = next ? String(next.properties.href) : undefined;
    }
    return pages;
  };
  const sorted = (titles: string[]) => [...titles].sort();

  const categories: [string, string[]][] = [
    ['/categories/编程/', ['编程']],
    ['/categories/编程/python/', ['编程', 'Python']],
    ['/categories/编程/python/进阶/', ['编程', 'Python', '进阶']],
    ['/categories/读书/历史/', ['读书', '历史']],
  ];
  for (const [url, wanted] of categories) {
    it(`lists every note filed under ${wanted.join(' / ')}, 50 a page, newest first`, () => {
      const expected = INDEXES.filter((index) =>
        pathsOf(index).some((p) => wanted.every((name, level) => p[level] === name)),
      );
      const pages = walk(url.split('/').map(encodeURIComponent).join('/'));
      assert.equal(pages.length, Math.ceil(expected.length / 50));
      assert.ok(pages.every((titles) => titles.length <= 50));
      assert.deepEqual(pages.flat(), expected.map(titleOf));
      assert.match(
        toText(select('.lead', at(url.split('/').map(encodeURIComponent).join('/')))!),
        new RegExp(`${expected.length} 篇笔记`),
      );
    });
  }

  it('lists every note with a tag on its pages', () => {
    const expected = INDEXES.filter((index) => filing(index).tags.includes('复习')).map(titleOf);
    assert.deepEqual(sorted(walk(`/tags/${encodeURIComponent('复习')}/`).flat()), sorted(expected));
  });

  it('has an index of every category and of every tag', () => {
    const all = selectAll('.category-tree a', at('/categories/')).map((a) => String(a.properties.href));
    assert.equal(all.length, new Set(all).size);
    assert.equal(all.length, Number(/(\d+) 个分类/.exec(toText(select('.lead', at('/categories/'))!))?.[1]));
    assert.equal(selectAll('.tag-cloud a', at('/tags/')).length, 20);
  });

  it('lists all notes in the archive, newest first, each once, under their month', () => {
    const pages = walk('/archives/');
    assert.deepEqual(pages.flat(), INDEXES.map(titleOf));
    const firstPage = at('/archives/');
    assert.match(toText(select('h2', firstPage)!), /^2025 年 6 月$/);
  });

  it('has a page per year with the notes of that year', () => {
    const expected = INDEXES.filter((index) => filing(index).date.startsWith('2020')).map(titleOf);
    assert.deepEqual(walk('/archives/2020/').flat(), expected);
  });

  it("leads from a note's categories and tags to pages that list it", () => {
    for (const index of [7, 11, 77, 1500]) {
      const note = at(`/${briefNoteName(index)}/`);
      const links = selectAll('.note-meta a.tag', note);
      assert.equal(links.length, pathsOf(index).length + filing(index).tags.length, `note ${index}`);
      for (const link of links) {
        const listed = walk(String(link.properties.href)).flat();
        assert.ok(listed.includes(titleOf(index)), `${toText(link)} lists note ${index}`);
      }
    }
  });
});

/** Every `href`, `src` and `srcset` URL of an HTML file, read with a pattern (thousands of pages, quickly). */
function urlsIn(html: string): string[] {
  const urls: string[] = [];
  for (const [, attribute, value] of html.matchAll(/\s(href|src|srcset)="([^"]*)"/g)) {
    const decoded = value!.replaceAll('&amp;', '&');
    if (attribute === 'srcset') urls.push(...decoded.split(',').map((candidate) => candidate.trim().split(/\s+/)[0]!));
    else urls.push(decoded);
  }
  return urls;
}

for (const name of ['many', 'manySubPath'] as SiteName[]) {
  const { base } = SITES[name];
  describe(`1,500 notes: links resolve (base ${base})`, () => {
    const dir = builtSite(name);
    const files = htmlFiles(dir);

    it('has every page and link: each internal URL under the base path, at a file, percent-encoded', () => {
      assert.ok(files.length > MANY_NOTES * 3, `${files.length} pages`);
      const resolved = new Map<string, boolean>();
      const broken: string[] = [];
      let checked = 0;
      for (const file of files) {
        const from = `http://site${base}${file.replace(/index\.html$/, '')}`;
        for (const url of urlsIn(readFileSync(path.join(dir, file), 'utf8'))) {
          if (/^(https?:|mailto:|data:|#)/.test(url)) continue;
          if (/[^\x21-\x7e]/.test(url)) broken.push(`${file}: ${url} is not percent-encoded`);
          const target = new URL(url, from).pathname;
          if (!resolved.has(target)) resolved.set(target, Boolean(fileForPath(dir, base, target)));
          if (!resolved.get(target)) broken.push(`${file}: ${url}`);
          checked += 1;
        }
      }
      assert.deepEqual(broken.slice(0, 20), []);
      assert.ok(checked > files.length * 10, `${checked} links`);
    });
  });
}
