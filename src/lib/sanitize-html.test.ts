import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { VFile } from 'vfile';
import { measureFigure } from './build-notes.ts';
import { loadNote } from './load-note.ts';
import { parseMarkdown } from './parse-note.ts';
import { problemsIn } from './problems.ts';
import { renderPart } from './render.ts';

/** Renders `markdown` as one part of a note (`.mdx` when asked); its HTML and problems as `line severity rule`. */
async function render(markdown: string, mdx = false) {
  const file = new VFile({ path: 'notes/a.md', value: markdown });
  const part = await renderPart(parseMarkdown(markdown, { mdx, math: true }), {
    base: '/',
    noteFile: 'a.md',
    file,
    mdx,
    lookup: (figure) => (figure === '图/a.png' ? { width: 800, height: 400 } : undefined),
  });
  const problems = file.messages.map((m) => `${m.line} ${m.fatal ? 'error' : 'warning'} ${m.ruleId}`);
  return { html: part.html, problems, messages: problemsIn(file).map((p) => p.message), figures: part.figures };
}

describe('rehypeSanitizeNote keeps what a document means', () => {
  const kept: [string, string, RegExp][] = [
    [
      'details and summary',
      '<details open>\n<summary>答案</summary>\n\n四十二\n\n</details>',
      /<details open>\s*<summary>答案<\/summary>/,
    ],
    [
      'kbd, sub, sup, mark',
      '按 <kbd>Ctrl</kbd>，H<sub>2</sub>O，x<sup>2</sup>，<mark>重点</mark>',
      /<kbd>Ctrl<\/kbd>.*<sub>2<\/sub>.*<sup>2<\/sup>.*<mark>重点<\/mark>/,
    ],
    ['classes and ids', '<div class="tip warn" id="提示">小心</div>', /<div class="tip warn" id="提示">小心<\/div>/],
    [
      'HTML tables',
      '<table><tr><td colspan="2" align="center">格</td></tr></table>',
      /<td colspan="2" align="center">格<\/td>/,
    ],
    ['an old-style anchor, as an id', '<a name="第一节"></a>\n\n[到第一节](#第一节)', /<a id="第一节"><\/a>/],
    [
      'links to the web, mail and fragments',
      '[网](https://example.org) [信](mailto:a@example.org) [节](#x) [笔记](另一篇.md)',
      /href="https:\/\/example.org".*href="mailto:a@example.org".*href="#x".*href="%E5%8F%A6%E4%B8%80%E7%AF%87.md"/,
    ],
    [
      'inline picture data',
      '![点](data:image/png;base64,iVBORw0KGgo=)',
      /<img src="data:image\/png;base64,iVBORw0KGgo=" alt="点">/,
    ],
    ['GFM task lists', '- [x] 做完\n- [ ] 没做', /<input type="checkbox" checked disabled>/],
    ['footnotes', '正文[^1]\n\n[^1]: 脚注', /data-footnote-ref.*data-footnotes/s],
  ];
  for (const [name, markdown, expected] of kept) {
    it(name, async () => {
      const { html, problems } = await render(markdown);
      assert.match(html, expected);
      assert.deepEqual(problems, []);
    });
  }
});

