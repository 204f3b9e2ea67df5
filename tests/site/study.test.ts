/**
 * The study features as built, read from the HTML: the whole-note page
 * (every chapter, figure and footnote, ids unique, kept out of search and
 * the sitemap), figures numbered per chapter with a dialog each, reading
 * times, the note's last-updated date and where it came from, and the
 * elements the reading script looks for.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { WHOLE_NOTE_SEGMENT } from '../../src/lib/urls.ts';
import { htmlFiles, page, select, selectAll, squash, toText } from '../helpers/html.ts';
import { builtSite, ROOT } from '../helpers/sites.ts';

const NOTE = '生成式ai学习笔记';
const CHAPTERS = [
  '1-chatgpt-原理剖析',
  '2-能够使用工具的ai',
  '3-生成式学习的两种策略',
  '4-finetuning-vs-prompting微调与提示对于大型语言模型的不同期待衍生的两种使用方式',
];
const FIGURES_PER_CHAPTER = [6, 6, 6, 3];

describe('the whole-note page', () => {
  const dir = builtSite('root');
  const at = (relative: string) => page(path.join(dir, relative));
  const whole = at(`${NOTE}/${WHOLE_NOTE_SEGMENT}/index.html`);
  const article = select('article', whole)!;

  it('has the introduction and every chapter, in order, each chapter a section under its heading', () => {
    assert.match(toText(article), /该文章主要是对李宏毅教授/);
    const sections = selectAll('section.whole-note-chapter', article);
    assert.deepEqual(
      sections.map((section) => select('h2', section)!.properties.id),
      CHAPTERS,
    );
    for (const [index, slug] of CHAPTERS.entries()) {
      const chapter = select('article', at(`${NOTE}/${slug}/index.html`))!;
      // The chapter page's text, less its header (note name, title, reading time), is in the section.
      const body = squash(toText(chapter)).replace(squash(toText(select('header', chapter)!)), '');
      assert.ok(squash(toText(sections[index]!)).includes(body), `chapter ${index + 1} is all there`);
    }
  });

  it('has all 21 figures, numbered as in the chapters, and their dialogs', () => {
    const captions = selectAll('figure > figcaption', article).map((caption) => toText(caption));
    assert.equal(captions.length, 21);
    assert.deepEqual(
      captions.map((caption) => caption.split(' ')[1]),
      FIGURES_PER_CHAPTER.flatMap((count, chapter) =>
        Array.from({ length: count }, (_, i) => `${chapter + 1}-${i + 1}`),
      ),
    );
    for (const button of selectAll('button[commandfor]', article)) {
      const target = String(button.properties.commandFor);
      assert.ok(
        selectAll('dialog', article).some((dialog) => dialog.properties.id === target),
        `${target} is a dialog on the page`,
      );
    }
  });

  it('gives every element its own id, and moves chapter sections under the chapter headings', () => {
    const ids = selectAll('[id]', whole).map((element) => String(element.properties.id));
    assert.equal(new Set(ids).size, ids.length, ids.filter((id, i) => ids.indexOf(id) !== i).join(' '));
    assert.equal(selectAll('h1', whole).length, 1);
    assert.ok(selectAll('section.whole-note-chapter h3', article).length >= 10, 'sections are h3');
    assert.equal(selectAll('section.whole-note-chapter h2', article).length, 4, 'only chapter titles are h2');
  });

  it('is linked from the note page, and lists the chapters at its top', () => {
    const links = selectAll('a', at(`${NOTE}/index.html`)).map((a) => decodeURIComponent(String(a.properties.href)));
    assert.ok(links.includes(`/${NOTE}/${WHOLE_NOTE_SEGMENT}/`));
    assert.deepEqual(
      selectAll('.whole-note-contents a', whole).map((a) => decodeURIComponent(String(a.properties.href))),
      CHAPTERS.map((slug) => `#${slug}`),
    );
  });

  it('is not searched (each result would be there twice)', () => {
    assert.equal(selectAll('[data-pagefind-body]', whole).length, 0);
    const indexed = htmlFiles(dir).filter((file) =>
      readFileSync(path.join(dir, file), 'utf8').includes('data-pagefind-body'),
    );
    const entry = JSON.parse(readFileSync(path.join(dir, 'pagefind/pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    assert.equal(Object.values(entry.languages)[0]?.page_count, indexed.length);
  });

  it('exists only for notes with chapters, and loads KaTeX when a chapter has math', () => {
    const fixtures = builtSite('fixtures');
    const files = htmlFiles(fixtures).filter((file) => file.includes(WHOLE_NOTE_SEGMENT));
    assert.deepEqual(files.sort(), [
      `mdx-note/${WHOLE_NOTE_SEGMENT}/index.html`,
      `数学笔记/${WHOLE_NOTE_SEGMENT}/index.html`,
    ]);
    const math = page(path.join(fixtures, `数学笔记/${WHOLE_NOTE_SEGMENT}/index.html`));
    assert.ok(select('link[rel="stylesheet"][href$="katex.min.css"]', math));
    assert.ok(selectAll('.katex', math).length >= 2);
    // The footnote both chapters cite: each chapter keeps its own copy, each reference finds its own.
    const references = selectAll('a[data-footnote-ref]', math);
    assert.equal(references.length, 2);
    const targets = references.map((a) => decodeURIComponent(String(a.properties.href)).slice(1));
    assert.equal(new Set(targets).size, 2);
    for (const target of targets) {
      const note = selectAll('[id]', math).find((element) => element.properties.id === target);
      assert.match(toText(note!), /毕达哥拉斯定理/);
    }
  });
});

describe('figures, reading time and dates', () => {
  const dir = builtSite('root');
  const at = (relative: string) => page(path.join(dir, relative));

  for (const [index, slug] of CHAPTERS.entries()) {
    it(`chapter ${index + 1}: figures numbered 图 ${index + 1}-1 … in their captions, each opening its own dialog; a reading time`, () => {
      const chapter = at(`${NOTE}/${slug}/index.html`);
      const figures = selectAll('article figure', chapter);
      assert.deepEqual(
        figures.map((figure) => toText(select('.figure-number', figure)!)),
        Array.from({ length: FIGURES_PER_CHAPTER[index]! }, (_, i) => `图 ${index + 1}-${i + 1}`),
      );
      for (const figure of figures) {
        const button = select('button.figure-open[command="show-modal"]', figure)!;
        const dialog = select('dialog.figure-dialog', figure)!;
        assert.equal(button.properties.commandFor, dialog.properties.id);
        assert.equal(select('button[command="close"]', dialog)!.properties.commandFor, dialog.properties.id);
        assert.equal(select('img', dialog)!.properties.src, select('img', button)!.properties.src);
        assert.equal(select('img', dialog)!.properties.loading, 'lazy');
        assert.equal(toText(select('.figure-dialog-caption', dialog)!), toText(select('figcaption', figure)!));
      }
      assert.match(toText(select('.reading-time', chapter)!), /^约 \d+ 分钟读完$/);
      assert.ok(select('[data-progress-end]', chapter), 'the end of the chapter is marked for progress');
    });
  }

  it('gives each chapter its reading time on the note page, and the whole note’s', () => {
    const note = at(`${NOTE}/index.html`);
    assert.deepEqual(
      selectAll('.note-chapters .chapter-minutes', note).map((minutes) => toText(minutes)),
      ['约 3 分钟', '约 1 分钟', '约 1 分钟', '约 1 分钟'],
    );
    assert.match(toText(select('.note-progress-summary', note)!), /约 7 分钟读完/);
  });

  it("dates the note by its last commit where git knows it, by the file's time otherwise, and says which", () => {
    const time = select('.note-updated time', at(`${NOTE}/index.html`));
    const file = 'notes/生成式AI学习笔记.md';
    const git = (...args: string[]) => {
      try {
        return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
      } catch {
        return undefined;
      }
    };
    const history =
      git('rev-parse', '--is-shallow-repository') === 'false' && git('status', '--porcelain', file) === '';
    const commit = history ? git('log', '-1', '--format=%cI', '--', file) : undefined;
    const expected = commit ? { source: 'git', date: commit } : { source: 'file', date: undefined };
    // Shown unless it is the day the note was written (2023-03-13).
    if (!time) return assert.equal(expected.date?.slice(0, 10), '2023-03-13');
    assert.equal(time.properties.dataDateSource, expected.source);
    if (expected.date) assert.equal(time.properties.dateTime, expected.date);
    assert.match(toText(time), /^\d{4}-\d{2}-\d{2}$/);
  });
});
