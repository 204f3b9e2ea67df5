import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { buildNotes, measureFigure, svgDescription } from './build-notes.ts';
import { loadNote } from './load-note.ts';

const fixtures = path.join(import.meta.dirname, 'fixtures');
const lookup = (relative: string) => measureFigure(path.join(fixtures, relative));

describe('loadNote', () => {
  it('loads a note with front matter, an introduction, chapters, math, a figure and a table', async () => {
    const text = readFileSync(path.join(fixtures, 'all-syntax.md'), 'utf8');
    const { note, problems } = await loadNote(
      { relativePath: 'all-syntax.md', displayFile: 'fixtures/all-syntax.md', text },
      { base: '/', lookup },
    );
    assert.deepEqual(problems, []);
    assert.ok(note);
    assert.equal(note.title, '全部语法');
    assert.equal(note.slug, 'all-syntax');
    assert.deepEqual(note.date, { iso: '2024-01-02', text: '2024-01-02' });
    assert.deepEqual(note.tags, ['测试']);
    assert.match(note.intro.html, /引言段落/);
    assert.deepEqual(
      note.chapters.map((c) => [c.slug, c.path, c.hasMath]),
      [
        ['1-数学', 'all-syntax/1-数学/', true],
        ['2-图与表', 'all-syntax/2-图与表/', false],
      ],
    );
    const [, second] = note.chapters;
    assert.deepEqual(second?.figures, ['资产/图.svg']);
    assert.match(
      second?.html ?? '',
      /<figure><button type="button" class="figure-open" command="show-modal" commandfor="图·1"><span class="figure-open-label" data-pagefind-ignore="">放大：<\/span><img src="\/figures\/%E8%B5%84%E4%BA%A7\/%E5%9B%BE.svg" alt="图" width="400" height="200"/,
    );
    // Figures are numbered per chapter: the first figure of chapter 2.
    assert.match(second?.html ?? '', /<figcaption><span class="figure-number"[^>]*>图 2-1<\/span> 图<\/figcaption>/);
    assert.deepEqual(
      second?.headings.map((h) => [h.depth, h.text]),
      [[2, '2.1 小节']],
    );
  });

  it('splits the generative-AI note into its four chapters', async () => {
    const notesDir = path.join(import.meta.dirname, '../../notes');
    const { content: site, problems } = await buildNotes({ notesDir, base: '/' });
    assert.deepEqual(problems, []);
    const note = site.notes.find((n) => n.title === '生成式AI学习笔记');
    assert.ok(note);
    assert.deepEqual(note.categories, [['算法学习']]);
    assert.equal(note.date?.text, '2023-03-13');
    assert.deepEqual(
      note.chapters.map((c) => c.heading),
      [
        '1 ChatGPT 原理剖析',
        '2 能够使用工具的AI',
        '3 生成式学习的两种策略',
        '4 Finetuning vs Prompting(微调与提示)：对于大型语言模型的不同期待衍生的两种使用方式',
      ],
    );
    assert.match(note.intro.html, /李宏毅教授/);
    assert.equal(note.chapters.flatMap((c) => c.figures).length, 21);
    assert.equal(site.figures.length, 21);
    // `### 1.1` under `# 1` and under `## 2` both become h2.
    assert.deepEqual(
      note.chapters.map((c) => c.headings[0]?.depth),
      [2, 2, 2, 2],
    );
    assert.match(
      note.chapters[0]!.html,
      /<figcaption><span class="figure-number"[^>]*>图 1-2<\/span> 历史信息<\/figcaption>/,
    );
    // Read by characters (chapter 1 has about 800 Han characters and six figures), not by space-separated words.
    assert.deepEqual(
      note.chapters.map((c) => c.readingMinutes),
      [3, 1, 1, 1],
    );
  });
});

describe('svgDescription', () => {
  const cases: [string, string | undefined][] = [
    ['<svg><title>标题</title><desc id="d">说明 &amp; 解释</desc></svg>', '说明 & 解释'],
    ['<svg><title>只有标题</title></svg>', '只有标题'],
    ['<svg viewBox="0 0 1 1"/>', undefined],
  ];
  for (const [svg, expected] of cases) it(JSON.stringify(expected), () => assert.equal(svgDescription(svg), expected));
});
