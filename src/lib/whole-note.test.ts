import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import { buildNotes } from './build-notes.ts';
import { loadNote } from './load-note.ts';
import { fragmentHref } from './urls.ts';
import { embedParts, type PartToEmbed } from './whole-note.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

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
      'reads only tags as tags: not comments, nor the text of a style or a textarea (but a title in SVG is markup)',
      [
        [
          {
            html: `<!-- a > <h2 id="a"> --><!--><h2 id="b">b</h2><style>p::before{content:"<h2 id='c'>"}</style><textarea><h2 id="d"></textarea><svg><title><tspan id="e">e</tspan></title></svg><h2 id="f">f</h2>`,
            prefix: 'p/',
            demote: 1,
          },
        ],
      ],
      [
        `<!-- a > <h2 id="a"> --><!--><h3 id="p/b">b</h3><style>p::before{content:"<h2 id='c'>"}</style><textarea><h2 id="d"></textarea><svg><title><tspan id="p/e">e</tspan></title></svg><h3 id="p/f">f</h3>`,
      ],
    ],
    [
      'reads on after what HTML tolerates: a name starting with =, a style after a letter that lowercases long, a repeated attribute',
      [
        [
          {
            html: '<p id="a"=b>İ</p><style>p{}</style><h2 id="c" id="d">c</h2><a href="#c">c</a><a href="#d">d</a>',
            prefix: 'p/',
            demote: 1,
          },
        ],
      ],
      ['<p id="p/a"=b>İ</p><style>p{}</style><h3 id="p/c" id="d">c</h3><a href="#p%2Fc">c</a><a href="#d">d</a>'],
    ],
    [
      'reads attribute values as written: a > inside quotes, character references',
      [
        [
          {
            html: '<h2 id="a&#x26;b" title="x>y">a</h2><a title="1 > 0" href="#a&#x26;b">↑</a>',
            prefix: 'p/',
            demote: 0,
          },
        ],
      ],
      ['<h2 id="p/a&amp;b" title="x>y">a</h2><a title="1 > 0" href="#p%2Fa%26b">↑</a>'],
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

  it('gives the page a browser reads as the tree-walking version does, on notes nobody here wrote', async () => {
    let compared = 0;
    for (const folder of [
      'notes',
      'tests/fixtures/real-notes',
      'tests/fixtures/hostile',
      'tests/fixtures/site-notes',
    ]) {
      const { content } = await buildNotes({ notesDir: path.join(ROOT, folder), base: '/n/', root: ROOT });
      for (const note of content.notes.filter((each) => each.chapters.length > 0)) {
        const parts = [
          { html: note.intro.html, prefix: '', demote: 0 },
          ...note.chapters.map((chapter) => ({ html: chapter.html, prefix: `${chapter.slug}/`, demote: 1 })),
        ];
        const reserved = ['content', ...note.chapters.map((chapter) => chapter.slug)];
        const read = (html: string) => toHtml(fromHtml(html, { fragment: true }));
        assert.deepEqual(
          embedParts(parts, reserved).map(read),
          embedTree(parts, reserved).map(read),
          `${folder}: ${note.file}`,
        );
        compared += 1;
      }
    }
    assert.ok(compared >= 8, `${compared} notes with chapters compared`);
  });
});

/** What `embedParts` does, done on the parsed tree: slower, plainly right, the reference it is held to. */
function embedTree(parts: PartToEmbed[], reserved: string[]): string[] {
  const taken = new Set(reserved);
  return parts.map((part) => {
    const tree: Root = fromHtml(part.html, { fragment: true });
    const renamed = new Map<string, string>();
    visit(tree, 'element', (node: Element) => {
      const id = node.properties.id;
      if (typeof id === 'string' && id) {
        let unique = part.prefix + id;
        for (let n = 2; taken.has(unique); n += 1) unique = `${part.prefix}${id}-${n}`;
        taken.add(unique);
        renamed.set(id, unique);
        node.properties.id = unique;
      }
      const depth = /^h([1-6])$/.exec(node.tagName)?.[1];
      if (depth && part.demote) node.tagName = `h${Math.min(6, Number(depth) + part.demote)}`;
    });
    visit(tree, 'element', (node: Element) => {
      const href = node.properties.href;
      if (typeof href === 'string' && href.startsWith('#')) {
        const target = renamed.get(decodeURIComponent(href.slice(1)));
        if (target) node.properties.href = fragmentHref(target);
      }
      for (const name of ['commandFor', 'popoverTarget']) {
        const value = node.properties[name];
        if (typeof value === 'string') node.properties[name] = renamed.get(value) ?? value;
      }
      for (const name of ['ariaDescribedBy', 'ariaLabelledBy', 'ariaControls', 'ariaOwns', 'htmlFor', 'headers']) {
        const value = node.properties[name];
        if (Array.isArray(value)) node.properties[name] = value.map((ref) => renamed.get(String(ref)) ?? ref);
      }
    });
    return toHtml(tree);
  });
}