describe('rehypeSanitizeNote drops what could act, and says so at the line', () => {
  const cases: { name: string; markdown: string; mdx?: boolean; absent: RegExp; problems: string[]; says?: RegExp }[] =
    [
      {
        name: 'a javascript: link (its text kept)',
        markdown: '\n[点我](javascript:alert(1))',
        absent: /javascript/,
        problems: ['2 warning unsafe-url'],
        says: /the link javascript:alert\(1\) uses javascript:/,
      },
      {
        name: 'an autolink to javascript:',
        markdown: '<javascript:alert(1)>',
        absent: /href/,
        problems: ['1 warning unsafe-url'],
      },
      {
        name: 'a reference link to vbscript:',
        markdown: '[点][r]\n\n[r]: vbscript:msgbox(1)',
        absent: /vbscript/,
        problems: ['1 warning unsafe-url'],
      },
      {
        name: 'a data:text/html link',
        markdown: '[x](data:text/html,<b>x</b>)',
        absent: /href/,
        problems: ['1 warning unsafe-url'],
      },
      {
        name: 'a disguised scheme',
        markdown: '<a href="JaVa&#x09;ScRiPt:alert(1)">x</a>',
        absent: /href/,
        problems: ['1 warning unsafe-url'],
      },
      {
        name: 'a script',
        markdown: 'a\n\n<script>alert(1)</script>\n',
        absent: /script|alert/,
        problems: ['3 warning html-removed'],
        says: /<script> with its content/,
      },
      {
        name: 'event handlers',
        markdown: '<kbd onclick="alert(1)">K</kbd> <img src="图/a.png" onerror="alert(2)">',
        absent: /onclick|onerror|alert/,
        problems: ['1 warning html-removed'],
        says: /onclick= on <kbd>, onerror= on <img>/,
      },
      {
        name: 'inline styles',
        markdown: '<span style="color:red">红</span>',
        absent: /style/,
        problems: ['1 warning html-removed'],
      },
      {
        name: 'an inline SVG',
        markdown: '<svg onload="alert(1)"><circle r="3"/></svg>',
        absent: /svg|alert/,
        problems: ['1 warning html-removed'],
      },
      {
        name: 'a form',
        markdown: '<form action="https://example.org"><button>发</button></form>',
        absent: /form|button|action/,
        problems: ['1 warning html-removed'],
      },
      {
        name: 'a base element',
        markdown: '<base href="https://example.org/">',
        absent: /base/,
        problems: ['1 warning html-removed'],
      },
      {
        name: 'search metadata',
        markdown: '<div data-pagefind-meta="url:javascript:alert(1)">x</div>',
        absent: /pagefind/,
        problems: ['1 warning html-removed'],
      },
      {
        name: 'an image that is an HTML page',
        markdown: '![x](data:text/html;base64,PHNjcmlwdD4=)',
        absent: /<img/,
        problems: ['1 warning unsafe-url'],
      },
      {
        name: 'MDX: a script, a handler and a javascript: href',
        markdown:
          '<script>alert(1)</script>\n\n<kbd onClick="alert(2)">K</kbd>\n\n<a href="javascript:alert(3)" className="x">点</a>',
        mdx: true,
        absent: /alert|script/,
        problems: ['1 warning html-removed', '3 warning html-removed', '5 warning unsafe-url'],
      },
    ];
  for (const c of cases) {
    it(c.name, async () => {
      const { html, problems, messages } = await render(c.markdown, c.mdx);
      assert.doesNotMatch(html, c.absent);
      assert.deepEqual(problems.sort(), c.problems.sort());
      if (c.says)
        assert.ok(
          messages.some((message) => c.says?.test(message)),
          messages.join('\n'),
        );
    });
  }

  it('keeps classes written as JSX in MDX', async () => {
    const { html, problems } = await render('<a href="https://example.org" className="x y">好</a>', true);
    assert.match(html, /<a href="https:\/\/example.org" class="x y">好<\/a>/);
    assert.deepEqual(problems, []);
  });
});

describe('rehypeSanitizeNote refuses what would load from another site', () => {
  const cases: [string, string, boolean?][] = [
    ['an image', '<img src="https://example.org/a.png">'],
    ['a protocol-relative image', '<img src="//cdn.example.org/a.png">'],
    ['an image set', '<img src="图/a.png" srcset="https://example.org/a@2x.png 2x">'],
    ['a script', '<script src="https://example.org/a.js"></script>'],
    ['a frame', '<iframe src="https://example.org/"></iframe>'],
    ['a stylesheet', '<link rel="stylesheet" href="https://example.org/a.css">'],
    ['a video and its poster', '<video src="https://example.org/a.mp4" poster="https://example.org/a.png"></video>'],
    ['an object', '<object data="https://example.org/a.swf"></object>'],
    ['a remote iframe in MDX', '<iframe src="https://example.org/" />', true],
  ];
  for (const [name, markdown, mdx] of cases) {
    it(name, async () => {
      const { html, problems, messages } = await render(markdown, mdx);
      assert.doesNotMatch(html, /example\.org/);
      assert.ok(problems.includes('1 error remote-resource'), problems.join('\n'));
      assert.ok(messages.some((message) => /loads from another site; the notes must work offline/.test(message)));
    });
  }
});

describe('the notes of this repository lose nothing', () => {
  const notes = path.resolve(import.meta.dirname, '../../notes');
  it('the first note renders with no problem, every figure and element kept', async () => {
    const relativePath = '生成式AI学习笔记.md';
    const { note, problems } = await loadNote(
      {
        relativePath,
        displayFile: `notes/${relativePath}`,
        text: readFileSync(path.join(notes, relativePath), 'utf8'),
      },
      { base: '/', lookup: (figure) => measureFigure(path.join(notes, figure)) },
    );
    assert.deepEqual(problems, []);
    const figures = [note!.intro, ...note!.chapters].flatMap((part) => part.figures);
    assert.equal(figures.length, 21);
  });
});
