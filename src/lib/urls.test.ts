import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deployTarget } from './deploy-target.ts';
import {
  archivePath,
  categoryPath,
  encodePath,
  figureFromUrl,
  figurePath,
  figureVariantPath,
  isReservedSegment,
  isWholeNoteUrl,
  normalizeBase,
  noteSlug,
  siteUrl,
  slugify,
  tagPath,
  WHOLE_NOTE_SEGMENT,
  wholeNotePath,
} from './urls.ts';

describe('siteUrl', () => {
  const cases: [string, string, string | undefined, string][] = [
    ['/', '', undefined, '/'],
    ['/notes-site/', '', undefined, '/notes-site/'],
    [
      '/notes-site',
      '生成式ai学习笔记/',
      undefined,
      '/notes-site/%E7%94%9F%E6%88%90%E5%BC%8Fai%E5%AD%A6%E4%B9%A0%E7%AC%94%E8%AE%B0/',
    ],
    ['/', 'figures/a b/图#1.svg', undefined, '/figures/a%20b/%E5%9B%BE%231.svg'],
    ['/', 'n/1-x/', '11-對-chatgpt', '/n/1-x/#11-%E5%B0%8D-chatgpt'],
    ['', '/favicon.svg', undefined, '/favicon.svg'],
  ];
  for (const [base, path, fragment, expected] of cases) {
    it(`${base} + ${path}${fragment ? `#${fragment}` : ''}`, () =>
      assert.equal(siteUrl(base, path, fragment), expected));
  }

  it('normalizes base paths', () => {
    assert.deepEqual(['', '/', 'repo', '/repo', 'repo/', '//repo//'].map(normalizeBase), [
      '/',
      '/',
      '/repo/',
      '/repo/',
      '/repo/',
      '/repo/',
    ]);
  });

  it('keeps separators and encodes the rest', () => assert.equal(encodePath('a?/b%/'), 'a%3F/b%25/'));
});

describe('paths of lists and figures', () => {
  const cases: [string, string, string][] = [
    ['a category', categoryPath(['编程']), 'categories/编程/'],
    ['a nested category, page 2', categoryPath(['编程', 'python'], 2), 'categories/编程/python/page/2/'],
    ['a tag', tagPath('ai'), 'tags/ai/'],
    ['a tag, page 1 has no page segment', tagPath('ai', 1), 'tags/ai/'],
    ['the archive, page 3', archivePath(undefined, 3), 'archives/page/3/'],
    ['a year', archivePath('2023'), 'archives/2023/'],
    ['a figure variant', figureVariantPath('笔记/图 1.png', 640, 'webp'), 'figures/笔记/图 1.png.640.webp'],
  ];
  for (const [name, actual, expected] of cases) it(name, () => assert.equal(actual, expected));

  it('reads the figure back from the URL it was given, under any base', () => {
    for (const base of ['/', '/notes-site/']) {
      for (const figure of ['笔记/图 1#.png', 'a/b/c.jpg']) {
        assert.equal(figureFromUrl(base, siteUrl(base, figurePath(figure))), figure);
      }
      assert.equal(figureFromUrl(base, `${base}other/x.png`), undefined);
    }
  });

  it('reserves the top-level names the site uses for its own pages', () => {
    assert.deepEqual(['categories', 'Tags', 'archives', 'offline', 'figures', '笔记'].map(isReservedSegment), [
      true,
      true,
      true,
      true,
      true,
      false,
    ]);
  });
});

describe('deployTarget', () => {
  const cases: [string, Record<string, string>, { site: string | undefined; base: string }][] = [
    ['nothing set: root', {}, { site: undefined, base: '/' }],
    [
      'SITE and BASE_PATH win',
      { SITE: 'https://notes.example.org/', BASE_PATH: 'study', GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'me/x' },
      { site: 'https://notes.example.org', base: '/study/' },
    ],
    [
      'project site in Actions',
      { GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'Alice/notes-site' },
      { site: 'https://alice.github.io', base: '/notes-site/' },
    ],
    [
      'user site in Actions',
      { GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'Alice/alice.github.io' },
      { site: 'https://alice.github.io', base: '/' },
    ],
    ['GITHUB_REPOSITORY outside Actions is ignored', { GITHUB_REPOSITORY: 'a/b' }, { site: undefined, base: '/' }],
  ];
  for (const [name, env, expected] of cases) {
    it(name, () => assert.deepEqual(deployTarget(env), expected));
  }
});

describe('noteSlug', () => {
  const cases: [string, string][] = [
    ['生成式AI学习笔记.md', '生成式ai学习笔记'],
    ['a/笔记.md', 'a/笔记'],
    ['b/笔记.md', 'b/笔记'],
    ['zh_CN/man1/ls.1.md', 'zh_cn/man1/ls.1'],
    ['maint-guide.zh-tw.markdown', 'maint-guide.zh-tw'],
    ['shell 变量.mdx', 'shell-变量'],
    ['404.md', '404-笔记'],
    ['pagefind.md', 'pagefind-笔记'],
    ['notes/404.md', 'notes/404'],
    ['C++ <T> 模板.md', 'c-t-模板'],
    ['...md', 'note'],
  ];
  for (const [file, expected] of cases) it(`${file} → ${expected}`, () => assert.equal(noteSlug(file), expected));
});

describe('slugify', () => {
  it('makes a slug as GitHub makes heading ids', () =>
    assert.equal(slugify('1 ChatGPT 原理剖析'), '1-chatgpt-原理剖析'));

  it('cuts a long title to fit a file name, unique and stable', () => {
    const long = `第${'很长的标题'.repeat(17)}`;
    const slug = slugify(long);
    assert.ok(new TextEncoder().encode(slug).length <= 120);
    assert.equal(slugify(long), slug);
    assert.notEqual(slugify(`${long}二`), slug);
    assert.match(slug, /^第很长的标题.*-[0-9a-f]{8}$/);
  });
});

describe('the whole-note page', () => {
  it('lives beside the chapters, percent-encoded', () =>
    assert.equal(
      siteUrl('/notes-site/', wholeNotePath('n')),
      '/notes-site/n/%E5%85%A8%E6%96%87%C2%B7%E6%89%93%E5%8D%B0/',
    ));

  // Chapter slugs are slugs (`2-能够使用工具的ai`, and whatever rule names unnumbered chapters): the slugger
  // gives the same slug back for any of them, but not the whole-note segment, so none can equal it.
  const titles = ['2 能够使用工具的AI', '全文', '全文 打印', '全文·打印', '附录：全文·打印', 'Appendix A'];
  for (const title of titles) {
    it(`no chapter titled ${JSON.stringify(title)} can take its address`, () => {
      const slug = slugify(title);
      assert.equal(slugify(slug), slug);
      assert.notEqual(slug, WHOLE_NOTE_SEGMENT);
    });
  }
  it('is not a slug itself', () => assert.notEqual(slugify(WHOLE_NOTE_SEGMENT), WHOLE_NOTE_SEGMENT));

  const urls: [string, boolean][] = [
    ['https://x.org/notes-site/n/%E5%85%A8%E6%96%87%C2%B7%E6%89%93%E5%8D%B0/', true],
    ['/n/全文·打印/', true],
    ['https://x.org/notes-site/n/1-x/', false],
    ['https://x.org/notes-site/n/', false],
  ];
  for (const [url, expected] of urls) it(`${url} → ${expected}`, () => assert.equal(isWholeNoteUrl(url), expected));
});
