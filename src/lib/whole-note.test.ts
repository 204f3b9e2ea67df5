import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { loadNote } from './load-note.ts';
import { embedParts } from './whole-note.ts';

describe('embedParts', () => {
  const cases: [string, Parameters<typeof embedParts>, string[]][] = [
    [
      "prefixes a chapter's ids and the links to them",
      [[{ html: '<h2 id="小结">小结<a href="#%E5%B0%8F%E7%BB%93">#</a></h2>', prefix: '1-甲/', demote: 0 }]],
      ['<h2 id="1-甲/小结">小结<a href="#1-%E7%94%B2%2F%E5%B0%8F%E7%BB%93">#</a></h2>'],
    ],
    [
      'keeps the introduction as it is',
      [[{ html: '<h2 id="前言">前言</h2>', prefix: '', demote: 0 }]],
      ['<h2 id="前言">前言</h2>'],
    ],
    [
      'moves headings down a level, h6 staying h6',
      [[{ html: '<h2 id="a">a</h2><h3 id="b">b</h3><h6 id="c">c</h6>', prefix: '', demote: 1 }]],
      ['<h3 id="a">a</h3><h4 id="b">b</h4><h6 id="c">c</h6>'],
    ],
    [
      'gives two chapters their own copies of a shared footnote',
      [
        [
          {
            html: '<sup><a href="#user-content-fn-1" id="user-content-fnref-1" aria-describedby="footnote-label">1</a></sup><h2 id="footnote-label">脚注</h2><li id="user-content-fn-1"><a href="#user-content-fnref-1">↩</a></li>',
            prefix: '1-甲/',
            demote: 0,
          },
          {
            html: '<sup><a href="#user-content-fn-1" id="user-content-fnref-1" aria-describedby="footnote-label">1</a></sup><h2 id="footnote-label">脚注</h2>',
            prefix: '2-乙/',
            demote: 0,
          },
        ],
      ],
      [
        '<sup><a href="#1-%E7%94%B2%2Fuser-content-fn-1" id="1-甲/user-content-fnref-1" aria-describedby="1-甲/footnote-label">1</a></sup><h2 id="1-甲/footnote-label">脚注</h2><li id="1-甲/user-content-fn-1"><a href="#1-%E7%94%B2%2Fuser-content-fnref-1">↩</a></li>',
        '<sup><a href="#user-content-fn-1" id="2-乙/user-content-fnref-1" aria-describedby="2-乙/footnote-label">1</a></sup><h2 id="2-乙/footnote-label">脚注</h2>',
      ],
    ],
    [
      'numbers an id that would still meet another, or one the page reserved',
      [
        [
          { html: '<h2 id="x">x</h2>', prefix: '', demote: 0 },
          { html: '<h2 id="x">x</h2><a href="#x">x</a>', prefix: '', demote: 0 },
          { html: '<h2 id="1-甲">1 甲</h2>', prefix: '', demote: 0 },
        ],
        ['1-甲'],
      ],
      ['<h2 id="x">x</h2>', '<h2 id="x-2">x</h2><a href="#x-2">x</a>', '<h2 id="1-甲-2">1 甲</h2>'],
    ],
    [
      "points a figure's button at its own dialog",
      [
        [
          { html: '<button commandfor="图·1">图</button><dialog id="图·1"></dialog>', prefix: '1-甲/', demote: 0 },
          { html: '<button commandfor="图·1">图</button><dialog id="图·1"></dialog>', prefix: '2-乙/', demote: 0 },
        ],
      ],
      [
        '<button commandfor="1-甲/图·1">图</button><dialog id="1-甲/图·1"></dialog>',
        '<button commandfor="2-乙/图·1">图</button><dialog id="2-乙/图·1"></dialog>',
      ],
    ],
    [
      'leaves links to other pages and unknown ids alone',
      [[{ html: '<a href="/n/2-x/#a">x</a><a href="#nowhere">y</a>', prefix: 'p/', demote: 0 }]],
      ['<a href="/n/2-x/#a">x</a><a href="#nowhere">y</a>'],
    ],
  ];
  for (const [name, args, expected] of cases) {
    it(name, () => assert.deepEqual(embedParts(...args), expected));
  }

  it('makes a real note one page: every id unique, every #link and reference found', async () => {
    const text = [
      '引言[^共]。',
      '# 1 甲',
      '### 1.1 小结',
      '正文[^共]，![图](a.svg)',
      '# 2 乙',
      '### 2.1 小结',
      '又引[^共]。',
      '[^共]: 两章共用的脚注。',
    ].join('\n\n');
    const { note } = await loadNote(
      { relativePath: 'n.md', displayFile: 'notes/n.md', text },
      { base: '/', lookup: () => ({ width: 10, height: 10 }) },
    );
    assert.ok(note);
    const parts = [
      { html: note.intro.html, prefix: '', demote: 0 },
      ...note.chapters.map((chapter) => ({ html: chapter.html, prefix: `${chapter.slug}/`, demote: 1 })),
    ];
    const page = fromHtml(
      embedParts(
        parts,
        note.chapters.map((c) => c.slug),
      ).join(''),
      { fragment: true },
    );
    const ids = selectAll('[id]', page).map((element) => String(element.properties.id));
    assert.equal(new Set(ids).size, ids.length, `unique ids: ${ids.join(' ')}`);
    assert.ok(ids.includes('1-甲/11-小结') && ids.includes('2-乙/21-小结'));
    const references = [
      ...selectAll('a[href^="#"]', page).map((a) => decodeURIComponent(String(a.properties.href).slice(1))),
      ...selectAll('[aria-describedby]', page).flatMap((element) => element.properties.ariaDescribedBy as string[]),
    ];
    references.push(...selectAll('[commandfor]', page).map((button) => String(button.properties.commandFor)));
    assert.ok(references.length >= 11);
    for (const reference of references) assert.ok(ids.includes(reference), `#${reference} is on the page`);
    assert.deepEqual(
      selectAll('h2, h3, h4', page).map((heading) => heading.tagName),
      ['h2', 'h3', 'h3', 'h3', 'h3'],
    );
  });
});
