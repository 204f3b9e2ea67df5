import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VFile } from 'vfile';
import { parseMarkdown } from './parse-note.ts';
import { authorSize } from './raw-figures.ts';
import { renderPart } from './render.ts';

describe('authorSize', () => {
  const cases: [string | undefined, string | number | undefined, ReturnType<typeof authorSize>][] = [
    ['zoom:50%;', undefined, { zoom: 0.5 }],
    ['zoom: 33%', undefined, { zoom: 0.33 }],
    ['ZOOM:0.8', undefined, { zoom: 0.8 }],
    ['width: 300px; border: 1px solid', undefined, { pixels: 300 }],
    [undefined, '60%', { percent: 60 }],
    [undefined, 240, { pixels: 240 }],
    [undefined, '240', { pixels: 240 }],
    ['zoom:50%', '60%', { zoom: 0.5 }],
    ['color: red', undefined, {}],
    [undefined, 'auto', {}],
  ];
  for (const [style, width, expected] of cases) {
    it(`style=${JSON.stringify(style)} width=${JSON.stringify(width)}`, () =>
      assert.deepEqual(authorSize(style, width), expected));
  }
});

/** Renders `markdown` for a note `笔记.md` whose asset folder holds `笔记/图.png` (800×400). */
async function render(markdown: string, mdx = false) {
  const file = new VFile({ path: 'notes/笔记.md', value: markdown });
  const part = await renderPart(parseMarkdown(markdown, { mdx, math: true }), {
    base: '/notes-site/',
    noteFile: '笔记.md',
    file,
    mdx,
    lookup: (figure) => (figure === '笔记/图.png' ? { width: 800, height: 400 } : undefined),
  });
  return { html: part.html, figures: part.figures, problems: file.messages.map((m) => `${m.line} ${m.ruleId}`) };
}

const SRC = 'src="/notes-site/figures/%E7%AC%94%E8%AE%B0/%E5%9B%BE.png"';

describe('rehypeRawFigures: an HTML <img> is a figure like a Markdown image', () => {
  const cases: { name: string; markdown: string; mdx?: boolean; html: RegExp }[] = [
    {
      name: "Typora's zoom, stand-alone: a figure captioned with its alt, half size",
      markdown: '<img src="笔记/图.png" style="zoom:50%;" alt="注意力" />',
      html: new RegExp(
        `<figure>.*<img ${SRC} alt="注意力" width="400" height="200" loading="lazy" decoding="async">.*<figcaption>.*图 1</span> 注意力</figcaption>`,
      ),
    },
    {
      name: "a screenshot tool's alt gives way to the file name",
      markdown: '<img src="笔记/图.png" alt="image-20230313191630366" style="zoom:25%">',
      html: /alt="图" width="200" height="100".*<figcaption>.*图 1<\/span> 图<\/figcaption>/,
    },
    {
      name: 'a width in percent is kept as it is',
      markdown: '<img src="./笔记/图.png" width="60%" />',
      html: /<img src="[^"]+" alt="图" width="60%" loading="lazy"/,
    },
    {
      name: 'a width in pixels keeps the proportions',
      markdown: '<img src="笔记/%E5%9B%BE.png" width="200">',
      html: /width="200" height="100"/,
    },
    {
      name: 'a local srcset is dropped: its files are not published',
      markdown: '<img src="笔记/图.png" srcset="笔记/图@2x.png 2x" sizes="50vw">',
      html: new RegExp(
        `<figure>.*<img ${SRC} alt="图" width="800" height="400" loading="lazy" decoding="async">.*<figcaption>`,
      ),
    },
    {
      name: 'inside a sentence it stays inline',
      markdown: '如图 <img src="笔记/图.png" style="zoom:10%"> 所示',
      html: new RegExp(`<p>如图 <img ${SRC} alt="图" width="80" height="40" loading="lazy" decoding="async"> 所示</p>`),
    },
    {
      name: 'written as JSX in MDX',
      markdown: '<img src="笔记/图.png" style="zoom:50%" alt="图示" />',
      mdx: true,
      html: /<figure>.*<img [^>]*width="400" height="200"[^>]*>.*<figcaption>.*图 1<\/span> 图示<\/figcaption>/,
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const { html, figures, problems } = await render(c.markdown, c.mdx);
      assert.match(html, c.html);
      assert.doesNotMatch(html, /style=/);
      assert.deepEqual(figures, ['笔记/图.png']);
      assert.deepEqual(problems, []);
    });
  }

  const problems: [string, string, string][] = [
    ['a missing file', '\n<img src="笔记/没有.png">', '2 missing-figure'],
    ['a file outside the notes folder', '<img src="../secret.png">', '1 figure-location'],
    ['an image from another site', '<img src="https://example.org/a.png" style="zoom:50%">', '1 remote-resource'],
  ];
  for (const [name, markdown, problem] of problems) {
    it(`reports ${name} as a Markdown image's would be`, async () => {
      const { figures, problems: found } = await render(markdown);
      assert.deepEqual(figures, []);
      assert.ok(found.includes(problem), found.join('\n'));
    });
  }
});

describe('SVG figures published without what could run', () => {
  it('warns at the line of each image whose drawing had something removed', async () => {
    const markdown = '# 图\n\n![脚本](笔记/坏.svg)\n\n<img src="笔记/坏.svg">\n';
    const file = new VFile({ path: 'notes/笔记.md', value: markdown });
    await renderPart(parseMarkdown(markdown, { mdx: false, math: true }), {
      base: '/',
      noteFile: '笔记.md',
      file,
      lookup: (figure) =>
        figure === '笔记/坏.svg' ? { width: 10, height: 10, removed: ['<script>', 'onload= on <svg>'] } : undefined,
    });
    const warnings = file.messages.map((m) => `${m.line} ${m.ruleId} ${m.fatal ? 'error' : 'warning'}`);
    assert.deepEqual(warnings, ['3 svg-sanitized warning', '5 svg-sanitized warning']);
    assert.match(
      file.messages[0]!.reason,
      /published without what could run or load from elsewhere: <script>, onload= on <svg>/,
    );
  });
});
